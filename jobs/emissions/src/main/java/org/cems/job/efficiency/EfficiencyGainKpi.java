package org.cems.job.efficiency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.cems.core.registry.Registry;
import org.cems.job.rollup.KpiRecord;
import org.cems.job.rollup.TotalRecord;

/**
 * KPI {@code equipment_efficiency_gain_pct} of the city and of each enterprise (keyed by scope), a
 * point at the start of each day: the mean over devices with a valid daily efficiency and a
 * baseline of (efficiency − baseline) / baseline × 100 (seed plan: +10 % over 2023). The city's
 * has the registry target and progress = value / target × 100. A device's later daily value (a
 * corrected day) replaces its earlier one.
 */
public class EfficiencyGainKpi extends KeyedProcessFunction<String, EfficiencyGain, KpiRecord> {
    public static final String INDICATOR = "equipment_efficiency_gain_pct";
    private static final long KEEP_DAYS_MS = 7L * 24 * 3600 * 1000;

    private final double targetPct;
    /** Gain by day start|device. */
    private transient MapState<String, Double> gains;

    public EfficiencyGainKpi(Registry registry) {
        this.targetPct = registry.targets.equipmentEfficiencyGainPct;
    }

    @Override
    public void open(OpenContext ctx) {
        gains = getRuntimeContext().getMapState(new MapStateDescriptor<>("gains", String.class, Double.class));
    }

    @Override
    public void processElement(EfficiencyGain g, Context ctx, Collector<KpiRecord> out) throws Exception {
        gains.put(g.dayStartMillis + "|" + g.device, g.gainPct);
        double sum = 0;
        int devices = 0;
        List<String> old = new ArrayList<>();
        for (Map.Entry<String, Double> e : gains.entries()) {
            long day = Long.parseLong(e.getKey().substring(0, e.getKey().indexOf('|')));
            if (day == g.dayStartMillis) {
                sum += e.getValue();
                devices++;
            } else if (day < g.dayStartMillis - KEEP_DAYS_MS) {
                old.add(e.getKey());
            }
        }
        for (String key : old) {
            gains.remove(key);
        }
        KpiRecord k = new KpiRecord();
        k.scope = g.scope;
        k.id = g.id;
        k.indicator = INDICATOR;
        k.timeMillis = g.dayStartMillis;
        k.value = sum / devices;
        if (TotalRecord.CITY.equals(g.scope) && targetPct > 0) {
            k.target = targetPct;
            k.progressPct = k.value / targetPct * 100.0;
        }
        out.collect(k);
    }
}
