package org.cems.job.points;

import org.apache.flink.api.common.functions.MapFunction;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.job.rollup.KpiRecord;

/** Plan indicators as {@code kpi} points (contract section 2). */
public class KpiPoints implements MapFunction<KpiRecord, InfluxPoint> {
    @Override
    public InfluxPoint map(KpiRecord k) {
        InfluxPoint.Builder p = InfluxPoint.measurement("kpi")
                .tag("scope", k.scope)
                .tag("id", k.id)
                .tag("indicator", k.indicator)
                .field("value", k.value)
                .timeMillis(k.timeMillis);
        Fields.optional(p, "target", k.target);
        Fields.optional(p, "baseline", k.baseline);
        Fields.optional(p, "progress_pct", k.progressPct);
        Fields.optional(p, "coverage_pct", k.coveragePct);
        return p.build();
    }
}
