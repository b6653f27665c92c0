package org.cems.job.carbon;

/** CO2 of one source over one window: the {@code carbon} measurement. A Flink POJO; nulls are not written. */
public class CarbonRecord {
    public String enterprise;
    public String park;
    public String industry;
    public String source;
    public String window;
    public long windowStartMillis;
    public Double co2T;
    public Double co2RateTH;
    public Double loadMw;
    /** Generation over the window: load × time (a day: the sum of its hours). */
    public Double energyMwh;
    /** CO2 of the hours with a counted CO2 and a load, per MWh generated in those same hours. */
    public Double intensityTMwh;
    /** 发电煤耗: standard coal per generated kWh over the hours with coal feed, calorific value and load. */
    public Double coalRateGrossGceKwh;
    /** 供电煤耗: the same per supplied kWh, where the registry gives the unit's aux_power_pct; else null. */
    public Double coalRateNetGceKwh;
    /** Generation of the hours the coal rates cover, MWh: the weight of the unit in averages (not written). */
    public Double coalEnergyMwh;
    /** CO2 by the fuel method (coal × NCV × carbon content × oxidation × 44/12), t. */
    public Double co2FuelT;
    /** (CEMS CO2 − fuel CO2) / fuel CO2 × 100 over the hours that have both. */
    public Double co2DiffPct;

    public CarbonRecord() {}
}
