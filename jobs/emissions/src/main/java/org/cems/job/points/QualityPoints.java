package org.cems.job.points;

import org.apache.flink.api.common.functions.MapFunction;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.job.quality.QualityRecord;

/** Dead-letter counts as {@code quality} points (contract section 2), one per minute of arrival. */
public class QualityPoints implements MapFunction<QualityRecord, InfluxPoint> {
    @Override
    public InfluxPoint map(QualityRecord q) {
        return InfluxPoint.measurement("quality")
                .tag("enterprise", q.enterprise)
                .tag("source", q.source)
                .tag("reason", q.reason)
                .field("count", q.count)
                .timeMillis(q.minuteStartMillis)
                .build();
    }
}
