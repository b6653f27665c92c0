package org.cems.job.emission;

import org.cems.hj212.DataFlag;

/**
 * Running sums of one parameter's values in a sub-period (a minute of real-time samples, or one
 * record of the data logger). Only valid (flag N) values enter the means, HJ 212-2017 eq. (23).
 * F values (instrument stopped) are counted apart: with a corroboration they make the sub-period a
 * source stop (see {@link SubPeriods}). A Flink POJO, in state with {@link MinuteBucketSerializer}.
 */
public class ParameterStats {
    public static final String STOPPED_FLAG = DataFlag.F.name();

    public int samples;
    public int validCount;
    public int stoppedCount;
    public double validSum;
    public int refCount;
    public double refSum;
    /** Sum of every sample's value whatever its flag: whether flow or load was about zero. */
    public double allSum;
    /** Records that carried the logger's own total (Cou) and its sum, kg. */
    public int couCount;

    public double couSum;

    public ParameterStats() {}

    public void add(double value, Double ref, boolean valid, String flag, Double couKg) {
        samples++;
        if (!Double.isNaN(value)) {
            allSum += value;
        }
        if (couKg != null) {
            couCount++;
            couSum += couKg;
        }
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

    /** Mean of every value whatever its flag; NaN when unknown (state from before issue 14). */
    public double allMean() {
        return samples == 0 ? Double.NaN : allSum / samples;
    }

    /** The logger's total of the sub-period, kg; null when it sent none. */
    public Double couKg() {
        return couCount == 0 ? null : couSum;
    }
}
