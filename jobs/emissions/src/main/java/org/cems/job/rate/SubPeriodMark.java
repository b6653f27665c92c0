package org.cems.job.rate;

/** One record (sub-period) a source sent: how long it covers, whether the source was stopped, which pollutants were invalid. A Flink POJO. */
public class SubPeriodMark {
    public int minutes;
    public boolean stopped;
    /** Pollutant codes whose value in the record is invalid, comma-separated (sorted). */
    public String invalidPollutants = "";

    public SubPeriodMark() {}

    boolean valid() {
        return invalidPollutants.isEmpty();
    }
}
