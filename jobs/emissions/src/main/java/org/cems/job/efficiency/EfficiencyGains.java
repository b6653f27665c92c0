package org.cems.job.efficiency;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.cems.core.registry.EfficiencyGainDefinition;
import org.cems.core.registry.Enterprise;
import org.cems.core.registry.Registry;
import org.cems.core.registry.Targets;
import org.cems.core.time.Window;
import org.cems.job.kpi.WeightedValue;
import org.cems.job.rollup.TotalRecord;

/**
 * Valid daily efficiencies of devices with a baseline, as gains over the baseline (by the
 * registry's {@code efficiency_gain} definition) for the device itself and, weighted by the
 * pollutant mass the device treated (its inlet mass of the day), for its enterprise, park and the
 * city: a device treating ten times the gas weighs ten times as much. A device without an inlet
 * mass has its own KPI but no weight in the others.
 */
public class EfficiencyGains implements FlatMapFunction<EfficiencyRecord, WeightedValue> {
    public static final String DEVICE = "device";

    private final Registry registry;
    private final String zone;
    private transient Map<String, String> parks;

    public EfficiencyGains(Registry registry, String zone) {
        this.registry = registry;
        this.zone = zone;
    }

    @Override
    public void flatMap(EfficiencyRecord e, Collector<WeightedValue> out) {
        if (!Window.DAY.is(e.window) || !e.valid || e.baselinePct == null || e.efficiencyPct == null) {
            return;
        }
        EfficiencyGainDefinition definition = registry.efficiencyGainDefinition();
        Double gainPct = definition.gainPct(e.efficiencyPct, e.baselinePct);
        if (gainPct == null) {
            return;
        }
        String member = new DeviceId(e.enterprise, e.device).path();
        out.collect(of(DEVICE, member, member, e, gainPct, 1.0, null));
        if (e.inletKg == null || !(e.inletKg > 0)) {
            return;
        }
        int year = Instant.ofEpochMilli(e.windowStartMillis)
                .atZone(ZoneId.of(zone))
                .getYear();
        Double target = registry.target(year, Targets.EQUIPMENT_EFFICIENCY_GAIN_PCT);
        out.collect(of(TotalRecord.ENTERPRISE, e.enterprise, member, e, gainPct, e.inletKg, target));
        String park = park(e.enterprise);
        if (park != null) {
            out.collect(of(TotalRecord.PARK, park, member, e, gainPct, e.inletKg, target));
        }
        out.collect(of(TotalRecord.CITY, registry.city, member, e, gainPct, e.inletKg, target));
    }

    private String park(String enterpriseId) {
        if (parks == null) {
            Map<String, String> byEnterprise = new HashMap<>();
            for (Enterprise en : registry.enterprises) {
                if (en.park != null) {
                    byEnterprise.put(en.id, en.park);
                }
            }
            parks = byEnterprise;
        }
        return parks.get(enterpriseId);
    }

    private static WeightedValue of(
            String scope, String id, String member, EfficiencyRecord e, double gainPct, double weight, Double target) {
        WeightedValue v = new WeightedValue();
        v.scope = scope;
        v.id = id;
        v.indicator = Targets.EQUIPMENT_EFFICIENCY_GAIN_PCT;
        v.member = member;
        v.dayStartMillis = e.windowStartMillis;
        v.value = gainPct;
        v.weight = weight;
        v.target = target;
        return v;
    }
}
