package org.cems.connector.influxdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cems.connector.base.RetryPolicy;
import org.cems.testkit.InfluxDbServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sink in a Flink MiniCluster against a real InfluxDB 1.6.7 (Debian package, via the testkit). */
class InfluxDbSinkITCase {
    private static final long BASE_TIME = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(4)
            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
            .build());

    private static InfluxDbServer influx;

    @BeforeAll
    static void startInflux() {
        influx = InfluxDbServer.start();
    }

    @AfterAll
    static void stopInflux() {
        influx.close();
    }

    private static InfluxDbOptions.Builder options(String db) {
        influx.createDatabase(db);
        return InfluxDbOptions.builder().url(influx.url()).database(db).batchLinger(Duration.ofMillis(100));
    }

    private static StreamExecutionEnvironment env(String restartStrategy) {
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, restartStrategy);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(2);
        return env;
    }

    private static DataStream<InfluxPoint> readings(StreamExecutionEnvironment env, long count, double perSecond) {
        DataGeneratorSource<InfluxPoint> source = new DataGeneratorSource<>(
                new Readings(), count, RateLimiterStrategy.perSecond(perSecond), TypeInformation.of(InfluxPoint.class));
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "readings");
    }

    /** Point i: eight series, time BASE + i, so every point is distinct and rewriting it is idempotent. */
    static final class Readings implements GeneratorFunction<Long, InfluxPoint> {
        @Override
        public InfluxPoint map(Long i) {
            return InfluxPoint.measurement("reading")
                    .tag("source", "s" + (i % 8))
                    .field("value", i * 0.25)
                    .field("idx", i)
                    .timeMillis(BASE_TIME + i)
                    .build();
        }
    }

    private static long counter(JobID job, String name) {
        return METRICS.findMetrics(job, name).entrySet().stream()
                .filter(e -> e.getKey().endsWith("." + name))
                .mapToLong(e -> ((Counter) e.getValue()).getCount())
                .sum();
    }

    private static void assertAllReadingsStored(String db, long count) {
        assertThat(InfluxQl.scalar(influx, db, "SELECT count(idx) FROM reading"))
                .isEqualTo(count);
        assertThat(InfluxQl.scalar(influx, db, "SELECT sum(idx) FROM reading")).isEqualTo(count * (count - 1) / 2);
    }

    @Test
    void valuesComeBackExactlyThroughInfluxQl() throws Exception {
        String db = "exact";
        List<InfluxPoint> points = List.of(
                InfluxPoint.measurement("emission")
                        .tag("source", "s1")
                        .tag("pollutant", "a21026")
                        .field("conc_mg_m3", 0.1)
                        .field("mass_kg", 1e-7)
                        .field("valid_count", Long.MAX_VALUE)
                        .field("exceeded", true)
                        .field("note", "Ünïcödé \"quoted\" \\ ok")
                        .timeMillis(BASE_TIME)
                        .build(),
                InfluxPoint.measurement("emission")
                        .tag("source", "s1")
                        .tag("pollutant", "a21002")
                        .field("conc_mg_m3", Double.MAX_VALUE)
                        .field("mass_kg", -123456.789)
                        .field("valid_count", Long.MIN_VALUE)
                        .field("exceeded", false)
                        .field("rate", Double.NaN)
                        .timeMillis(BASE_TIME + 1)
                        .build(),
                InfluxPoint.measurement("emission")
                        .tag("source", "s2")
                        .field("rate", Double.POSITIVE_INFINITY)
                        .timeMillis(BASE_TIME + 2)
                        .build());
        StreamExecutionEnvironment env = env("none");
        env.fromData(points, TypeInformation.of(InfluxPoint.class))
                .sinkTo(InfluxDbSink.builder()
                        .setOptions(options(db).gzip(true).build())
                        .build());
        JobExecutionResult result = env.execute("exact values");

        List<Map<String, JsonNode>> rows = InfluxQl.rows(influx, db, "SELECT * FROM emission");
        assertThat(rows).hasSize(2);
        Map<String, JsonNode> first = rows.get(0);
        assertThat(first.get("time").asLong()).isEqualTo(BASE_TIME);
        assertThat(first.get("conc_mg_m3").asDouble()).isEqualTo(0.1);
        assertThat(first.get("mass_kg").asDouble()).isEqualTo(1e-7);
        assertThat(first.get("valid_count").asLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(first.get("exceeded").asBoolean()).isTrue();
        assertThat(first.get("note").asText()).isEqualTo("Ünïcödé \"quoted\" \\ ok");
        assertThat(first.get("pollutant").asText()).isEqualTo("a21026");
        Map<String, JsonNode> second = rows.get(1);
        assertThat(second.get("conc_mg_m3").asDouble()).isEqualTo(Double.MAX_VALUE);
        assertThat(second.get("mass_kg").asDouble()).isEqualTo(-123456.789);
        assertThat(second.get("valid_count").asLong()).isEqualTo(Long.MIN_VALUE);
        assertThat(second.get("exceeded").asBoolean()).isFalse();
        assertThat(second).doesNotContainKey("rate");

        assertThat(counter(result.getJobID(), "pointsWritten")).isEqualTo(2);
        assertThat(counter(result.getJobID(), "droppedNonFinite")).isEqualTo(2);
        assertThat(counter(result.getJobID(), "droppedPointsWithoutFields")).isEqualTo(1);
    }

    @Test
    void hostileTagValuesAreStoredVerbatimAndNeverBreakTheLine() throws Exception {
        String db = "hostile";
        Map<String, String> storedFor = new LinkedHashMap<>();
        for (String verbatim : List.of(
                "a b",
                "a,b",
                "a=b",
                "q\"uo'te",
                "back\\slash",
                "two\\\\slashes",
                "even\\\\,comma",
                " lead",
                "trail ",
                "😀 emoji",
                "=",
                ",",
                " ",
                "\"",
                "x=1,y=2 z=3",
                "# not a comment",
                "tab\there")) {
            storedFor.put(verbatim, verbatim);
        }
        // what the protocol cannot carry is replaced visibly (see LineProtocol)
        storedFor.put("line1\nline2", "line1\\nline2");
        storedFor.put("cr\r\nlf", "cr\\r\\nlf");
        storedFor.put("trailing\\", "trailing⧵");
        storedFor.put("odd\\,comma", "odd⧵,comma");
        storedFor.put("v\",evil=1 f=2\nm2 g=3 4", "v\",evil=1 f=2\\nm2 g=3 4");
        List<String> hostile = new ArrayList<>(storedFor.keySet());
        List<InfluxPoint> points = new ArrayList<>();
        for (int i = 0; i < hostile.size(); i++) {
            points.add(InfluxPoint.measurement("hostile")
                    .tag("i", String.valueOf(i))
                    .tag("v", hostile.get(i))
                    .field("s", hostile.get(i))
                    .field("idx", (long) i)
                    .timeMillis(BASE_TIME)
                    .build());
        }
        StreamExecutionEnvironment env = env("none");
        env.fromData(points, TypeInformation.of(InfluxPoint.class))
                .sinkTo(InfluxDbSink.builder().setOptions(options(db).build()).build());
        JobExecutionResult result = env.execute("hostile tags");

        List<Map<String, JsonNode>> rows = InfluxQl.rows(influx, db, "SELECT * FROM hostile");
        assertThat(rows).hasSize(hostile.size());
        assertThat(rows.get(0).keySet()).containsExactlyInAnyOrder("time", "i", "v", "s", "idx");
        assertThat(InfluxQl.rows(influx, db, "SHOW MEASUREMENTS")).hasSize(1);
        for (Map<String, JsonNode> row : rows) {
            String original = hostile.get(row.get("idx").asInt());
            assertThat(row.get("v").asText()).as("tag for %s", original).isEqualTo(storedFor.get(original));
            assertThat(row.get("s").asText())
                    .as("string field for %s", original)
                    .isEqualTo(original.replace("\n", "\\n").replace("\r", "\\r"));
        }
        assertThat(counter(result.getJobID(), "replacedCharacters")).isEqualTo(2 + 4 + 1 + 1 + 2);
    }

    static final Queue<String[]> REJECTED = new ConcurrentLinkedQueue<>();

    @Test
    void aTypeConflictIsCountedAndHandedOverWhileTheRestIsWritten() throws Exception {
        String db = "conflict";
        InfluxDbOptions options = options(db).build();
        postLines(options, "conflict,source=pre value=1.0 " + BASE_TIME);
        List<InfluxPoint> points = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            InfluxPoint.Builder point = InfluxPoint.measurement("conflict")
                    .tag("source", "s" + (i % 4))
                    .field("idx", (long) i);
            point = i % 50 == 7 ? point.field("value", "oops " + i) : point.field("value", i * 1.5);
            points.add(point.timeMillis(BASE_TIME + 1 + i).build());
        }
        StreamExecutionEnvironment env = env("none");
        env.fromData(points, TypeInformation.of(InfluxPoint.class))
                .sinkTo(InfluxDbSink.builder()
                        .setOptions(options)
                        .setRejectedPointHandler(
                                context -> (line, message) -> REJECTED.add(new String[] {line, message}))
                        .build());
        JobExecutionResult result = env.execute("type conflict");

        assertThat(InfluxQl.scalar(influx, db, "SELECT count(value) FROM conflict"))
                .isEqualTo(1 + 196);
        assertThat(InfluxQl.scalar(influx, db, "SELECT count(idx) FROM conflict"))
                .isEqualTo(196);
        assertThat(REJECTED.stream().map(r -> r[0]).collect(Collectors.toList()))
                .containsExactlyInAnyOrder(
                        "conflict,source=s3 idx=107i,value=\"oops 107\" " + (BASE_TIME + 108),
                        "conflict,source=s1 idx=157i,value=\"oops 157\" " + (BASE_TIME + 158),
                        "conflict,source=s1 idx=57i,value=\"oops 57\" " + (BASE_TIME + 58),
                        "conflict,source=s3 idx=7i,value=\"oops 7\" " + (BASE_TIME + 8));
        assertThat(REJECTED).allSatisfy(r -> assertThat(r[1]).startsWith("400 ").contains("field type conflict"));
        assertThat(counter(result.getJobID(), "rejectedPoints")).isEqualTo(4);
        assertThat(counter(result.getJobID(), "pointsWritten")).isEqualTo(196);
    }

    /** Writers created: each attempt of a job with one sink writer creates one. */
    static final AtomicInteger ATTEMPTS = new AtomicInteger();

    @Test
    void aMissingDatabaseFailsTheJobOnceAtStartNamingTheKeyDespiteARestartStrategy() {
        InfluxDbOptions options = InfluxDbOptions.builder()
                .url(influx.url())
                .database("no_such_db")
                .build();
        StreamExecutionEnvironment env = env("fixed-delay");
        ATTEMPTS.set(0);
        env.fromData(
                        List.of(InfluxPoint.measurement("m")
                                .field("f", 1L)
                                .timeMillis(BASE_TIME)
                                .build()),
                        TypeInformation.of(InfluxPoint.class))
                .sinkTo(InfluxDbSink.builder()
                        .setOptions(options)
                        .setRejectedPointHandler(context -> {
                            ATTEMPTS.incrementAndGet();
                            return (line, message) -> {};
                        })
                        .build())
                .setParallelism(1);
        assertThatThrownBy(() -> env.execute("missing database"))
                .satisfies(e -> assertThat(causeMessages(e))
                        .anySatisfy(message -> assertThat(message)
                                .contains("database not found")
                                .contains("check influxdb.database")))
                .satisfies(e -> assertThat(causeMessages(e))
                        .anySatisfy(message -> assertThat(message).contains("not recoverable")));
        // fixed-delay allows 3 restarts: a configuration error must not use them
        assertThat(ATTEMPTS.get()).isEqualTo(1);
    }

    static final AtomicBoolean CHECKPOINT_COMPLETED = new AtomicBoolean();
    static final AtomicBoolean FAILURE_INJECTED = new AtomicBoolean();

    /** Throws once, after a checkpoint completed, so the job restarts from it with points in the sink. */
    static final class FailOnceAfterCheckpoint extends RichMapFunction<InfluxPoint, InfluxPoint>
            implements CheckpointListener {
        private long seen;

        @Override
        public InfluxPoint map(InfluxPoint point) {
            if (++seen > 3000 && CHECKPOINT_COMPLETED.get() && FAILURE_INJECTED.compareAndSet(false, true)) {
                throw new IllegalStateException("failure injected after a checkpoint");
            }
            return point;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINT_COMPLETED.set(true);
        }
    }

    @Test
    void aJobKilledAfterACheckpointLosesNoPoint() throws Exception {
        String db = "killed";
        long count = 20_000;
        StreamExecutionEnvironment env = env("fixed-delay");
        env.enableCheckpointing(300);
        readings(env, count, 4000)
                .map(new FailOnceAfterCheckpoint())
                .sinkTo(InfluxDbSink.builder().setOptions(options(db).build()).build());
        env.execute("killed after checkpoint");

        assertThat(FAILURE_INJECTED).isTrue();
        assertAllReadingsStored(db, count);
    }

    @Test
    void anInfluxDbOutageOfThirtySecondsLosesNoPoint() throws Exception {
        String db = "outage";
        long count = 12_000;
        StreamExecutionEnvironment env = env("none");
        env.enableCheckpointing(1000);
        InfluxDbOptions options = options(db)
                .retryPolicy(
                        new RetryPolicy(1000, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofMinutes(2)))
                .build();
        readings(env, count, 600)
                .sinkTo(InfluxDbSink.builder().setOptions(options).build());
        JobClient job = env.executeAsync("outage");

        waitUntil(() -> InfluxQl.scalar(influx, db, "SELECT count(idx) FROM reading") > 1000);
        influx.stop();
        TimeUnit.SECONDS.sleep(30);
        influx.startProcess();
        job.getJobExecutionResult().get(3, TimeUnit.MINUTES);

        assertAllReadingsStored(db, count);
        assertThat(counter(job.getJobID(), "retries")).isPositive();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 60 s").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static List<String> causeMessages(Throwable error) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = error; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }

    private static void postLines(InfluxDbOptions options, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(InfluxDbWriteClient.writeUri(options))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }
}
