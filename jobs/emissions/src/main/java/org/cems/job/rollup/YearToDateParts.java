package org.cems.job.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.cems.core.registry.Enterprise;
import org.cems.core.registry.Registry;

/**
 * Year-to-date NOx and VOCs (NMHC) of the enterprises of one shard of a scope (the city, a park or
 * an enterprise; keyed by {@link SourceDay#shardKey()}), summed into the scope's indicators by
 * {@link YearToDateKpi}: every stack's days in one task made the city's work one task's. The KPIs
 * compare against the baseline year (the plan: NOx −200 t, VOCs −100 t in 2024; −923 t, −553 t by 2026,
 * versus 2023), from each stack's daily accounted masses, as far as the data covers the year.
 * A shard's part holds the figures of its enterprises that add up; the KPIs are made of their sums.
 *
 * <p>Each source's year is projected from the days it actually covered: its tonnes on those days
 * divided by the share of the baseline year's emission that falls on them (the enterprise's monthly
 * baseline profile where given, else an even spread). A source that started on 26 November is
 * projected from its days since then, not as if it had emitted nothing since 1 January. The
 * scope's baseline is that of the enterprises with monitored stacks (not the plan's city-wide
 * inventory), and {@code coverage_pct} says how much of the year the data covers.
 *
 * <p>Parts, at the start of each day whose data arrived or changed, over the days up to it
 * (emitted at most once a second while they change).
 */
public class YearToDateParts extends KeyedProcessFunction<String, SourceDay, YearToDatePart> {
    private static final double KG_PER_T = 1000.0;
    static final int MAX_DAYS = 366;
    /** Sums of an enterprise's sources: index of each figure in the state's arrays. */
    private static final int MASS_KG = 0;

    private static final int PROJECTED_KG = 1;
    private static final int COVERED_DAYS = 2;
    private static final int SOURCES = 3;
    /** After a source's days: the baseline year's share of its covered days, and their number. */
    static final int SHARE = MAX_DAYS;

    static final int COVERED = MAX_DAYS + 1;

    private final Registry registry;
    private transient ZoneId zone;
    private transient Map<String, Enterprise> enterprises;
    /**
     * A source's tonnes by day of the year (NaN: not covered), then its {@link #SHARE} and
     * {@link #COVERED} days, by pollutant|year|enterprise|source.
     */
    private transient MapState<String, double[]> sourceDays;
    /** Mass, projection, covered days and sources of an enterprise's stacks in the scope, all days, by pollutant|year|enterprise. */
    private transient MapState<String, double[]> enterpriseSums;
    /** The newest day start with data, by pollutant|year. */
    private transient MapState<String, Long> newestDay;
    /** Days whose KPIs are to be emitted, by pollutant|year|day start. */
    private transient MapState<String, Boolean> changed;

    private transient ValueState<Long> flushTimer;

    public YearToDateParts(Registry registry) {
        this.registry = registry;
    }

    @Override
    public void open(OpenContext ctx) {
        zone = ZoneId.of(registry.timezone);
        enterprises = new HashMap<>();
        registry.enterprises.forEach(e -> enterprises.put(e.id, e));
        sourceDays = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>(
                        "sourceDays", Types.STRING, PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO));
        enterpriseSums = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>(
                        "enterpriseSums", Types.STRING, PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO));
        newestDay = getRuntimeContext().getMapState(new MapStateDescriptor<>("newestDay", String.class, Long.class));
        changed = getRuntimeContext().getMapState(new MapStateDescriptor<>("changed", String.class, Boolean.class));
        flushTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("flushTimer", Long.class));
    }

    @Override
    public void processElement(SourceDay d, Context ctx, Collector<YearToDatePart> out) throws Exception {
        LocalDate day = Instant.ofEpochMilli(d.dayStartMillis).atZone(zone).toLocalDate();
        String pollutantYear = d.pollutant + "|" + day.getYear();
        Long newest = newestDay.get(pollutantYear);
        if (newest == null) {
            forgetYearsBefore(day.getYear() - 1);
        }
        if (newest == null || d.dayStartMillis > newest) {
            newestDay.put(pollutantYear, d.dayStartMillis);
        }
        Enterprise enterprise = enterprises.get(d.enterprise);
        String sourceKey = pollutantYear + "|" + d.enterprise + "|" + d.source;
        double[] days = withCoverage(sourceDays.get(sourceKey), enterprise, d.pollutant, day.getYear());
        double[] before = summary(days);
        int dayIndex = day.getDayOfYear() - 1;
        if (Double.isNaN(days[dayIndex])) {
            days[SHARE] += BaselineShares.ofDay(enterprise, d.pollutant, day);
            days[COVERED] += 1;
        }
        days[dayIndex] = d.massKg;
        sourceDays.put(sourceKey, days);
        double[] after = summary(days);

        String enterpriseKey = pollutantYear + "|" + d.enterprise;
        double[] sums = enterpriseSums.get(enterpriseKey);
        if (sums == null) {
            sums = new double[SOURCES + 1];
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] += after[i] - before[i];
        }
        enterpriseSums.put(enterpriseKey, sums);
        changed.put(pollutantYear + "|" + d.dayStartMillis, true);
        if (flushTimer.value() == null) {
            long at = ctx.timerService().currentProcessingTime() + Rollup.FLUSH_MS;
            ctx.timerService().registerProcessingTimeTimer(at);
            flushTimer.update(at);
        }
    }

    /**
     * A source's days with, after them, the baseline year's share of its covered days and their
     * number, so that a day's new mass needs no pass over the year's shares (an array of
     * {@link #MAX_DAYS} from an earlier version gains them here). A source new to the year has none.
     */
    static double[] withCoverage(double[] stored, Enterprise enterprise, String pollutant, int year) {
        if (stored != null && stored.length == COVERED + 1) {
            return stored;
        }
        double[] days = new double[COVERED + 1];
        Arrays.fill(days, 0, MAX_DAYS, Double.NaN);
        if (stored != null) {
            LocalDate jan1 = LocalDate.of(year, 1, 1);
            for (int i = 0; i < jan1.lengthOfYear(); i++) {
                days[i] = stored[i];
                if (!Double.isNaN(stored[i])) {
                    days[SHARE] += BaselineShares.ofDay(enterprise, pollutant, jan1.plusDays(i));
                    days[COVERED] += 1;
                }
            }
        }
        return days;
    }

    /** {@link #summary(double[], Enterprise, String, int, int)} of all days, from the coverage kept with them. */
    private static double[] summary(double[] days) {
        double massKg = 0;
        for (int i = 0; i < MAX_DAYS; i++) {
            if (!Double.isNaN(days[i])) {
                massKg += days[i];
            }
        }
        double[] s = new double[SOURCES + 1];
        s[MASS_KG] = massKg;
        s[PROJECTED_KG] = days[SHARE] > 0 ? massKg / days[SHARE] : 0;
        s[COVERED_DAYS] = days[COVERED];
        s[SOURCES] = days[COVERED] > 0 ? 1 : 0;
        return s;
    }

    /**
     * A source's mass, projection and covered days up to day of year {@code untilDay}, and 1 for the
     * source itself once it has any: projection = mass on the covered days / the baseline year's
     * share of those days.
     */
    private static double[] summary(double[] days, Enterprise enterprise, String pollutant, int year, int untilDay) {
        double massKg = 0;
        double share = 0;
        int covered = 0;
        LocalDate jan1 = LocalDate.of(year, 1, 1);
        for (int i = 0; i < Math.min(jan1.lengthOfYear(), untilDay); i++) {
            if (!Double.isNaN(days[i])) {
                massKg += days[i];
                share += BaselineShares.ofDay(enterprise, pollutant, jan1.plusDays(i));
                covered++;
            }
        }
        double[] s = new double[SOURCES + 1];
        s[MASS_KG] = massKg;
        s[PROJECTED_KG] = share > 0 ? massKg / share : 0;
        s[COVERED_DAYS] = covered;
        s[SOURCES] = covered > 0 ? 1 : 0;
        return s;
    }

    /**
     * Emits each day that changed: the newest from the running sums; an earlier one (a corrected
     * day) from its sources' days up to it, so a day's point never counts the days after it.
     */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<YearToDatePart> out) throws Exception {
        flushTimer.clear();
        String key = ctx.getCurrentKey();
        int shardAt = key.lastIndexOf(SourceDay.SHARD_SEPARATOR);
        String[] scope = key.substring(0, shardAt).split(":", 2);
        int shard = Integer.parseInt(key.substring(shardAt + 1));
        for (String changedDay : changed.keys()) {
            int cut = changedDay.lastIndexOf('|');
            String pollutantYear = changedDay.substring(0, cut);
            long dayStart = Long.parseLong(changedDay.substring(cut + 1));
            Long newest = newestDay.get(pollutantYear);
            if (newest == null) {
                continue;
            }
            Map<String, double[]> sums =
                    dayStart == newest ? runningSums(pollutantYear) : sumsUntil(pollutantYear, dayStart);
            emit(scope[0], scope[1], shard, pollutantYear, dayStart, sums, out);
        }
        changed.clear();
    }

    /** The enterprises' sums over all their days: by enterprise id. */
    private Map<String, double[]> runningSums(String pollutantYear) throws Exception {
        Map<String, double[]> sums = new HashMap<>();
        for (Map.Entry<String, double[]> e : enterpriseSums.entries()) {
            if (e.getKey().startsWith(pollutantYear + "|")) {
                sums.put(e.getKey().substring(pollutantYear.length() + 1), e.getValue());
            }
        }
        return sums;
    }

    /** The enterprises' sums over their sources' days up to and including {@code dayStart}: by enterprise id. */
    private Map<String, double[]> sumsUntil(String pollutantYear, long dayStart) throws Exception {
        String[] parts = pollutantYear.split("\\|");
        int year = Integer.parseInt(parts[1]);
        int untilDay = Instant.ofEpochMilli(dayStart).atZone(zone).getDayOfYear();
        Map<String, double[]> sums = new HashMap<>();
        for (Map.Entry<String, double[]> e : sourceDays.entries()) {
            if (!e.getKey().startsWith(pollutantYear + "|")) {
                continue;
            }
            String enterpriseId = e.getKey().split("\\|")[2];
            double[] source = summary(e.getValue(), enterprises.get(enterpriseId), parts[0], year, untilDay);
            double[] sum = sums.computeIfAbsent(enterpriseId, k -> new double[SOURCES + 1]);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += source[i];
            }
        }
        return sums;
    }

    private void emit(
            String scope,
            String id,
            int shard,
            String pollutantYear,
            long dayStart,
            Map<String, double[]> sumsByEnterprise,
            Collector<YearToDatePart> out) {
        String[] parts = pollutantYear.split("\\|");
        YearToDatePart part = new YearToDatePart();
        part.scope = scope;
        part.id = id;
        part.shard = shard;
        part.pollutant = parts[0];
        part.year = Integer.parseInt(parts[1]);
        part.dayStartMillis = dayStart;
        for (Map.Entry<String, double[]> e : sumsByEnterprise.entrySet()) {
            double[] s = e.getValue();
            part.massKg += s[MASS_KG];
            part.coveredDays += s[COVERED_DAYS];
            part.sources += s[SOURCES];
            Enterprise enterprise = enterprises.get(e.getKey());
            Double baselineT = enterprise == null ? null : enterprise.baselineT.get(part.pollutant);
            if (baselineT != null && s[PROJECTED_KG] > 0) {
                part.baselineOfCoveredT =
                        YearToDatePart.plusBaseline(part.baselineOfCoveredT, baselineT * s[MASS_KG] / s[PROJECTED_KG]);
                part.monitoredBaselineT = YearToDatePart.plusBaseline(part.monitoredBaselineT, baselineT);
                part.reductionT += baselineT - s[PROJECTED_KG] / KG_PER_T;
            }
        }
        if (part.sources > 0) {
            out.collect(part);
        }
    }

    /** A new year began: the state of years before the previous one can no longer change. */
    private void forgetYearsBefore(int year) throws Exception {
        List<String> old = new ArrayList<>();
        for (String key : newestDay.keys()) {
            if (Integer.parseInt(key.split("\\|")[1]) < year) {
                old.add(key);
            }
        }
        for (String pollutantYear : old) {
            newestDay.remove(pollutantYear);
            removeKeysStartingWith(changed, pollutantYear + "|");
            removeKeysStartingWith(sourceDays, pollutantYear + "|");
            removeKeysStartingWith(enterpriseSums, pollutantYear + "|");
        }
    }

    private static void removeKeysStartingWith(MapState<String, ?> state, String prefix) throws Exception {
        List<String> keys = new ArrayList<>();
        for (String key : state.keys()) {
            if (key.startsWith(prefix)) {
                keys.add(key);
            }
        }
        for (String key : keys) {
            state.remove(key);
        }
    }
}
