package org.cems.job.rollup;

/** The mass of one pollutant emitted by an enterprise, a park or the city in one window. A Flink POJO. */
public class TotalRecord {
    public static final String ENTERPRISE = "enterprise";
    public static final String PARK = "park";
    public static final String CITY = "city";

    public String scope;
    public String id;
    public String pollutant;
    public String window;
    public long windowStartMillis;
    public double massKg;
    public int sources;

    public TotalRecord() {}

    public TotalRecord(
            String scope,
            String id,
            String pollutant,
            String window,
            long windowStartMillis,
            double massKg,
            int sources) {
        this.scope = scope;
        this.id = id;
        this.pollutant = pollutant;
        this.window = window;
        this.windowStartMillis = windowStartMillis;
        this.massKg = massKg;
        this.sources = sources;
    }
}
