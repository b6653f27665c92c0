package org.cems.job.points;

import org.apache.flink.api.common.functions.MapFunction;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.job.emission.EmissionRecord;

/** Emission records as {@code emission} points (contract section 2); absent values are left out. */
public class EmissionPoints implements MapFunction<EmissionRecord, InfluxPoint> {
    @Override
    public InfluxPoint map(EmissionRecord r) {
        InfluxPoint.Builder p = InfluxPoint.measurement("emission")
                .tag("enterprise", r.enterprise)
                .tag("park", r.park)
                .tag("industry", r.industry)
                .tag("source", r.source)
                .tag("pollutant", r.pollutant)
                .tag("window", r.window)
                .field("valid_count", (long) r.validCount)
                .field("valid", r.valid)
                .field("stopped_count", (long) r.stoppedCount)
                .field("from_logger", r.fromLogger)
                .field("o2_capped", r.o2Capped)
                .timeMillis(r.windowStartMillis);
        Fields.optional(p, "conc_mg_m3", r.concMgM3);
        Fields.optional(p, "conc_ref_mg_m3", r.concRefMgM3);
        Fields.optional(p, "flow_m3_h", r.flowM3H);
        Fields.optional(p, "rate_kg_h", r.rateKgH);
        Fields.optional(p, "mass_kg", r.massKg);
        Fields.optional(p, "mass_accounted_kg", r.massAccountedKg);
        Fields.optional(p, "mass_logger_kg", r.massLoggerKg);
        if (r.substituted != null && r.massAccountedKg != null) {
            p.field("substituted", r.substituted);
        }
        if (r.durationMinutes != null) {
            p.field("duration_min", (long) r.durationMinutes);
        }
        Fields.optional(p, "limit_mg_m3", r.limitMgM3);
        if (r.exceeded != null) {
            p.field("exceeded", r.exceeded);
        }
        return p.build();
    }
}
