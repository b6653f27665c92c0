package org.cems.job.rollup;

import static org.cems.job.rollup.SourceYearChange.COVERED_DAYS;
import static org.cems.job.rollup.SourceYearChange.FIGURES;
import static org.cems.job.rollup.SourceYearChange.MASS_KG;
import static org.cems.job.rollup.SourceYearChange.PROJECTED_KG;
import static org.cems.job.rollup.SourceYearChange.SOURCES;

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
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.cems.core.registry.Enterprise;
import org.cems.core.registry.Registry;
import org.cems.core.time.Window;
import org.cems.job.emission.EmissionRecord;
import org.cems.job.types.StateKeys;

/**
 * One stack's daily ACCOUNTED masses of the plan's pollutants this year (HJ 75-2017 substitution,
 * so a failing analyser never looks like a reduction; keyed by {@link Contributions#sourceKey}), as
 * changes to the year-to-date figures of its enterprise, park and city ({@link SourceYearChange}).
 * The KPIs need each source's own days to know what its data covers, and they are kept here, once
 * per source, so the scopes' shards ({@link YearToDateParts}) only add up changes.
 *
 * <p>Each source's year is projected from the days it actually covered: its tonnes on those days
 * divided by the share of the baseline year's emission that falls on them ({@link BaselineShares}).
 * Only the last {@link #RECENT_DAYS} days can still be corrected (lateness is hours); the days
 * before them are kept as their sums, which is all the figures need.
 */
public class SourceYearDays extends KeyedProcessFunction<String, EmissionRecord, SourceYearChange> {
    /** Days before the source's newest that are kept one by one: as many as the KPIs keep ({@link YearToDateKpi#KEEP_MS}). */
    private static final int RECENT_DAYS = 3;
    /** Layout of the state: the folded days' sums, the first day index not folded, then day index and mass pairs. */
    private static final int FOLDED_MASS_KG = 0;

    private static final int FOLDED_SHARE = 1;
    private static final int FOLDED_COVERED = 2;
    private static final int FOLDED_UNTIL = 3;
    private static final int DAYS = 4;

    private final Registry registry;
    private transient ZoneId zone;
    private transient Map<String, Enterprise> enterprises;
    /** By pollutant|year. */
    private transient MapState<String, double[]> year;
    /** Days older than the recent ones, which can no longer change the KPIs. */
    private transient Counter daysTooOld;

    public SourceYearDays(Registry registry) {
        this.registry = registry;
    }

    /** What the KPIs count: a stack's day of a plan pollutant, with an accounted mass. */
    public static boolean counts(EmissionRecord r) {
        return Window.DAY.is(r.window)
                && r.stack
                && r.massAccountedKg != null
                && YearToDateKpi.indicatorOf(r.pollutant) != null;
    }

    @Override
    public void open(OpenContext ctx) {
        zone = ZoneId.of(registry.timezone);
        enterprises = new HashMap<>();
        registry.enterprises.forEach(e -> enterprises.put(e.id, e));
        year = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>(
                        "year", Types.STRING, PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO));
        daysTooOld = getRuntimeContext().getMetricGroup().counter("yearToDateDaysTooOld");
    }

    @Override
    public void processElement(EmissionRecord r, Context ctx, Collector<SourceYearChange> out) throws Exception {
        LocalDate day = Instant.ofEpochMilli(r.windowStartMillis).atZone(zone).toLocalDate();
        String key = r.pollutant + "|" + day.getYear();
        double[] before = year.get(key);
        if (before == null) {
            forgetYearsBefore(r.pollutant, day.getYear() - 1);
            before = new double[DAYS];
        }
        int index = day.getDayOfYear() - 1;
        if (index < before[FOLDED_UNTIL]) {
            daysTooOld.inc();
            return;
        }
        double[] after = withDay(before, index, r.massAccountedKg);
        if (after == before) {
            return; // a replay: nothing changed
        }
        Enterprise enterprise = enterprises.get(r.enterprise);
        List<Integer> steps = new ArrayList<>();
        for (int i = DAYS; i < after.length; i += 2) {
            if (after[i] >= index) {
                steps.add((int) after[i]);
            }
        }
        long[] stepDayStarts = new long[steps.size()];
        double[] stepFigures = new double[steps.size() * FIGURES];
        for (int s = 0; s < steps.size(); s++) {
            int until = steps.get(s);
            stepDayStarts[s] = LocalDate.ofYearDay(day.getYear(), until + 1)
                    .atStartOfDay(zone)
                    .toInstant()
                    .toEpochMilli();
            double[] was = figuresUntil(before, until, enterprise, r.pollutant, day.getYear());
            double[] is = figuresUntil(after, until, enterprise, r.pollutant, day.getYear());
            for (int f = 0; f < FIGURES; f++) {
                stepFigures[s * FIGURES + f] = is[f] - was[f];
            }
        }
        year.put(key, folded(after, enterprise, r.pollutant, day.getYear()));
        out.collect(change(TotalRecord.ENTERPRISE, r.enterprise, r, stepDayStarts, stepFigures));
        if (r.park != null) {
            out.collect(change(TotalRecord.PARK, r.park, r, stepDayStarts, stepFigures));
        }
        out.collect(change(TotalRecord.CITY, registry.city, r, stepDayStarts, stepFigures));
    }

    /** The state with the day's mass set, its days kept in order; the same array when the mass is what it was. */
    private static double[] withDay(double[] state, int index, double massKg) {
        int at = DAYS;
        while (at < state.length && state[at] < index) {
            at += 2;
        }
        if (at < state.length && state[at] == index) {
            if (state[at + 1] == massKg) {
                return state;
            }
            double[] replaced = state.clone();
            replaced[at + 1] = massKg;
            return replaced;
        }
        double[] inserted = new double[state.length + 2];
        System.arraycopy(state, 0, inserted, 0, at);
        inserted[at] = index;
        inserted[at + 1] = massKg;
        System.arraycopy(state, at, inserted, at + 2, state.length - at);
        return inserted;
    }

    /**
     * The source's mass, projection and covered days up to and including day index {@code until},
     * and 1 for the source itself once it has any: projection = mass on the covered days / the
     * baseline year's share of those days.
     */
    private static double[] figuresUntil(double[] state, int until, Enterprise enterprise, String pollutant, int y) {
        double massKg = state[FOLDED_MASS_KG];
        double share = state[FOLDED_SHARE];
        double covered = state[FOLDED_COVERED];
        for (int i = DAYS; i < state.length && state[i] <= until; i += 2) {
            massKg += state[i + 1];
            share += BaselineShares.ofDay(enterprise, pollutant, LocalDate.ofYearDay(y, (int) state[i] + 1));
            covered++;
        }
        double[] f = new double[FIGURES];
        f[MASS_KG] = massKg;
        f[PROJECTED_KG] = share > 0 ? massKg / share : 0;
        f[COVERED_DAYS] = covered;
        f[SOURCES] = covered > 0 ? 1 : 0;
        return f;
    }

    /** The state with the days more than {@link #RECENT_DAYS} before the newest added to the folded sums. */
    private static double[] folded(double[] state, Enterprise enterprise, String pollutant, int y) {
        int newest = (int) state[state.length - 2];
        int until = newest - RECENT_DAYS;
        if (until <= state[FOLDED_UNTIL]) {
            return state;
        }
        int at = DAYS;
        double[] sums = Arrays.copyOf(state, DAYS);
        while (at < state.length && state[at] < until) {
            sums[FOLDED_MASS_KG] += state[at + 1];
            sums[FOLDED_SHARE] +=
                    BaselineShares.ofDay(enterprise, pollutant, LocalDate.ofYearDay(y, (int) state[at] + 1));
            sums[FOLDED_COVERED]++;
            at += 2;
        }
        sums[FOLDED_UNTIL] = until;
        double[] kept = Arrays.copyOf(sums, DAYS + state.length - at);
        System.arraycopy(state, at, kept, DAYS, state.length - at);
        return kept;
    }

    /** A new year began: years before the previous one can no longer change. */
    private void forgetYearsBefore(String pollutant, int y) throws Exception {
        String prefix = pollutant + "|";
        StateKeys.removeIf(year, key -> key.startsWith(prefix) && Integer.parseInt(key.substring(prefix.length())) < y);
    }

    private static SourceYearChange change(
            String scope, String id, EmissionRecord r, long[] stepDayStarts, double[] stepFigures) {
        SourceYearChange c = new SourceYearChange();
        c.scope = scope;
        c.id = id;
        c.enterprise = r.enterprise;
        c.pollutant = r.pollutant;
        c.dayStartMillis = r.windowStartMillis;
        c.stepDayStarts = stepDayStarts;
        c.stepFigures = stepFigures;
        return c;
    }
}
