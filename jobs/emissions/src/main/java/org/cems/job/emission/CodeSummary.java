package org.cems.job.emission;

/**
 * One parameter over one period (minute, hour or day): its mean over the valid sub-periods and
 * how many there were. A Flink POJO.
 */
public class CodeSummary {
    /** Mean of the valid sub-periods (samples, minutes or hours), eq. (23)-(25); null when none. */
    public Double mean;
    /** Mean of the gateway's own 折算 values, used only when no O2 is measured. */
    public Double refMean;
    public int validCount;
    public int stoppedCount;
    public boolean valid;
    /** Mass emitted in the period, kg (pollutants with a flow only). */
    public Double massKg;

    public CodeSummary() {}

    /** A sub-period in which the parameter was stopped (F) and never valid. */
    public boolean isStopped() {
        return validCount == 0 && stoppedCount > 0;
    }
}
