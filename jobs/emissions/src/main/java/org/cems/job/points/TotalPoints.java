package org.cems.job.points;

import org.apache.flink.api.common.functions.MapFunction;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.job.rollup.TotalRecord;

/** Enterprise, park and city totals as {@code emission_total} points. */
public class TotalPoints implements MapFunction<TotalRecord, InfluxPoint> {
    @Override
    public InfluxPoint map(TotalRecord t) {
        return InfluxPoint.measurement("emission_total")
                .tag("scope", t.scope)
                .tag("id", t.id)
                .tag("pollutant", t.pollutant)
                .tag("window", t.window)
                .field("mass_kg", t.massKg)
                .field("sources", (long) t.sources)
                .timeMillis(t.windowStartMillis)
                .build();
    }
}
