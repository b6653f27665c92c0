package org.cems.job.rollup;

/** One stack's mass in one window, addressed to one roll-up scope. A Flink POJO. */
public class Contribution {
    public String scope;
    public String id;
    public String pollutant;
    public String window;
    public long windowStartMillis;
    /** enterprise/source: a later value from the same contributor replaces the earlier one. */
    public String contributor;

    public double massKg;

    public Contribution() {}

    /** The roll-up's key: one total per scope, pollutant and window. */
    public String windowKey() {
        return scope + ":" + id + "|" + pollutant + "|" + window + "|" + windowStartMillis;
    }
}
