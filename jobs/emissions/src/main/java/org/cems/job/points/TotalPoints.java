package org.cems.job.points;

import org.apache.flink.api.common.functions.MapFunction;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.job.rollup.TotalRecord;

/**
 * Enterprise, park and city totals as {@code emission_total} points (docs/interface.md "Outputs"):
 * one series per scope and window, a pollutant's total in the fields named after its code, as in
 * {@code emission}. Each pollutant's total is written on its own; InfluxDB merges the fields of
 * points of one series and time, so a window's pollutants end up in one point.
 */
public class TotalPoints implements MapFunction<TotalRecord, InfluxPoint> {
    public static final String MEASUREMENT = "emission_total";

    @Override
    public InfluxPoint map(TotalRecord t) {
        return InfluxPoint.measurement(MEASUREMENT)
                .tag("scope", t.scope)
                .tag("id", t.id)
                .tag("window", t.window)
                .field(EmissionPoints.field(t.pollutant, "mass_kg"), t.massKg)
                .field(EmissionPoints.field(t.pollutant, "sources"), (long) t.sources)
                .timeMillis(t.windowStartMillis)
                .build();
    }
}
