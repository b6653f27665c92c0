package org.cems.job.points;

import java.util.Map;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.core.normalize.Measure;
import org.cems.core.normalize.SourceReading;

/**
 * Each reading as one {@code reading} point (docs/interface.md "Outputs"), as the gateway sent it:
 * one series per MN and CN with four fields per reported code, not a point and a series per code,
 * so that InfluxDB 1.x takes a province's 100,000 sources (a twelfth of the lines and series).
 * A retransmitted reading has the same tags and time, so it replaces the earlier fields.
 */
public class ReadingPoints implements FlatMapFunction<SourceReading, InfluxPoint> {
    public static final String MEASUREMENT = "reading";
    /** Suffixes of a code's fields besides its value; the value field is the bare code. */
    public static final String ZS = "_zs";

    public static final String FLAG = "_flag";
    public static final String VALID = "_valid";
    /**
     * How many codes the reading reported: the one field every reading point has, so that "any
     * reading at all" is {@code count(value_count)} and "values reported" {@code sum(value_count)}.
     */
    public static final String VALUE_COUNT = "value_count";

    @Override
    public void flatMap(SourceReading r, Collector<InfluxPoint> out) {
        if (r.reported.isEmpty()) {
            return; // a point needs a field: a reading whose every value was refused is in the dead letters only
        }
        InfluxPoint.Builder p =
                point(r.enterprise, r.source, r.mn, r.cn, r.timeMillis).field(VALUE_COUNT, (long) r.reported.size());
        for (Map.Entry<String, Measure> e : r.reported.entrySet()) {
            Measure m = e.getValue();
            parameter(p, e.getKey(), m.value, m.refMgM3, m.flag, m.valid);
        }
        out.collect(p.build());
    }

    /** A {@code reading} point's tags and time, to which {@link #parameter} adds each code. */
    public static InfluxPoint.Builder point(String enterprise, String source, String mn, String cn, long timeMillis) {
        return InfluxPoint.measurement(MEASUREMENT)
                .tag("enterprise", enterprise)
                .tag("source", source)
                .tag("mn", mn)
                .tag("cn", cn)
                .timeMillis(timeMillis);
    }

    /** One code's fields: the value as reported, its 折算 value where sent, flag and validity. */
    public static void parameter(
            InfluxPoint.Builder p, String code, double value, Double zs, String flag, boolean valid) {
        p.field(code, value).field(code + FLAG, flag).field(code + VALID, valid);
        Fields.optional(p, code + ZS, zs);
    }
}
