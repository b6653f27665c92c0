package org.cems.job.emission;

/**
 * One pollutant of one source over one window: the {@code emission} measurement of the contract.
 * A Flink POJO; null fields are not written.
 */
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
    public Double massKg;
    public int validCount;
    /** Sub-periods in which the instrument or source was stopped (flag F): not counted as missing. */
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
