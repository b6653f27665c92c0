package org.cems.job.efficiency;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.cems.core.registry.Registry;
import org.cems.core.time.Window;
import org.cems.job.rollup.TotalRecord;

/** Valid daily efficiencies of devices with a baseline, as gains addressed to their enterprise and the city. */
public class EfficiencyGains implements FlatMapFunction<EfficiencyRecord, EfficiencyGain> {
    private final String city;

    public EfficiencyGains(Registry registry) {
        this.city = registry.city;
    }

    @Override
    public void flatMap(EfficiencyRecord e, Collector<EfficiencyGain> out) {
        if (!Window.DAY.is(e.window) || !e.valid || e.baselinePct == null || !(e.baselinePct > 0)) {
            return;
        }
        double gainPct = (e.efficiencyPct - e.baselinePct) / e.baselinePct * 100.0;
        out.collect(of(TotalRecord.ENTERPRISE, e.enterprise, e, gainPct));
        out.collect(of(TotalRecord.CITY, city, e, gainPct));
    }

    private static EfficiencyGain of(String scope, String id, EfficiencyRecord e, double gainPct) {
        EfficiencyGain g = new EfficiencyGain();
        g.scope = scope;
        g.id = id;
        g.device = new DeviceId(e.enterprise, e.device).path();
        g.dayStartMillis = e.windowStartMillis;
        g.gainPct = gainPct;
        return g;
    }
}
