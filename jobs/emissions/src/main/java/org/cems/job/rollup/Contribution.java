package org.cems.job.rollup;

/**
 * The change one or more stacks made to one scope's window of one pollutant: their mass minus what
 * they had sent for it before, and how many of them sent it for the first time. Changes add up, so
 * {@link ContributionSums} merges them before they cross the network. A Flink POJO.
 */
public class Contribution {
    public String scope;
    public String id;
    public String pollutant;
    public String window;
    public long windowStartMillis;

    public double deltaKg;
    /** Stacks that contributed to this window for the first time. */
    public int newSources;

    public Contribution() {}

    /** The roll-up's key: one total per scope, pollutant and window. */
    public String windowKey() {
        return scope + ":" + id + "|" + pollutant + "|" + window + "|" + windowStartMillis;
    }
}
