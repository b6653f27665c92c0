package org.cems.job.emission;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cems.core.formula.EmissionFormulas;
import org.cems.core.normalize.Pollutants;
import org.cems.hj212.ParameterCodes;

/**
 * The validity rules and means of HJ 212-2017 Appendix D.2 (from HJ/T 75-2007), by time covered:
 * a sub-period from its samples (eq. 23), an hour valid when its valid sub-periods cover at least
 * 45 minutes (eq. 24 read as time: 45 one-minute values, or five 10-minute records, ...), a day
 * from valid hours (eq. 25, at least 20); masses from eq. (33) and (34).
 *
 * <p>Stopped time (a corroborated source stop, {@link StopEvidence}) is not missing data: it leaves
 * the denominator, so an hour needs 45/60 of its running minutes, a day 20/24 of its hours that
 * were not stopped throughout.
 */
final class Periods {
    static final int MINUTES_PER_HOUR = 60;
    static final int VALID_MINUTES_PER_HOUR = 45;
    static final int HOURS_PER_DAY = 24;
    static final int VALID_HOURS_PER_DAY = 20;
    private static final long MINUTE_MS = WindowTimes.MINUTE_MS;

    private Periods() {}

    /** A minute from its real-time samples: valid with at least {@code minValidSamples} valid ones. */
    static PeriodSummary minute(WindowStats stats, int minValidSamples) {
        PeriodSummary p = new PeriodSummary();
        stats.byCode.forEach((code, s) -> {
            CodeSummary c = new CodeSummary();
            c.mean = s.validMean();
            c.refMean = s.refMean();
            c.validCount = s.validCount;
            c.valid = s.validCount >= minValidSamples;
            c.loggerKg = s.couKg();
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

    /** A corroborated source stop: nothing in it is valid or missing, and nothing was emitted. */
    static void markStopped(PeriodSummary p) {
        for (Map.Entry<String, CodeSummary> e : p.byCode.entrySet()) {
            CodeSummary c = e.getValue();
            c.valid = false;
            c.validCount = 0;
            c.mean = null;
            c.refMean = null;
            c.stoppedCount = 1;
            c.massKg = Pollutants.isPollutant(e.getKey()) ? 0.0 : null;
        }
    }

    /**
     * An hour from the sub-periods that cover it, minute by minute: a logger record covers its
     * whole interval and takes precedence over real-time minutes (a later record over an earlier
     * one); a minute no sub-period covers is stopped when {@code evidence} says the source was, else
     * missing. Means are time-weighted over the valid minutes (eq. 24); valid with valid minutes
     * >= ceil(45 × running / 60), running = 60 − stopped minutes.
     */
    static PeriodSummary hour(long hourStart, List<SubPeriod> subPeriods, StopEvidence evidence) {
        SubPeriod[] cover = new SubPeriod[MINUTES_PER_HOUR];
        subPeriods.stream()
                .sorted(Comparator.comparing(SubPeriod::fromLogger).thenComparingLong(SubPeriod::startMillis))
                .forEach(s -> {
                    for (int m = 0; m < s.minutes(); m++) {
                        long minute = s.startMillis() + m * MINUTE_MS;
                        if (minute >= hourStart && minute < hourStart + MINUTES_PER_HOUR * MINUTE_MS) {
                            cover[(int) ((minute - hourStart) / MINUTE_MS)] = s;
                        }
                    }
                });
        PeriodSummary p = new PeriodSummary();
        Map<String, double[]> refSums = new HashMap<>();
        int stopped = 0;
        for (int m = 0; m < MINUTES_PER_HOUR; m++) {
            SubPeriod s = cover[m];
            if (s == null ? evidence.stoppedByStatus(hourStart + m * MINUTE_MS) : s.stopped()) {
                stopped++;
                if (s != null) {
                    s.summary().byCode.keySet().forEach(code -> p.byCode.computeIfAbsent(code, k -> new CodeSummary()));
                }
                continue;
            }
            if (s == null) {
                continue;
            }
            p.fromLogger |= s.fromLogger() && s.minutes() >= MINUTES_PER_HOUR;
            for (Map.Entry<String, CodeSummary> e : s.summary().byCode.entrySet()) {
                CodeSummary sub = e.getValue();
                CodeSummary c = p.byCode.computeIfAbsent(e.getKey(), k -> new CodeSummary());
                if (sub.valid && sub.mean != null) {
                    c.mean = (c.mean == null ? 0 : c.mean) + sub.mean;
                    c.validCount++;
                    if (sub.refMean != null) {
                        double[] ref = refSums.computeIfAbsent(e.getKey(), k -> new double[2]);
                        ref[0] += sub.refMean;
                        ref[1]++;
                    }
                }
            }
        }
        p.stoppedMinutes = stopped;
        int required = requiredValid(VALID_MINUTES_PER_HOUR, MINUTES_PER_HOUR, stopped);
        for (Map.Entry<String, CodeSummary> e : p.byCode.entrySet()) {
            CodeSummary c = e.getValue();
            c.stoppedCount = stopped;
            if (c.validCount > 0) {
                c.mean = c.mean / c.validCount;
                double[] ref = refSums.get(e.getKey());
                c.refMean = ref == null ? null : ref[0] / ref[1];
            }
            c.valid = c.validCount > 0 && c.validCount >= required;
            c.loggerKg = loggerTotal(e.getKey(), hourStart, subPeriods);
        }
        addMassFromRate(p, (MINUTES_PER_HOUR - stopped) / (double) MINUTES_PER_HOUR);
        return p;
    }

    /**
     * The logger's total of an hour: a 2061 record's own, or the sum of the totals of the minute
     * records that start in it, when every one of them that has the code carries one and together
     * they cover the hour.
     */
    private static Double loggerTotal(String code, long hourStart, List<SubPeriod> subPeriods) {
        Double sum = null;
        int minutesCovered = 0;
        for (SubPeriod s : subPeriods) {
            CodeSummary c = s.summary().byCode.get(code);
            if (c == null
                    || s.startMillis() < hourStart
                    || s.startMillis() >= hourStart + MINUTES_PER_HOUR * MINUTE_MS) {
                continue;
            }
            if (s.fromLogger() && s.minutes() >= MINUTES_PER_HOUR) {
                return c.loggerKg;
            }
            if (c.loggerKg == null) {
                return null;
            }
            sum = (sum == null ? 0 : sum) + c.loggerKg;
            minutesCovered += s.minutes();
        }
        // a total over part of the hour is not the hour's: no mass from it, no comparison with it
        return minutesCovered >= MINUTES_PER_HOUR ? sum : null;
    }

    /**
     * A day from its hours: the arithmetic mean of the valid hours (eq. 25); valid with at least
     * 20 of 24, scaled down for hours stopped throughout.
     */
    static PeriodSummary day(Collection<PeriodSummary> hours) {
        PeriodSummary p = new PeriodSummary();
        Map<String, Integer> refCounts = new HashMap<>();
        int stoppedHours = 0;
        for (PeriodSummary hour : hours) {
            if (hour.stoppedMinutes >= MINUTES_PER_HOUR) {
                stoppedHours++;
            }
            for (Map.Entry<String, CodeSummary> e : hour.byCode.entrySet()) {
                CodeSummary h = e.getValue();
                CodeSummary c = p.byCode.computeIfAbsent(e.getKey(), k -> new CodeSummary());
                if (h.valid && h.mean != null) {
                    c.mean = (c.mean == null ? 0 : c.mean) + h.mean;
                    c.validCount++;
                    if (h.refMean != null) {
                        c.refMean = (c.refMean == null ? 0 : c.refMean) + h.refMean;
                        refCounts.merge(e.getKey(), 1, Integer::sum);
                    }
                }
            }
        }
        p.stoppedMinutes = stoppedHours * MINUTES_PER_HOUR;
        for (Map.Entry<String, CodeSummary> e : p.byCode.entrySet()) {
            CodeSummary c = e.getValue();
            if (c.validCount > 0) {
                c.refMean = c.refMean == null ? null : c.refMean / refCounts.get(e.getKey());
                c.mean = c.mean / c.validCount;
            }
            c.stoppedCount = stoppedHours;
            c.valid =
                    c.validCount > 0 && c.validCount >= requiredValid(VALID_HOURS_PER_DAY, HOURS_PER_DAY, stoppedHours);
        }
        return p;
    }

    private static int requiredValid(int requiredOfAll, int slots, int stopped) {
        return (int) Math.ceil((double) requiredOfAll * (slots - stopped) / slots);
    }

    /**
     * Eq. (33): the period's mass from its mean concentration and flow, over the time the source
     * ran in it: a sub-period's duration, an hour's minutes not stopped (a stop at :30 gives 30
     * minutes' mass). The hour's mean stands for its running time, missing minutes included.
     */
    static void addMassFromRate(PeriodSummary p, double runningHours) {
        Double flowM3PerHour = p.mean(ParameterCodes.FLOW);
        for (Map.Entry<String, CodeSummary> e : p.byCode.entrySet()) {
            CodeSummary c = e.getValue();
            if (!Pollutants.isPollutant(e.getKey())) {
                continue;
            }
            if (runningHours <= 0) {
                c.massKg = 0.0;
            } else if (c.mean != null && flowM3PerHour != null) {
                c.massKg = EmissionFormulas.massKg(EmissionFormulas.rateKgPerHour(c.mean, flowM3PerHour), runningHours);
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
