package org.cems.job.points;

import org.apache.flink.api.common.functions.MapFunction;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.job.efficiency.EfficiencyRecord;

/** Efficiency records as {@code efficiency} points (contract section 2, plus mass_efficiency_pct, valid, running). */
public class EfficiencyPoints implements MapFunction<EfficiencyRecord, InfluxPoint> {
    @Override
    public InfluxPoint map(EfficiencyRecord e) {
        InfluxPoint.Builder p = InfluxPoint.measurement("efficiency")
                .tag("enterprise", e.enterprise)
                .tag("source", e.source)
                .tag("device", e.device)
                .tag("device_type", e.deviceType)
                .tag("pollutant", e.pollutant)
                .tag("window", e.window)
                .field("valid", e.valid)
                .field("running", e.running)
                .timeMillis(e.windowStartMillis);
        Fields.optional(p, "efficiency_pct", e.efficiencyPct);
        Fields.optional(p, "mass_efficiency_pct", e.massEfficiencyPct);
        Fields.optional(p, "inlet_ref_mg_m3", e.inletRefMgM3);
        Fields.optional(p, "outlet_ref_mg_m3", e.outletRefMgM3);
        Fields.optional(p, "removed_kg", e.removedKg);
        Fields.optional(p, "baseline_pct", e.baselinePct);
        Fields.optional(p, "delta_pct", e.deltaPct);
        Fields.optional(p, "operating_rate_pct", e.operatingRatePct);
        return p.build();
    }
}
