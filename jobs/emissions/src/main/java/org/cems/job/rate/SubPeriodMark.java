package org.cems.job.rate;

import java.util.Arrays;
import java.util.TreeSet;

/** One record (sub-period) a source sent: how long it covers, whether the source was stopped, which pollutants were invalid. A Flink POJO. */
public class SubPeriodMark {
    public int minutes;
    public boolean stopped;
    /** Pollutant codes whose value in the record is invalid, comma-separated (sorted). */
    public String invalidPollutants = "";

    public SubPeriodMark() {}

    /** Takes a pollutant's latest validity (a corrected record replaces the earlier one). */
    void pollutant(String code, boolean valid) {
        TreeSet<String> invalid = new TreeSet<>(
                Arrays.asList(invalidPollutants.isEmpty() ? new String[0] : invalidPollutants.split(",")));
        if (valid) {
            invalid.remove(code);
        } else {
            invalid.add(code);
        }
        invalidPollutants = String.join(",", invalid);
    }

    boolean valid() {
        return invalidPollutants.isEmpty();
    }
}
