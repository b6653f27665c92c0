package org.cems.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingValue;
import org.cems.core.registry.Source;
import org.cems.hj212.ParameterCodes;

/**
 * What a data logger makes of one period from the records in it (HJ 212-2017 Appendix D.2): per
 * parameter the arithmetic mean (eqs. 23-25: of real-time values for minute data, of minute means
 * for an hour, of hourly means for a day), the least and greatest value, the same for the
 * reference-O2 values, and a flag: N when at least 75 % of the records are N (Appendix C note
 * on period flags), otherwise the most frequent other flag, so that a stopped or calibrating
 * instrument still shows as such in minute data.
 */
final class LoggerAverage {
    private static final double NORMAL_SHARE = 0.75;
    private static final double KG_PER_MG = 1.0e-6;
    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    private LoggerAverage() {}

    /** The record of CN {@code cn} for the period starting at {@code startMillis}; null when no record falls in it. */
    static Reading of(String mn, String cn, long startMillis, List<Reading> records) {
        if (records.isEmpty()) {
            return null;
        }
        Map<String, List<ReadingValue>> byCode = new LinkedHashMap<>();
        records.forEach(r -> r.values.forEach((code, v) -> {
            if (v.primary() != null) {
                byCode.computeIfAbsent(code, c -> new ArrayList<>()).add(v);
            }
        }));
        Map<String, ReadingValue> values = new LinkedHashMap<>();
        byCode.forEach((code, vs) -> values.put(code, average(vs)));
        return new Reading(mn, cn, startMillis, values);
    }

    /** The real-time readings {@code upstream} sends for a point at the ticks in [{@code fromMillis}, {@code toMillis}). */
    static List<Reading> realTime(
            MonitoringPoint point, long fromMillis, long toMillis, Gateway upstream, Placement at) {
        List<Reading> readings = new ArrayList<>();
        for (long t = at.firstTickAtOrAfter(fromMillis); t < toMillis; t += at.tickMillis()) {
            for (Upload u : upstream.uploadsAt(point, t)) {
                if (u.isRealTime()) {
                    readings.add(u.reading);
                }
            }
        }
        return readings;
    }

    /**
     * Adds {@code -Cou} to a period's record: flow × duration in m3, and for each pollutant the
     * period's mean concentration × mean flow × duration in kg (HJ 212-2017 eq. 33 for a period of
     * any length; Table B.2 gives the units).
     */
    static void addTotals(MonitoringPoint point, Reading record, long durationMillis) {
        ReadingValue flow = record.values.get(ParameterCodes.FLOW);
        if (flow == null || flow.avg == null) {
            return;
        }
        Source source = point.source();
        double hours = durationMillis / MILLIS_PER_HOUR;
        double flowM3PerHour = ReportedUnits.flowM3PerHour(source, flow.avg);
        flow.cou = Rounding.forTotal(flowM3PerHour * hours);
        for (String code : point.pollutantRangesMgM3().keySet()) {
            ReadingValue v = record.values.get(code);
            if (v != null && v.avg != null) {
                v.cou = Rounding.forTotal(
                        ReportedUnits.concentrationMgM3(source, code, v.avg) * flowM3PerHour * hours * KG_PER_MG);
            }
        }
    }

    private static ReadingValue average(List<ReadingValue> vs) {
        ReadingValue out = new ReadingValue();
        out.avg = Rounding.forReport(mean(vs, ReadingValue::primary));
        out.min = Rounding.forReport(vs.stream()
                .mapToDouble(v -> v.min != null ? v.min : v.primary())
                .min()
                .orElseThrow());
        out.max = Rounding.forReport(vs.stream()
                .mapToDouble(v -> v.max != null ? v.max : v.primary())
                .max()
                .orElseThrow());
        if (vs.stream().allMatch(v -> v.primaryZs() != null)) {
            out.zsAvg = Rounding.forReport(mean(vs, ReadingValue::primaryZs));
            out.zsMin = Rounding.forReport(vs.stream()
                    .mapToDouble(v -> v.zsMin != null ? v.zsMin : v.primaryZs())
                    .min()
                    .orElseThrow());
            out.zsMax = Rounding.forReport(vs.stream()
                    .mapToDouble(v -> v.zsMax != null ? v.zsMax : v.primaryZs())
                    .max()
                    .orElseThrow());
        }
        out.flag = flag(vs);
        return out;
    }

    private static double mean(List<ReadingValue> vs, Function<ReadingValue, Double> value) {
        return vs.stream().mapToDouble(value::apply).average().orElseThrow();
    }

    private static String flag(List<ReadingValue> vs) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        vs.forEach(v -> counts.merge(v.flagOrNormal(), 1, Integer::sum));
        if (counts.getOrDefault("N", 0) >= NORMAL_SHARE * vs.size()) {
            return "N";
        }
        Map<String, Integer> others = new HashMap<>(counts);
        others.remove("N");
        String most = null;
        for (String f : counts.keySet()) {
            if (others.containsKey(f) && (most == null || others.get(f) > others.get(most))) {
                most = f;
            }
        }
        return most;
    }
}
