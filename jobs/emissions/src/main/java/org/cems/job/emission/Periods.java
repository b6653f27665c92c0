package org.cems.job.emission;

import java.util.Collection;
import java.util.Map;

import org.cems.core.formula.EmissionFormulas;
import org.cems.core.normalize.Pollutants;
import org.cems.hj212.ParameterCodes;

/**
 * The validity rules and means of HJ 212-2017 Appendix D.2 (from HJ/T 75-2007): a minute from its
 * samples (eq. 23), an hour from valid minutes (eq. 24, at least 45), a day from valid hours
 * (eq. 25, at least 20); masses from eq. (33) and (34).
 *
 * <p>Stopped sub-periods (flag F throughout) are not missing data: they leave the denominator,
 * so an hour needs 45/60 of its minutes that were not stopped, a day 20/24 of its hours.
 */
final class Periods {
    static final int MINUTES_PER_HOUR = 60;
    static final int VALID_MINUTES_PER_HOUR = 45;
    static final int HOURS_PER_DAY = 24;
    static final int VALID_HOURS_PER_DAY = 20;

    private Periods() {}

    /** A minute from its real-time samples: valid with at least {@code minValidSamples} valid ones. */
    static PeriodSummary minute(WindowStats stats, int minValidSamples) {
        PeriodSummary p = new PeriodSummary();
        stats.byCode.forEach((code, s) -> {
            CodeSummary c = new CodeSummary();
            c.mean = s.validMean();
            c.refMean = s.refMean();
            c.validCount = s.validCount;
            c.stoppedCount = s.stoppedCount;
            c.valid = s.validCount >= minValidSamples;
            p.byCode.put(code, c);
        });
        return p;
    }

    /** A period the data logger computed itself (CN 2051/2061/2031): used as sent, valid when flagged N. */
    static PeriodSummary fromLogger(WindowStats stats) {
        PeriodSummary p = minute(stats, 1);
        p.fromLogger = true;
        return p;
    }

    /**
     * An hour from its minutes or a day from its hours: the arithmetic mean of the valid parts
     * (eq. 24/25); valid with at least {@code requiredValid} of {@code slots} parts, scaled down
     * for stopped parts.
     */
    static PeriodSummary rollUp(Collection<PeriodSummary> parts, int slots, int requiredValid) {
        PeriodSummary p = new PeriodSummary();
        Map<String, Integer> refCounts = new java.util.HashMap<>();
        for (PeriodSummary part : parts) {
            for (Map.Entry<String, CodeSummary> e : part.byCode.entrySet()) {
                CodeSummary sub = e.getValue();
                CodeSummary c = p.byCode.computeIfAbsent(e.getKey(), k -> new CodeSummary());
                if (sub.valid && sub.mean != null) {
                    c.mean = (c.mean == null ? 0 : c.mean) + sub.mean;
                    c.validCount++;
                    if (sub.refMean != null) {
                        c.refMean = (c.refMean == null ? 0 : c.refMean) + sub.refMean;
                        refCounts.merge(e.getKey(), 1, Integer::sum);
                    }
                } else if (sub.isStopped()) {
                    c.stoppedCount++;
                }
            }
        }
        for (Map.Entry<String, CodeSummary> e : p.byCode.entrySet()) {
            CodeSummary c = e.getValue();
            if (c.validCount > 0) {
                c.refMean = c.refMean == null ? null : c.refMean / refCounts.get(e.getKey());
                c.mean = c.mean / c.validCount;
            }
            int required = (int) Math.ceil((double) requiredValid * (slots - c.stoppedCount) / slots);
            c.valid = c.validCount > 0 && c.validCount >= required;
        }
        return p;
    }

    /** Eq. (33): the period's mass from its mean concentration and flow, for a minute or an hour. */
    static void addMassFromRate(PeriodSummary p, double hours) {
        Double flowM3PerHour = p.mean(ParameterCodes.FLOW);
        for (Map.Entry<String, CodeSummary> e : p.byCode.entrySet()) {
            CodeSummary c = e.getValue();
            if (Pollutants.isPollutant(e.getKey()) && c.mean != null && flowM3PerHour != null) {
                c.massKg = EmissionFormulas.massKg(EmissionFormulas.rateKgPerHour(c.mean, flowM3PerHour), hours);
            }
        }
    }

    /** Eq. (34): a day's mass is the sum of the hourly masses of its valid hours. */
    static void addMassFromHours(PeriodSummary day, Collection<PeriodSummary> hours) {
        for (Map.Entry<String, CodeSummary> e : day.byCode.entrySet()) {
            if (!Pollutants.isPollutant(e.getKey())) {
                continue;
            }
            Double sum = null;
            for (PeriodSummary hour : hours) {
                CodeSummary h = hour.byCode.get(e.getKey());
                if (h != null && h.valid && h.massKg != null) {
                    sum = (sum == null ? 0 : sum) + h.massKg;
                }
            }
            e.getValue().massKg = sum;
        }
    }
}
