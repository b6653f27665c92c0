package org.cems.job.rollup;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.cems.core.registry.Registry;
import org.cems.core.registry.Targets;
import org.cems.hj212.Parameter;
import org.cems.hj212.ParameterCatalogue;

/**
 * A scope's year-to-date KPIs of one pollutant (keyed by {@link YearToDatePart#yearKey()}), from the
 * parts of its shards (see {@link YearToDateParts} for what they mean): {@code nox_ytd_t} /
 * {@code vocs_ytd_t}: tonnes this year so far, with the baseline year's tonnes on the covered days
 * as {@code baseline}; {@code nox_reduction_t} / {@code vocs_reduction_t}: the monitored
 * enterprises' baseline minus their projection, for the city with the year's target and progress =
 * reduction / target × 100; both with {@code coverage_pct}, the share of the year's source-days
 * (1 January to this day) the data covers.
 *
 * <p>A day's KPIs take each shard's part of that day, or, for a shard with no data that day, its
 * latest part before it: its year so far then (a shard whose sources all stopped still counts).
 * A part changes the KPIs of its day and of the later days already written.
 */
public class YearToDateKpi extends KeyedProcessFunction<String, YearToDatePart, KpiRecord> {
    private static final double KG_PER_T = 1000.0;
    /**
     * A shard's parts of days this much older than the newest are dropped, all but its latest:
     * corrections come within the allowed lateness (hours).
     */
    static final long KEEP_MS = 3L * 24 * 3600 * 1000;
    /** Pollutant code to indicator prefix: the catalogue's {@code indicator} column (a21002 nox, a24088 vocs). */
    private static final Map<String, String> INDICATOR_PREFIX = ParameterCatalogue.standard().all().stream()
            .filter(p -> p.indicator() != null)
            .collect(Collectors.toUnmodifiableMap(Parameter::code, Parameter::indicator));

    private final Registry registry;
    private transient ZoneId zone;
    /** The shards' parts by shard and day: {@code shard|day start}. */
    private transient MapState<String, YearToDatePart> parts;

    public YearToDateKpi(Registry registry) {
        this.registry = registry;
    }

    /** The indicator prefix of a pollutant the plan sets targets for (nox, vocs), else null. */
    public static String indicatorOf(String pollutant) {
        return INDICATOR_PREFIX.get(pollutant);
    }

    @Override
    public void open(OpenContext ctx) {
        zone = ZoneId.of(registry.timezone);
        parts = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("parts", Types.STRING, Types.POJO(YearToDatePart.class)));
    }

    /** At most one part a second per shard and day ({@link YearToDateParts} flushes), so the KPIs follow each. */
    @Override
    public void processElement(YearToDatePart part, Context ctx, Collector<KpiRecord> out) throws Exception {
        parts.put(part.shard + "|" + part.dayStartMillis, part);
        // by shard, by day
        Map<Integer, TreeMap<Long, YearToDatePart>> byShard = new HashMap<>();
        for (YearToDatePart p : parts.values()) {
            byShard.computeIfAbsent(p.shard, k -> new TreeMap<>()).put(p.dayStartMillis, p);
        }
        TreeSet<Long> days = new TreeSet<>();
        byShard.values().forEach(d -> days.addAll(d.keySet()));
        for (long day : days.tailSet(part.dayStartMillis)) {
            emit(part, day, byShard.values(), out);
        }
        dropOldParts(byShard, days.last());
    }

    private void emit(
            YearToDatePart changed,
            long day,
            Collection<TreeMap<Long, YearToDatePart>> shards,
            Collector<KpiRecord> out) {
        double massKg = 0;
        double coveredDays = 0;
        double sources = 0;
        Double baselineOfCoveredT = null;
        Double monitoredBaselineT = null;
        double reductionT = 0;
        for (TreeMap<Long, YearToDatePart> shard : shards) {
            Map.Entry<Long, YearToDatePart> latest = shard.floorEntry(day);
            if (latest == null) {
                continue;
            }
            YearToDatePart p = latest.getValue();
            massKg += p.massKg;
            coveredDays += p.coveredDays;
            sources += p.sources;
            baselineOfCoveredT = YearToDatePart.plusBaseline(baselineOfCoveredT, p.baselineOfCoveredT);
            monitoredBaselineT = YearToDatePart.plusBaseline(monitoredBaselineT, p.monitoredBaselineT);
            reductionT += p.reductionT;
        }
        int dayOfYear = Instant.ofEpochMilli(day).atZone(zone).getDayOfYear();
        String prefix = indicatorOf(changed.pollutant);
        double coveragePct = coveredDays / (sources * dayOfYear) * 100.0;
        KpiRecord ytd = kpi(changed, day, prefix + "_ytd_t", massKg / KG_PER_T, coveragePct);
        ytd.baseline = baselineOfCoveredT;
        out.collect(ytd);
        if (monitoredBaselineT != null) {
            KpiRecord reduction = kpi(changed, day, Targets.reduction(prefix), reductionT, coveragePct);
            reduction.baseline = monitoredBaselineT;
            // the plan's reduction targets are the city's
            Double target =
                    TotalRecord.CITY.equals(changed.scope) ? registry.target(changed.year, reduction.indicator) : null;
            if (target != null) {
                reduction.target = target;
                reduction.progressPct = reductionT / target * 100.0;
            }
            out.collect(reduction);
        }
    }

    private void dropOldParts(Map<Integer, TreeMap<Long, YearToDatePart>> byShard, long newestDay) throws Exception {
        for (Map.Entry<Integer, TreeMap<Long, YearToDatePart>> shard : byShard.entrySet()) {
            long latest = shard.getValue().lastKey();
            for (long day : shard.getValue().headMap(newestDay - KEEP_MS).keySet()) {
                if (day != latest) {
                    parts.remove(shard.getKey() + "|" + day);
                }
            }
        }
    }

    private static KpiRecord kpi(YearToDatePart part, long day, String indicator, double value, double coveragePct) {
        KpiRecord k = new KpiRecord();
        k.scope = part.scope;
        k.id = part.id;
        k.indicator = indicator;
        k.timeMillis = day;
        k.value = value;
        k.coveragePct = coveragePct;
        return k;
    }
}
