package org.cems.job.kpi;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.cems.core.registry.Registry;
import org.cems.core.registry.Source;
import org.cems.core.registry.SourceRef;
import org.cems.core.registry.Targets;
import org.cems.core.time.Window;
import org.cems.job.carbon.CarbonRecord;
import org.cems.job.rollup.TotalRecord;

/**
 * The daily coal rates of the large units (registry {@code capacity_mw} at least
 * {@code coal_rate_min_capacity_mw}, the plan: 600 MW) for the unit itself and, weighted by energy,
 * for its enterprise, park and the city: the gross rate (发电煤耗, {@value #GROSS}) by generated MWh,
 * the net rate (供电煤耗, {@value #NET}) by supplied MWh, the latter only for units whose
 * auxiliary power share the registry gives, so a gross figure is never shown as 供电煤耗. The
 * weighted mean is then the scope's standard coal over its energy. The year's
 * {@code coal_rate_net_gce_kwh} target (a ceiling, 290 gce/kWh for 2026) goes with the net rate.
 */
public class CoalRates implements FlatMapFunction<CarbonRecord, WeightedValue> {
    public static final String UNIT = "unit";
    public static final String GROSS = "coal_rate_gross_gce_kwh";
    public static final String NET = Targets.COAL_RATE_NET_GCE_KWH;

    private final Registry registry;
    private final String zone;
    private transient Map<String, Source> sources;

    public CoalRates(Registry registry, String zone) {
        this.registry = registry;
        this.zone = zone;
    }

    @Override
    public void flatMap(CarbonRecord c, Collector<WeightedValue> out) {
        if (!Window.DAY.is(c.window) || c.coalRateGrossGceKwh == null || c.coalEnergyMwh == null) {
            return;
        }
        Source source = source(c);
        if (source == null || source.capacityMw == null || source.capacityMw < registry.coalRateMinCapacityMw) {
            return;
        }
        int year = Instant.ofEpochMilli(c.windowStartMillis)
                .atZone(ZoneId.of(zone))
                .getYear();
        emit(GROSS, c, c.coalRateGrossGceKwh, c.coalEnergyMwh, null, out);
        if (c.coalRateNetGceKwh != null) {
            emit(
                    NET,
                    c,
                    c.coalRateNetGceKwh,
                    c.coalEnergyMwh * (1 - source.auxPowerPct / 100.0),
                    registry.target(year, NET),
                    out);
        }
    }

    private Source source(CarbonRecord c) {
        if (sources == null) {
            Map<String, Source> byPath = new HashMap<>();
            for (SourceRef r : registry.allSources()) {
                byPath.put(r.enterprise().id + "/" + r.source().id, r.source());
            }
            sources = byPath;
        }
        return sources.get(c.enterprise + "/" + c.source);
    }

    private void emit(
            String indicator, CarbonRecord c, double rate, double weight, Double target, Collector<WeightedValue> out) {
        String member = c.enterprise + "/" + c.source;
        out.collect(of(UNIT, member, indicator, member, c, rate, weight, target));
        out.collect(of(TotalRecord.ENTERPRISE, c.enterprise, indicator, member, c, rate, weight, target));
        if (c.park != null) {
            out.collect(of(TotalRecord.PARK, c.park, indicator, member, c, rate, weight, target));
        }
        out.collect(of(TotalRecord.CITY, registry.city, indicator, member, c, rate, weight, target));
    }

    private static WeightedValue of(
            String scope,
            String id,
            String indicator,
            String member,
            CarbonRecord c,
            double rate,
            double weight,
            Double target) {
        WeightedValue v = new WeightedValue();
        v.scope = scope;
        v.id = id;
        v.indicator = indicator;
        v.member = member;
        v.dayStartMillis = c.windowStartMillis;
        v.value = rate;
        v.weight = weight;
        v.target = target;
        return v;
    }
}
