package org.cems.job.emission;

/**
 * One parameter over one period (a sub-period of minute data, an hour or a day): its mean over the
 * valid sub-periods, how much was valid and how much the source was stopped, and its masses.
 * A Flink POJO (hours are in state with it: fields may be added, Flink's POJO serializer migrates).
 */
public class CodeSummary {
    /** Time-weighted mean of the valid sub-periods (eq. 23-25); null when none. */
    public Double mean;
    /** Mean of the gateway's own 折算 values, used only when no O2 is measured. */
    public Double refMean;
    /** A sub-period: valid samples (1 for a logger record); an hour: valid minutes; a day: valid hours. */
    public int validCount;
    /** A sub-period: 1 when the source was stopped (corroborated); an hour: stopped minutes; a day: stopped hours. */
    public int stoppedCount;

    public boolean valid;
    /** Measured mass emitted in the period, kg (pollutants with a flow, or the logger's total). */
    public Double massKg;
    /** The mass the period counts for in totals (HJ 75-2017 data handling: substituted when invalid or missing), kg. */
    public Double accountedKg;
    /** True when {@link #accountedKg} is a substitute, not measured. */
    public boolean substituted;
    /** The data logger's own total of the period (HJ 212-2017 Cou), kg. */
    public Double loggerKg;

    public CodeSummary() {}
}
