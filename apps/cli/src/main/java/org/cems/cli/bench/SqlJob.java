package org.cems.cli.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.TableFunction;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.core.normalize.Measure;
import org.cems.core.normalize.Normalizer;
import org.cems.core.normalize.SourceReading;
import org.cems.core.reading.DecodedPayload;
import org.cems.core.reading.PayloadDecoder;
import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingValue;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryLoader;
import org.cems.core.registry.SourceRef;
import org.cems.job.config.JobConfig;
import org.cems.job.points.ReadingPoints;

/**
 * The minute-window part of the job as Flink SQL: the same topic read with the Kafka table
 * connector (raw format, event time from the record timestamp), decoded by the same
 * {@link PayloadDecoder} in a table function, a TUMBLE window TVF of one minute per MN and
 * parameter (mean, min, max, count, concentration × flow), written to the same InfluxDB sink.
 * With readings, each payload is decoded once, normalised, and written by the job's own
 * {@link ReadingPoints}, its values going on to the same windows.
 */
final class SqlJob {
    private SqlJob() {}

    /**
     * @param withReadings also write each reading as the job's {@code reading} points: the same
     *     output, for a like-with-like comparison
     */
    static void build(
            StreamExecutionEnvironment env,
            JobConfig config,
            String topic,
            String groupId,
            boolean withReadings,
            Supplier<Sink<InfluxPoint>> pointSinks) {
        StreamTableEnvironment t = StreamTableEnvironment.create(env);
        t.createTemporarySystemFunction("DECODE_READINGS", new DecodeReadings(config.registry));
        t.executeSql("CREATE TABLE raw_readings (payload BYTES, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', "
                + "WATERMARK FOR ts AS ts - INTERVAL '30' SECOND) WITH ('connector' = 'kafka', 'topic' = '" + topic
                + "', "
                + "'properties.bootstrap.servers' = '" + config.kafka.bootstrapServers + "', 'properties.group.id' = '"
                + groupId + "', "
                + "'scan.startup.mode' = 'earliest-offset', 'format' = 'raw')");
        t.executeSql("CREATE TEMPORARY VIEW decoded AS SELECT r.mn, r.code, r.v, r.flow, ts "
                + "FROM raw_readings, LATERAL TABLE(DECODE_READINGS(payload)) AS r(mn, code, v, flow)");
        String windowed = "decoded";
        if (withReadings) {
            // one Kafka source and one decoding for both: each reading normalised and written by the job's own
            // ReadingPoints (so the points follow the contract's schema), and its values back into a table for the
            // windows
            DataStream<SourceReading> readings = t.toDataStream(t.from("raw_readings"))
                    .flatMap(new DecodeNormalize(config.registry))
                    .name("sql-decode-normalize");
            readings.flatMap(new ReadingPoints())
                    .name("sql-reading-points")
                    .sinkTo(pointSinks.get())
                    .name("influxdb-readings");
            DataStream<Row> values = readings.flatMap(new WindowRows())
                    .name("sql-window-rows")
                    .returns(Types.ROW_NAMED(
                            new String[] {"mn", "code", "v", "flow"},
                            Types.STRING,
                            Types.STRING,
                            Types.DOUBLE,
                            Types.DOUBLE));
            t.createTemporaryView(
                    "decoded_stream",
                    t.fromDataStream(
                            values,
                            Schema.newBuilder()
                                    .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)")
                                    .watermark("rowtime", "SOURCE_WATERMARK()")
                                    .build()));
            windowed = "decoded_stream";
        }
        Table minutes = t.sqlQuery(
                "SELECT mn, code, window_time, AVG(v) AS avg_v, MIN(v) AS min_v, MAX(v) AS max_v, COUNT(*) AS n, "
                        + "SUM(v * flow) / 1e9 AS mass FROM TABLE(TUMBLE(TABLE " + windowed + ", DESCRIPTOR("
                        + (withReadings ? "rowtime" : "ts")
                        + "), INTERVAL '1' MINUTES)) GROUP BY mn, code, window_start, window_end, window_time");
        DataStream<Row> rows = t.toDataStream(minutes);
        rows.map(new ToPoint())
                .name("sql-minute-points")
                .sinkTo(pointSinks.get())
                .name("influxdb");
    }

    private static long millis(Object time) {
        return time instanceof Instant i
                ? i.toEpochMilli()
                : ((java.time.LocalDateTime) time)
                        .atZone(ZoneId.of("UTC"))
                        .toInstant()
                        .toEpochMilli();
    }

    /** Decodes a Kafka record's payload and normalises each reading of a registered MN, as the job does before its reading points. */
    static final class DecodeNormalize extends RichFlatMapFunction<Row, SourceReading> {
        private final String registryFile;
        private transient PayloadDecoder decoder;
        private transient Registry registry;
        private transient Normalizer normalizer;

        DecodeNormalize(String registryFile) {
            this.registryFile = registryFile;
        }

        @Override
        public void open(OpenContext context) {
            decoder = new PayloadDecoder(ZoneId.of("Asia/Shanghai"), 1 << 20);
            registry = RegistryLoader.load(Path.of(registryFile));
            normalizer = new Normalizer();
        }

        @Override
        public void flatMap(Row row, Collector<SourceReading> out) {
            byte[] payload = (byte[]) row.getField("payload");
            if (payload == null) {
                return;
            }
            for (Reading reading : decoder.decode(payload).readings()) {
                SourceRef ref = registry.byMn(reading.mn);
                if (ref != null) {
                    out.collect(normalizer.normalize(reading, ref));
                }
            }
        }
    }

    /** Each reported value of a reading with the reading's flow: what the minute windows take. */
    static final class WindowRows implements FlatMapFunction<SourceReading, Row> {
        @Override
        public void flatMap(SourceReading r, Collector<Row> out) {
            Measure flow = r.reported.get("a00000");
            Double flowValue = flow == null ? null : flow.value;
            r.reported.forEach((code, m) -> out.collect(Row.of(r.mn, code, m.value, flowValue)));
        }
    }

    static final class ToPoint implements MapFunction<Row, InfluxPoint> {
        @Override
        public InfluxPoint map(Row r) {
            long millis = millis(r.getField("window_time"));
            InfluxPoint.Builder p = InfluxPoint.measurement("sql_minute")
                    .tag("mn", (String) r.getField("mn"))
                    .tag("code", (String) r.getField("code"))
                    .field("count", ((Number) r.getField("n")).longValue())
                    .timeMillis(millis);
            putIfSet(p, "avg", r.getField("avg_v"));
            putIfSet(p, "min", r.getField("min_v"));
            putIfSet(p, "max", r.getField("max_v"));
            putIfSet(p, "mass", r.getField("mass"));
            return p.build();
        }

        private static void putIfSet(InfluxPoint.Builder p, String name, Object v) {
            if (v instanceof Number n) {
                p.field(name, n.doubleValue());
            }
        }
    }

    /** One row per parameter of each reading of a registered MN in a payload: MN, code, value and the reading's flow. */
    @FunctionHint(output = @DataTypeHint("ROW<mn STRING, code STRING, v DOUBLE, flow DOUBLE>"))
    public static class DecodeReadings extends TableFunction<Row> {
        private final String registryFile;
        private transient PayloadDecoder decoder;
        private transient Registry registry;

        public DecodeReadings(String registryFile) {
            this.registryFile = registryFile;
        }

        @Override
        public void open(FunctionContext context) {
            decoder = new PayloadDecoder(ZoneId.of("Asia/Shanghai"), 1 << 20);
            registry = RegistryLoader.load(Path.of(registryFile));
        }

        public void eval(byte[] payload) {
            if (payload == null) {
                return;
            }
            DecodedPayload decoded = decoder.decode(payload);
            for (Reading reading : decoded.readings()) {
                SourceRef ref = registry.byMn(reading.mn);
                if (ref == null) {
                    continue;
                }
                ReadingValue flowValue = reading.values.get("a00000");
                Double flow = flowValue == null ? null : flowValue.primary();
                for (Map.Entry<String, ReadingValue> e : reading.values.entrySet()) {
                    ReadingValue value = e.getValue();
                    Double v = value.primary();
                    if (v != null) {
                        collect(Row.of(reading.mn, e.getKey(), v, flow));
                    }
                }
            }
        }
    }
}
