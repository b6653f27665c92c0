package org.cems.job.rate;

/**
 * Records expected, received and valid in one hour or day of a source, an enterprise or the city,
 * and the three rates of the monitoring centre's assessment (real-plant-data.md §5): the
 * {@code data_rate} measurement. A Flink POJO.
 */
public class DataRate {
    public static final String SOURCE = "source";
    public static final String ENTERPRISE = "enterprise";
    public static final String CITY = "city";

    /** source, enterprise or city. */
    public String scope;

    public String enterprise;
    public String source;
    /** 1h or 1d. */
    public String window;

    public long windowStartMillis;
    /** The source's record interval, minutes (a source's hour only; 60 for a source sending hour data alone). */
    public int intervalMinutes;
    /** 传输应收量: records due at the source's interval in the time it was not stopped (HJ 75-2017 excludes stopped time). */
    public long expected;
    /** 传输实收量: records received for that time (at most {@link #expected}). */
    public long received;
    /** 有效实收量: received records whose every pollutant is valid (at most {@link #received}). */
    public long valid;

    public DataRate() {}

    static DataRate of(String scope, String enterprise, String source, String window, long windowStartMillis) {
        DataRate r = new DataRate();
        r.scope = scope;
        r.enterprise = enterprise;
        r.source = source;
        r.window = window;
        r.windowStartMillis = windowStartMillis;
        return r;
    }

    void add(DataRate other) {
        expected += other.expected;
        received += other.received;
        valid += other.valid;
    }

    void subtract(DataRate other) {
        expected -= other.expected;
        received -= other.received;
        valid -= other.valid;
    }

    /** 传输率 = 传输实收量 / 传输应收量, %; null when nothing was due (stopped throughout). */
    public Double transmissionPct() {
        return pct(received, expected);
    }

    /** 有效率 = 有效实收量 / 有效应收量, %, the records due to be valid being those received; null when none came. */
    public Double validityPct() {
        return pct(valid, received);
    }

    /** 传输有效率 = 传输率 × 有效率 = valid / expected, %. */
    public Double transmissionValidityPct() {
        return pct(valid, expected);
    }

    private static Double pct(long part, long whole) {
        return whole == 0 ? null : 100.0 * part / whole;
    }

    boolean sameCounts(DataRate other) {
        return other != null
                && expected == other.expected
                && received == other.received
                && valid == other.valid
                && intervalMinutes == other.intervalMinutes;
    }
}
