package org.cems.job.rollup;

import static org.cems.job.rollup.SourceYearChange.COVERED_DAYS;
import static org.cems.job.rollup.SourceYearChange.FIGURES;
import static org.cems.job.rollup.SourceYearChange.MASS_KG;
import static org.cems.job.rollup.SourceYearChange.PROJECTED_KG;
import static org.cems.job.rollup.SourceYearChange.SOURCES;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
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
import org.cems.job.types.StateKeys;

/**
 * Year-to-date NOx and VOCs (NMHC) of the enterprises of one shard of a scope (the city, a park or
 * an enterprise; keyed by {@link SourceYearChange#shardKey()}), summed into the scope's indicators
 * by {@link YearToDateKpi}: every stack's change in one task made the city's work one task's. The
 * KPIs compare against the baseline year (the plan: NOx −200 t, VOCs −100 t in 2024; −923 t, −553 t
 * by 2026, versus 2023), from each stack's daily accounted masses, as far as the data covers the
 * year. A shard's part holds the figures of its enterprises that add up; the KPIs are made of
 * their sums.
 *
 * <p>Each source's figures (projected from the days it covered, {@link SourceYearDays}) come as
 * changes; an enterprise's figures add up over its sources, but its baseline figures do not (they
 * take its mass over its projection), so each enterprise's figures up to each of its recent days
 * are kept: a corrected day changes the figures up to it and up to every later day. The scope's
 * baseline is that of the enterprises with monitored stacks (not the plan's city-wide inventory),
 * and {@code coverage_pct} says how much of the year the data covers.
 *
 * <p>Parts, for each day whose figures changed (emitted at most every {@link #FLUSH_MS} while they change).
 * A day older than what an enterprise keeps (a backlog of one while another is days ahead) gets no
 * part of its own: the KPIs take the shard's part before it, and its later days are exact.
 */
public class YearToDateParts extends KeyedProcessFunction<String, SourceYearChange, YearToDatePart> {
    private static final double KG_PER_T = 1000.0;
    /**
     * Longest a changed day waits for its part: each part sums every enterprise of the shard (1,600
     * in each of the city's shards at S = 100,000), and a year-to-date figure need not follow every
     * hour's close within a second.
     */
    static final long FLUSH_MS = 10_000;
    /** An enterprise's state: the start of its first day with data this year, then per day its start and the figures up to it. */
    private static final int FIRST_DAY = 0;

    private static final int FIRST_ENTRY = 1;
    private static final int ENTRY = 1 + FIGURES;

    private final Registry registry;
    private transient ZoneId zone;
    /**
     * An enterprise's figures up to each of its days with data since {@link YearToDateKpi#KEEP_MS}
     * before its newest and up to the latest day before that, by pollutant|year|enterprise.
     */
    private transient MapState<String, double[]> enterpriseDays;
    /** The newest day start with data, by pollutant|year. */
    private transient MapState<String, Long> newestDay;
    /** Days whose parts are to be emitted, by pollutant|year|day start. */
    private transient MapState<String, Boolean> changed;

    private transient ValueState<Long> flushTimer;

    public YearToDateParts(Registry registry) {
        this.registry = registry;
    }

    @Override
    public void open(OpenContext ctx) {
        zone = ZoneId.of(registry.timezone);
        enterpriseDays = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>(
                        "enterpriseDays", Types.STRING, PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO));
        newestDay = getRuntimeContext().getMapState(new MapStateDescriptor<>("newestDay", String.class, Long.class));
        changed = getRuntimeContext().getMapState(new MapStateDescriptor<>("changed", String.class, Boolean.class));
        flushTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("flushTimer", Long.class));
    }

    @Override
    public void processElement(SourceYearChange c, Context ctx, Collector<YearToDatePart> out) throws Exception {
        LocalDate day = Instant.ofEpochMilli(c.dayStartMillis).atZone(zone).toLocalDate();
        String pollutantYear = c.pollutant + "|" + day.getYear();
        Long newest = newestDay.get(pollutantYear);
        if (newest == null) {
            forgetYearsBefore(day.getYear() - 1);
        }
        if (newest == null || c.dayStartMillis > newest) {
            newest = c.dayStartMillis;
            newestDay.put(pollutantYear, newest);
        }
        String enterpriseKey = pollutantYear + "|" + c.enterprise;
        double[] days = applied(enterpriseDays.get(enterpriseKey), c);
        double[] kept = pruned(days);
        if (kept != days && changedBefore(pollutantYear, (long) kept[FIRST_ENTRY])) {
            // the parts of those days need the days pruning drops: they go now (a backlog sent at once)
            enterpriseDays.put(enterpriseKey, days);
            emitChanged(ctx.getCurrentKey(), out);
        }
        enterpriseDays.put(enterpriseKey, kept);
        // the change reaches the parts of its day and of every later day
        LocalDate newestDate = Instant.ofEpochMilli(newest).atZone(zone).toLocalDate();
        for (LocalDate d = day; !d.isAfter(newestDate); d = d.plusDays(1)) {
            changed.put(pollutantYear + "|" + d.atStartOfDay(zone).toInstant().toEpochMilli(), true);
        }
        if (flushTimer.value() == null) {
            long at = ctx.timerService().currentProcessingTime() + FLUSH_MS;
            ctx.timerService().registerProcessingTimeTimer(at);
            flushTimer.update(at);
        }
    }

    /**
     * The enterprise's days with the source's change added to the figures up to its day and every
     * later one. Its day is added, from the figures up to the day before it (none before the
     * enterprise's first day), unless those are no longer kept.
     */
    private static double[] applied(double[] stored, SourceYearChange c) {
        double[] days = stored == null ? new double[] {Double.POSITIVE_INFINITY} : stored;
        int at = FIRST_ENTRY;
        while (at < days.length && days[at] < c.dayStartMillis) {
            at += ENTRY;
        }
        boolean kept = at < days.length && days[at] == c.dayStartMillis;
        boolean beforeFirst = c.dayStartMillis < days[FIRST_DAY];
        if (!kept && (at > FIRST_ENTRY || beforeFirst)) {
            double[] inserted = new double[days.length + ENTRY];
            System.arraycopy(days, 0, inserted, 0, at);
            inserted[at] = c.dayStartMillis;
            if (at > FIRST_ENTRY) {
                System.arraycopy(days, at - ENTRY + 1, inserted, at + 1, FIGURES);
            }
            System.arraycopy(days, at, inserted, at + ENTRY, days.length - at);
            inserted[FIRST_DAY] = Math.min(days[FIRST_DAY], c.dayStartMillis);
            days = inserted;
        } else {
            days = days.clone();
        }
        for (int i = at; i < days.length; i += ENTRY) {
            int step = c.stepOf((long) days[i]);
            for (int f = 0; f < FIGURES; f++) {
                days[i + 1 + f] += c.stepFigures[step * FIGURES + f];
            }
        }
        return days;
    }

    /**
     * The days from {@link YearToDateKpi#KEEP_MS} before the enterprise's newest on, and the latest
     * before them, which holds the figures up to them.
     */
    private static double[] pruned(double[] days) {
        long oldestMillis = (long) days[days.length - ENTRY] - YearToDateKpi.KEEP_MS;
        int keepFrom = FIRST_ENTRY;
        while (keepFrom + ENTRY < days.length && days[keepFrom + ENTRY] <= oldestMillis) {
            keepFrom += ENTRY;
        }
        if (keepFrom == FIRST_ENTRY) {
            return days;
        }
        double[] kept = new double[days.length - keepFrom + FIRST_ENTRY];
        kept[FIRST_DAY] = days[FIRST_DAY];
        System.arraycopy(days, keepFrom, kept, FIRST_ENTRY, kept.length - FIRST_ENTRY);
        return kept;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<YearToDatePart> out) throws Exception {
        flushTimer.clear();
        emitChanged(ctx.getCurrentKey(), out);
    }

    /** Whether a day before {@code dayStart} waits for its part. */
    private boolean changedBefore(String pollutantYear, long dayStart) throws Exception {
        for (String changedDay : changed.keys()) {
            int cut = changedDay.lastIndexOf('|');
            if (changedDay.substring(0, cut).equals(pollutantYear)
                    && Long.parseLong(changedDay.substring(cut + 1)) < dayStart) {
                return true;
            }
        }
        return false;
    }

    /** Emits the part of each day that changed, from each enterprise's figures up to it. */
    private void emitChanged(String key, Collector<YearToDatePart> out) throws Exception {
        int shardAt = key.lastIndexOf(SourceYearChange.SHARD_SEPARATOR);
        String[] scope = key.substring(0, shardAt).split(":", 2);
        int shard = Integer.parseInt(key.substring(shardAt + 1));
        Map<String, TreeSet<Long>> daysByPollutantYear = new HashMap<>();
        for (String changedDay : changed.keys()) {
            int cut = changedDay.lastIndexOf('|');
            daysByPollutantYear
                    .computeIfAbsent(changedDay.substring(0, cut), k -> new TreeSet<>())
                    .add(Long.parseLong(changedDay.substring(cut + 1)));
        }
        changed.clear();
        for (Map.Entry<String, TreeSet<Long>> e : daysByPollutantYear.entrySet()) {
            String[] pollutantYear = e.getKey().split("\\|");
            TreeMap<Long, YearToDatePart> parts = new TreeMap<>();
            for (long day : e.getValue()) {
                parts.put(day, part(scope[0], scope[1], shard, pollutantYear, day));
            }
            String prefix = e.getKey() + "|";
            for (Map.Entry<String, double[]> enterprise : enterpriseDays.entries()) {
                if (enterprise.getKey().startsWith(prefix)) {
                    add(
                            registry.enterprise(enterprise.getKey().substring(prefix.length())),
                            enterprise.getValue(),
                            parts);
                }
            }
            for (YearToDatePart part : parts.values()) {
                if (part.complete && part.sources > 0) {
                    out.collect(part);
                }
            }
        }
    }

    private static YearToDatePart part(String scope, String id, int shard, String[] pollutantYear, long day) {
        YearToDatePart part = new YearToDatePart();
        part.scope = scope;
        part.id = id;
        part.shard = shard;
        part.pollutant = pollutantYear[0];
        part.year = Integer.parseInt(pollutantYear[1]);
        part.dayStartMillis = day;
        return part;
    }

    /**
     * Adds an enterprise's figures up to each part's day: those of its latest day on or before it,
     * none before its first day. A day between its first and its oldest kept is no longer known
     * (another enterprise of the shard sent it more than {@link YearToDateKpi#KEEP_MS} after this
     * one's): such a part is marked incomplete.
     */
    private static void add(Enterprise enterprise, double[] days, TreeMap<Long, YearToDatePart> parts) {
        int at = FIRST_ENTRY - ENTRY;
        for (YearToDatePart part : parts.values()) {
            while (at + ENTRY < days.length && days[at + ENTRY] <= part.dayStartMillis) {
                at += ENTRY;
            }
            if (at < FIRST_ENTRY) {
                part.complete &= part.dayStartMillis < days[FIRST_DAY];
                continue;
            }
            double massKg = days[at + 1 + MASS_KG];
            double projectedKg = days[at + 1 + PROJECTED_KG];
            part.massKg += massKg;
            part.coveredDays += days[at + 1 + COVERED_DAYS];
            part.sources += days[at + 1 + SOURCES];
            Double baselineT = enterprise == null ? null : enterprise.baselineT.get(part.pollutant);
            if (baselineT != null && projectedKg > 0) {
                part.baselineOfCoveredT =
                        YearToDatePart.plusBaseline(part.baselineOfCoveredT, baselineT * massKg / projectedKg);
                part.monitoredBaselineT = YearToDatePart.plusBaseline(part.monitoredBaselineT, baselineT);
                part.reductionT += baselineT - projectedKg / KG_PER_T;
            }
        }
    }

    /** A new year began: the state of years before the previous one can no longer change. */
    private void forgetYearsBefore(int year) throws Exception {
        // every key starts with pollutant|year
        Predicate<String> older = key -> Integer.parseInt(key.split("\\|")[1]) < year;
        StateKeys.removeIf(newestDay, older);
        StateKeys.removeIf(changed, older);
        StateKeys.removeIf(enterpriseDays, older);
    }
}
