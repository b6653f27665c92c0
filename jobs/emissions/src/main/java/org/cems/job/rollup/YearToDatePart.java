package org.cems.job.rollup;

/**
 * The year-to-date figures of one shard of a scope's enterprises on one day (see
 * {@link YearToDateParts}): each adds up over enterprises, so the scope's are the sums of its
 * shards'. A Flink POJO.
 */
public class YearToDatePart {
    public String scope;
    public String id;
    public int shard;
    public String pollutant;
    public int year;
    public long dayStartMillis;

    public double massKg;
    /** Source-days covered, of all sources with data this year. */
    public double coveredDays;

    public double sources;
    /** The baseline year's tonnes on the covered days; null when no enterprise has a baseline. */
    public Double baselineOfCoveredT;
    /** The baselines of the enterprises with monitored stacks; null when none has one. */
    public Double monitoredBaselineT;
    /** Baseline minus projection, of the enterprises with a baseline. */
    public double reductionT;

    /** While summed: false when an enterprise's figures up to the day are no longer known (not emitted). */
    transient boolean complete = true;

    public YearToDatePart() {}

    /**
     * Adds to a baseline figure that stays null while no enterprise has a baseline. Written out
     * because a conditional mixing {@code Double} and {@code double} would unbox the null sum.
     */
    static Double plusBaseline(Double sumT, Double valueT) {
        if (valueT == null) {
            return sumT;
        }
        return sumT == null ? valueT : Double.valueOf(sumT + valueT);
    }

    /** The KPIs' key: one per scope, pollutant and year. */
    public String yearKey() {
        return scope + ":" + id + "|" + pollutant + "|" + year;
    }
}
