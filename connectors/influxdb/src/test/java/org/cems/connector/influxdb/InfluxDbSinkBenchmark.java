package org.cems.connector.influxdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cems.testkit.InfluxDbServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Points/s through the sink into a real InfluxDB, next to the server's own ceiling measured in the
 * same run: the same points, encoded up front, posted in large batches by a plain HTTP client with as
 * many connections as the job has writers. Run with
 * {@code mvn -pl connectors/influxdb -am test -Dtest.excludedGroups= -Dtest=InfluxDbSinkBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
class InfluxDbSinkBenchmark {
    private static final int POINTS = Integer.getInteger("bench.points", 1_000_000);
    private static final int WRITERS = 2;
    private static final int SINK_BATCH =
            Integer.getInteger("bench.batchPoints", InfluxDbOptions.BATCH_MAX_POINTS.defaultValue());
    private static final int SINK_IN_FLIGHT =
            Integer.getInteger("bench.inFlight", InfluxDbOptions.MAX_IN_FLIGHT_REQUESTS.defaultValue());
    private static final int CEILING_BATCH = 10_000;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final long BASE_TIME = 1_767_225_600_000L;

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(WRITERS)
            .build());

    /** An emission-like point: five tags, four fields, 200 sources, one point per source per second. */
    static final class Emissions implements GeneratorFunction<Long, InfluxPoint> {
        @Override
        public InfluxPoint map(Long i) {
            long source = i % 200;
            return InfluxPoint.measurement("emission")
                    .tag("enterprise", "e" + source / 10)
                    .tag("park", "p" + source / 50)
                    .tag("source", "s" + source)
                    .tag("pollutant", "a21026")
                    .tag("window", "1m")
                    .field("conc_mg_m3", 10 + (i % 1000) * 0.01)
                    .field("rate_kg_h", i * 0.001)
                    .field("valid_count", i % 60)
                    .field("exceeded", i % 97 == 0)
                    .timeMillis(BASE_TIME + (i / 200) * 1000)
                    .build();
        }
    }

    @Test
    void sinkThroughputAgainstServerCeiling() throws Exception {
        try (InfluxDbServer influx = InfluxDbServer.start()) {
            // warm both paths up (JIT, class loading, the server's first shards) before measuring
            ceiling(influx, "warmup_ceiling", POINTS / 5);
            throughSink(influx, "warmup_sink", POINTS / 5, false);
            // rounds interleave the three, and the best of each counts: this machine is shared
            double ceiling = 0;
            double sink = 0;
            double sinkGzip = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                double roundCeiling = ceiling(influx, "ceiling_" + round, POINTS);
                double roundSink = throughSink(influx, "sink_" + round, POINTS, false);
                double roundGzip = throughSink(influx, "sink_gzip_" + round, POINTS, true);
                System.out.printf(
                        "round %d: ceiling %,.0f, sink %,.0f, sink gzip %,.0f points/s%n",
                        round, roundCeiling, roundSink, roundGzip);
                ceiling = Math.max(ceiling, roundCeiling);
                sink = Math.max(sink, roundSink);
                sinkGzip = Math.max(sinkGzip, roundGzip);
            }
            double encoding = encodingOnly(POINTS);
            System.out.printf(
                    "%nInfluxDB 1.6.7, %d points (5 tags, 4 fields), %d writers, %d cores, %s, best of %d%n",
                    POINTS, WRITERS, Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"), ROUNDS);
            System.out.printf(
                    "server ceiling (plain HTTP, %d-point batches): %,.0f points/s%n", CEILING_BATCH, ceiling);
            // the sink figures are from the job's net runtime, which includes deploying its tasks
            System.out.printf(
                    "through InfluxDbSink (batch %d, in-flight %d): %,.0f points/s  ratio %.2f%n",
                    SINK_BATCH, SINK_IN_FLIGHT, sink, sink / ceiling);
            System.out.printf(
                    "through InfluxDbSink (same, gzip):            %,.0f points/s  ratio %.2f%n",
                    sinkGzip, sinkGzip / ceiling);
            System.out.printf("building + encoding points alone, 1 thread:   %,.0f points/s%n%n", encoding);
        }
    }

    private static double ceiling(InfluxDbServer influx, String db, int points) throws Exception {
        influx.createDatabase(db);
        InfluxDbOptions options =
                InfluxDbOptions.builder().url(influx.url()).database(db).build();
        Emissions emissions = new Emissions();
        List<byte[]> bodies = new ArrayList<>();
        for (long from = 0; from < points; from += CEILING_BATCH) {
            StringBuilder body = new StringBuilder();
            for (long i = from; i < Math.min(points, from + CEILING_BATCH); i++) {
                body.append(LineProtocol.encode(emissions.map(i), WritePrecision.MILLISECONDS))
                        .append('\n');
            }
            bodies.add(body.toString().getBytes(StandardCharsets.UTF_8));
        }
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService connections = Executors.newFixedThreadPool(WRITERS);
        long start = System.nanoTime();
        List<Future<Integer>> statuses = new ArrayList<>();
        for (byte[] body : bodies) {
            HttpRequest request = HttpRequest.newBuilder(InfluxDbWriteClient.writeUri(options))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            statuses.add(connections.submit(() ->
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()));
        }
        for (Future<Integer> status : statuses) {
            assertThat(status.get()).isEqualTo(204);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        connections.shutdown();
        assertThat(InfluxQl.scalar(influx, db, "SELECT count(conc_mg_m3) FROM emission"))
                .isEqualTo(points);
        return points / seconds;
    }

    /** The client-side work per point that the ceiling leaves out: building and encoding it. */
    private static double encodingOnly(int points) {
        Emissions emissions = new Emissions();
        long bytes = 0;
        long start = System.nanoTime();
        for (long i = 0; i < points; i++) {
            bytes += EncodedLine.of(LineProtocol.encode(emissions.map(i), WritePrecision.MILLISECONDS))
                    .sizeInBytes();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(bytes).isPositive();
        return points / seconds;
    }

    private static double throughSink(InfluxDbServer influx, String db, int points, boolean gzip) throws Exception {
        influx.createDatabase(db);
        InfluxDbOptions options = InfluxDbOptions.builder()
                .url(influx.url())
                .database(db)
                .gzip(gzip)
                .batchMaxPoints(SINK_BATCH)
                .maxBufferedPoints(4 * SINK_BATCH)
                .maxInFlightRequests(SINK_IN_FLIGHT)
                .build();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(WRITERS);
        env.fromSource(
                        new DataGeneratorSource<>(new Emissions(), points, TypeInformation.of(InfluxPoint.class)),
                        WatermarkStrategy.noWatermarks(),
                        "emissions")
                .sinkTo(InfluxDbSink.builder().setOptions(options).build());
        double seconds = env.execute("sink benchmark").getNetRuntime() / 1e3;
        assertThat(InfluxQl.scalar(influx, db, "SELECT count(conc_mg_m3) FROM emission"))
                .isEqualTo(points);
        return points / seconds;
    }
}
