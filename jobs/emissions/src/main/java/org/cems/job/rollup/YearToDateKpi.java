package org.cems.job.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.cems.core.registry.Enterprise;
import org.cems.core.registry.Registry;
import org.cems.core.time.Window;
import org.cems.hj212.Parameter;
import org.cems.hj212.ParameterCatalogue;

/**
 * Year-to-date NOx and VOCs (NMHC) of the city and of each enterprise against the baseline year
 * (seed plan, Table 1: NOx −923 t, VOCs −553 t versus 2023), from daily totals, keyed by scope.
 *
 * <p>Indicators, each a point at the start of the day it was computed for:
 * {@code nox_ytd_t} / {@code vocs_ytd_t}: tonnes emitted this year so far (baseline: the baseline
 * year's tonnes up to the same day of year, pro rata); {@code nox_reduction_t} /
 * {@code vocs_reduction_t}: the baseline year's total minus this year's projection (year to date
 * scaled to the whole year), with the city target and progress = reduction / target. Daily totals
 * are accounted masses (HJ 75-2017: invalid and missing hours substituted), so a failing analyser
 * never looks like a reduction.
 */
public class YearToDateKpi extends KeyedProcessFunction<String, TotalRecord, KpiRecord> {
    private static final double KG_PER_T = 1000.0;
    /** Pollutant code to indicator prefix: the catalogue's {@code indicator} column (a21002 nox, a24088 vocs). */
    private static final Map<String, String> INDICATOR_PREFIX = ParameterCatalogue.standard().all().stream()
            .filter(p -> p.indicator() != null).collect(Collectors.toUnmodifiableMap(Parameter::code, Parameter::indicator));

    private final Registry registry;
    private transient ZoneId zone;
    /** Daily tonnes by pollutant|day start. */
    private transient MapState<String, Double> dailyKg;

    public YearToDateKpi(Registry registry) {
        this.registry = registry;
    }

    /** Only daily totals of the pollutants with an indicator (those the plan sets targets for), for the city and enterprises. */
    public static boolean isInput(TotalRecord t) {
        return Window.DAY.is(t.window) && INDICATOR_PREFIX.containsKey(t.pollutant)
                && (TotalRecord.CITY.equals(t.scope) || TotalRecord.ENTERPRISE.equals(t.scope));
    }

    @Override
    public void open(OpenContext ctx) {
        zone = ZoneId.of(registry.timezone);
        dailyKg = getRuntimeContext().getMapState(new MapStateDescriptor<>("dailyKg", String.class, Double.class));
    }

    @Override
    public void processElement(TotalRecord t, Context ctx, Collector<KpiRecord> out) throws Exception {
        dailyKg.put(t.pollutant + "|" + t.windowStartMillis, t.massKg);
        LocalDate day = Instant.ofEpochMilli(t.windowStartMillis).atZone(zone).toLocalDate();
        double ytdKg = 0;
        List<String> past = new ArrayList<>();
        for (Map.Entry<String, Double> e : dailyKg.entries()) {
            String[] parts = e.getKey().split("\\|");
            LocalDate d = Instant.ofEpochMilli(Long.parseLong(parts[1])).atZone(zone).toLocalDate();
            if (parts[0].equals(t.pollutant) && d.getYear() == day.getYear() && !d.isAfter(day)) {
                ytdKg += e.getValue();
            } else if (d.getYear() < day.getYear() - 1) {
                past.add(e.getKey());
            }
        }
        for (String key : past) {
            dailyKg.remove(key);
        }
        double ytdT = ytdKg / KG_PER_T;
        double yearShare = (double) day.getDayOfYear() / day.lengthOfYear();
        Double baselineT = baselineT(t);
        String prefix = INDICATOR_PREFIX.get(t.pollutant);

        KpiRecord ytd = kpi(t, prefix + "_ytd_t", ytdT);
        ytd.baseline = baselineT == null ? null : baselineT * yearShare;
        out.collect(ytd);
        if (baselineT != null) {
            KpiRecord reduction = kpi(t, prefix + "_reduction_t", baselineT - ytdT / yearShare);
            reduction.baseline = baselineT;
            Double target = cityTarget(t, prefix);
            if (target != null) {
                reduction.target = target;
                reduction.progressPct = reduction.value / target * 100.0;
            }
            out.collect(reduction);
        }
    }

    private KpiRecord kpi(TotalRecord t, String indicator, double value) {
        KpiRecord k = new KpiRecord();
        k.scope = t.scope;
        k.id = t.id;
        k.indicator = indicator;
        k.timeMillis = t.windowStartMillis;
        k.value = value;
        return k;
    }

    /** The baseline year's tonnes: the enterprise's, or the sum over enterprises for the city. */
    private Double baselineT(TotalRecord t) {
        Double sum = null;
        for (Enterprise e : registry.enterprises) {
            if (TotalRecord.CITY.equals(t.scope) || e.id.equals(t.id)) {
                Double b = e.baselineT.get(t.pollutant);
                if (b != null) {
                    sum = (sum == null ? 0 : sum) + b;
                }
            }
        }
        return sum;
    }

    /** The plan's reduction target of an indicator (registry {@code targets}); none for an indicator it sets none for. */
    private Double cityTarget(TotalRecord t, String indicator) {
        if (!TotalRecord.CITY.equals(t.scope)) {
            return null;
        }
        return switch (indicator) {
            case "nox" -> registry.targets.noxReductionT;
            case "vocs" -> registry.targets.vocsReductionT;
            default -> null;
        };
    }
}
