package org.cems.job.emission;

import org.cems.hj212.DataFlag;

/**
 * Running sums of one parameter's values in a minute. A Flink POJO. Only valid (flag N) values
 * enter the means, HJ 212-2017 eq. (23); F (instrument or source stopped) values are counted
 * apart, so a stopped period is not taken for missing data.
 */
public class ParameterStats {
    public static final String STOPPED_FLAG = DataFlag.F.name();

    public int samples;
    public int validCount;
    public int stoppedCount;
    public double validSum;
    public int refCount;
    public double refSum;

    public ParameterStats() {}

    public void add(double value, Double ref, boolean valid, String flag) {
        samples++;
        if (!valid) {
            if (STOPPED_FLAG.equals(flag)) {
                stoppedCount++;
            }
            return;
        }
        validCount++;
        validSum += value;
        if (ref != null) {
            refCount++;
            refSum += ref;
        }
    }

    /** Arithmetic mean of the valid values; null when there are none. */
    public Double validMean() {
        return validCount == 0 ? null : validSum / validCount;
    }

    public Double refMean() {
        return refCount == 0 ? null : refSum / refCount;
    }
}
