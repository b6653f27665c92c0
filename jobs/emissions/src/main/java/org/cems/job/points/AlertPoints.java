package org.cems.job.points;

import org.apache.flink.api.common.functions.MapFunction;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.job.alert.AlertEvent;

/**
 * Alert events as {@code alert} points at their event time (contract section 2, plus a
 * {@code pollutant} tag so two pollutants of one stack in the same hour are two series).
 */
public class AlertPoints implements MapFunction<AlertEvent, InfluxPoint> {
    /**
     * Written for an alert that has no device (or no pollutant): tables and GROUP BY in Grafana
     * then always find the tag, and an empty cell reads as "not a device alert".
     */
    static final String NONE = "-";

    @Override
    public InfluxPoint map(AlertEvent a) {
        InfluxPoint.Builder p = InfluxPoint.measurement("alert")
                .tag("enterprise", a.enterprise)
                .tag("source", a.source)
                .tag("device", a.device == null ? NONE : a.device)
                .tag("pollutant", a.pollutant == null ? NONE : a.pollutant)
                .tag("type", a.type)
                .tag("severity", a.severity)
                .tag("state", a.state)
                .field("id", a.id)
                .field("message", a.message)
                .timeMillis(a.timeMillis);
        Fields.optional(p, "value", a.value);
        Fields.optional(p, "threshold", a.threshold);
        return p.build();
    }
}
