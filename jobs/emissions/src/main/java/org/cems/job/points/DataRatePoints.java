package org.cems.job.points;

import org.apache.flink.api.common.functions.MapFunction;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.job.rate.DataRate;

/** Transmission and validity rates as {@code data_rate} points at their hour or day start; a rate with nothing due is left out. */
public class DataRatePoints implements MapFunction<DataRate, InfluxPoint> {
    @Override
    public InfluxPoint map(DataRate r) {
        InfluxPoint.Builder p = InfluxPoint.measurement("data_rate")
                .tag("scope", r.scope)
                .tag("enterprise", r.enterprise)
                .tag("source", r.source)
                .tag("window", r.window)
                .field("expected", r.expected)
                .field("received", r.received)
                .field("valid", r.valid)
                .timeMillis(r.windowStartMillis);
        Fields.optional(p, "transmission_pct", r.transmissionPct());
        Fields.optional(p, "validity_pct", r.validityPct());
        Fields.optional(p, "transmission_validity_pct", r.transmissionValidityPct());
        if (DataRate.SOURCE.equals(r.scope)) {
            p.field("interval_min", (long) r.intervalMinutes);
        }
        return p.build();
    }
}
