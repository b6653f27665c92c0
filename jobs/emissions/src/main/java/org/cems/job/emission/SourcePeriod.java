package org.cems.job.emission;

import java.util.List;
import java.util.TreeSet;

/**
 * One minute or hour of one source as the windows emitted it, once per source where the
 * {@link EmissionRecord}s are one per pollutant: what the data rates (records received and valid)
 * and the production evidence of the treatment-power alerts (the flow) need. A Flink POJO.
 */
public class SourcePeriod {
    public String enterprise;
    public String source;
    /** 1m or 1h. */
    public String window;

    public long windowStartMillis;
    /** 1m: how long the sub-period covers, minutes (the logger's MinInterval for CN 2051 records). */
    public Integer durationMinutes;
    /** Time in which the source was stopped: a sub-period 1 or 0, an hour minutes (the most of its pollutants). */
    public int stoppedCount;
    /** True when the data logger computed the period itself (CN 2051/2061). */
    public boolean fromLogger;
    /** The pollutant codes whose value in the period is invalid, sorted, comma-separated; "" when all are valid. */
    public String invalidPollutants = "";
    /** The period's mean flow, m3/h; null without one. */
    public Double flowM3H;

    public SourcePeriod() {}

    /** The period of the given records (one window of one source, at least one), with the period's flow. */
    static SourcePeriod of(List<EmissionRecord> records, Double flowM3H) {
        EmissionRecord first = records.get(0);
        SourcePeriod p = new SourcePeriod();
        p.enterprise = first.enterprise;
        p.source = first.source;
        p.window = first.window;
        p.windowStartMillis = first.windowStartMillis;
        p.durationMinutes = first.durationMinutes;
        p.fromLogger = first.fromLogger;
        p.flowM3H = flowM3H;
        TreeSet<String> invalid = new TreeSet<>();
        for (EmissionRecord r : records) {
            p.stoppedCount = Math.max(p.stoppedCount, r.stoppedCount);
            if (!r.valid) {
                invalid.add(r.pollutant);
            }
        }
        p.invalidPollutants = String.join(",", invalid);
        return p;
    }

    /** The source as the enterprise/source key of the operators that read these. */
    public String sourceKey() {
        return enterprise + "/" + source;
    }

    /**
     * Every pollutant of the period is valid: a record counts in 有效实收量 (real-plant-data.md §5) only
     * when all its values are valid by HJ 75-2017 as the windows judge them (flag N, enough samples);
     * one invalid pollutant makes it invalid (docs/duty.md).
     */
    public boolean valid() {
        return invalidPollutants.isEmpty();
    }
}
