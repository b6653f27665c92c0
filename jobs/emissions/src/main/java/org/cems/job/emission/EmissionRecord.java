package org.cems.job.emission;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One pollutant of one source over one window: the {@code emission} measurement of the contract.
 * Null fields are not written. Between operators with {@link EmissionRecordSerializer}.
 */
@TypeInfo(EmissionRecordSerializer.Factory.class)
public class EmissionRecord {
    public String enterprise;
    public String park;
    public String industry;
    public String source;
    /** The source emits to air (role stack), so it counts in totals; inlet points do not. */
    public boolean stack;

    public String pollutant;
    /** 1m, 1h or 1d. */
    public String window;

    public long windowStartMillis;
    public Double concMgM3;
    public Double concRefMgM3;
    public Double flowM3H;
    public Double rateKgH;
    /** Measured mass: the period's valid data (a day: its valid hours, eq. 34), or the logger's total when the job cannot compute it. */
    public Double massKg;
    /** 1h and 1d: the mass totals use (HJ 75-2017: invalid and missing hours substituted); a day's is the sum of its hours'. */
    public Double massAccountedKg;
    /** 1h and 1d: the accounted mass is (or, for a day, includes) a substitute; null on 1m. */
    public Boolean substituted;
    /** The data logger's own total of the period (HJ 212-2017 Cou), kg. */
    public Double massLoggerKg;
    /** 1m: how long the sub-period covers, minutes (the logger's MinInterval for CN 2051 records). */
    public Integer durationMinutes;

    public int validCount;
    /** Time in which the source was stopped (flag F, corroborated): a sub-period 1 or 0, an hour minutes, a day hours. */
    public int stoppedCount;

    public boolean valid;
    /** True when the data logger computed the period itself (CN 2051/2061/2031). */
    public boolean fromLogger;
    /**
     * The period's O2 was above the source's ceiling (near ambient: start-up, shut-down): the
     * reference concentration used the ceiling instead of the measured O2, and the hour is not judged.
     */
    public boolean o2Capped;

    public Double limitMgM3;
    public Boolean exceeded;

    public EmissionRecord() {}
}
