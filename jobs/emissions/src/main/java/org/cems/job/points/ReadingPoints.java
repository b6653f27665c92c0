package org.cems.job.points;

import java.util.Map;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.core.normalize.Measure;
import org.cems.core.normalize.SourceReading;

/** Each reported value as a {@code reading} point (contract section 2), as the gateway sent it. */
public class ReadingPoints implements FlatMapFunction<SourceReading, InfluxPoint> {
    @Override
    public void flatMap(SourceReading r, Collector<InfluxPoint> out) {
        for (Map.Entry<String, Measure> e : r.reported.entrySet()) {
            Measure m = e.getValue();
            InfluxPoint.Builder p = InfluxPoint.measurement("reading")
                    .tag("enterprise", r.enterprise)
                    .tag("source", r.source)
                    .tag("mn", r.mn)
                    .tag("code", e.getKey())
                    .tag("cn", r.cn)
                    .field("value", m.value)
                    .field("flag", m.flag)
                    .field("valid", m.valid)
                    .timeMillis(r.timeMillis);
            if (m.refMgM3 != null) {
                p.field("zs", m.refMgM3);
            }
            out.collect(p.build());
        }
    }
}
