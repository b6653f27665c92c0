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
    public Double energyMwh;
    public Double intensityTMwh;
    public Double coalGceKwh;

    public CarbonRecord() {}
}
