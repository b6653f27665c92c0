package org.cems.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cems.connector.influxdb.InfluxDbSink;
import org.cems.job.config.JobConfig;
import org.cems.job.endpoints.Check;
import org.cems.job.endpoints.Endpoints;
import org.cems.job.endpoints.EndpointsNotReadyException;
import org.cems.job.io.InfluxSinks;
import org.cems.testkit.EmbeddedKafka;
import org.cems.testkit.InfluxDbServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job's first run against a fresh Kafka (no topics) and a fresh InfluxDB (no database): with
 * create_missing it creates them and writes; without, it stops before submitting, naming what is
 * missing and the command that creates it; a sink that still meets a missing database fails the job
 * once, not in a restart loop.
 */
class FirstRunITCase {
    private static final String MN1 = "TESTMN000000000000000001";

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineServers.flink();

    static EmbeddedKafka kafka;
    static InfluxDbServer influx;

    @BeforeAll
    static void startFreshServers() {
        kafka = EmbeddedKafka.start();
        influx = InfluxDbServer.start();
    }

    @AfterAll
    static void stopServers() {
        if (influx != null) {
            influx.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    /** Kafka as the only input, MQTT off: the topics and the database are the whole of the first run. */
    private static JobConfig config(String prefix, String database) throws Exception {
        JobConfig c = new JobConfig();
        c.registry = Path.of(
                        FirstRunITCase.class.getResource("/registry-test.yaml").toURI())
                .toString();
        c.parallelism = 2;
        c.maxOutOfOrderness = "0s";
        c.checkpoint.interval = "1s";
        c.kafka.bootstrapServers = kafka.bootstrapServers();
        c.kafka.readingsTopic = prefix + ".readings";
        c.kafka.deadletterTopic = prefix + ".deadletter";
        c.alerts.kafkaTopic = prefix + ".alerts";
        c.kafka.groupId = prefix;
        c.kafka.topicPartitions = 3;
        c.mqtt.enabled = false;
        c.alerts.mqttEnabled = false;
        c.influxdb.url = influx.url();
        c.influxdb.database = database;
        return c;
    }

    @Test
    void withCreateMissingTheJobCreatesTopicsAndDatabaseAndWrites() throws Exception {
        JobConfig config = config("first", "first_run");
        config.createMissing = true;

        List<Check> prepared = Endpoints.prepare(config);

        assertThat(prepared)
                .extracting(Check::line)
                .contains(
                        "[ OK ] kafka topic first.readings (kafka.readings_topic): created with 3 partition(s) (create_missing)",
                        "[ OK ] kafka topic first.deadletter (kafka.deadletter_topic): created with 3 partition(s) (create_missing)",
                        "[ OK ] kafka topic first.alerts (alerts.kafka_topic): created with 3 partition(s) (create_missing)",
                        "[ OK ] influxdb " + influx.url()
                                + " database first_run: database first_run created (create_missing)");
        try (Admin admin = kafka.admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(
                            List.of("first.readings", "first.deadletter", "first.alerts"))
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS);
            assertThat(topics.values())
                    .allSatisfy(t -> assertThat(t.partitions()).hasSize(3));
        }
        // a second start finds everything in place and creates nothing
        assertThat(Endpoints.prepare(config))
                .allSatisfy(c -> assertThat(c.line()).startsWith("[ OK ]").doesNotContain("created"));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        EmissionsJob.build(env, config);
        JobClient job = env.executeAsync("first-run");
        try {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
                producer.send(
                        new ProducerRecord<>(
                                "first.readings",
                                MN1,
                                "{\"mn\":\"" + MN1 + "\",\"cn\":\"2011\","
                                        + "\"time\":\"2026-11-26T10:00:00+08:00\",\"values\":{\"a21026\":{\"rtd\":20.5,\"flag\":\"N\"}}}"));
            }
            Map<String, JsonNode> row = await(() -> {
                List<Map<String, JsonNode>> rows = InfluxQuery.rows(influx, "first_run", "SELECT * FROM reading");
                return rows.isEmpty() ? null : rows.get(0);
            });
            assertThat(row.get("a21026").asDouble()).isEqualTo(20.5);
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void withoutCreateMissingTheStartStopsOnceNamingWhatIsMissingAndHowToCreateIt() throws Exception {
        JobConfig config = config("fresh", "fresh_db");

        long start = System.nanoTime();
        assertThatThrownBy(() -> Endpoints.prepare(config))
                .isInstanceOf(EndpointsNotReadyException.class)
                .hasMessage(
                        String.join(
                                "\n",
                                "kafka topic fresh.readings (kafka.readings_topic): missing; create it with `kafka-topics.sh --bootstrap-server "
                                        + kafka.bootstrapServers()
                                        + " --create --topic fresh.readings --partitions 3` or set create_missing: true",
                                "kafka topic fresh.deadletter (kafka.deadletter_topic): missing; create it with `kafka-topics.sh --bootstrap-server "
                                        + kafka.bootstrapServers()
                                        + " --create --topic fresh.deadletter --partitions 3` or set create_missing: true",
                                "kafka topic fresh.alerts (alerts.kafka_topic): missing; create it with `kafka-topics.sh --bootstrap-server "
                                        + kafka.bootstrapServers()
                                        + " --create --topic fresh.alerts --partitions 3` or set create_missing: true",
                                "influxdb " + influx.url()
                                        + " database fresh_db: database fresh_db does not exist; create it with `curl -XPOST '"
                                        + influx.url()
                                        + "/query' --data-urlencode 'q=CREATE DATABASE \"fresh_db\"'` or set create_missing: true"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        // nothing was created behind the operator's back
        try (Admin admin = kafka.admin()) {
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).noneMatch(t -> t.startsWith("fresh."));
        }
        assertThat(influx.query(null, "SHOW DATABASES")).doesNotContain("fresh_db");
    }

    /** Sink writers created: the job's two InfluxDB sinks, two writers each, make at most 4 per attempt. */
    static final AtomicInteger WRITERS = new AtomicInteger();

    @Test
    void aDatabaseMissingAtRunTimeFailsTheJobOnceDespiteItsRestartStrategy() throws Exception {
        JobConfig config = config("late", "dropped_db");
        kafka.createTopics(3, "late.readings", "late.deadletter", "late.alerts");
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 5);
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(restarts);
        WRITERS.set(0);
        // the job's own sink options, the writers counted through their rejected-point handler
        EmissionsJob.build(
                env,
                config,
                () -> InfluxDbSink.builder()
                        .setOptions(InfluxSinks.options(config.influxdb).build())
                        .setRejectedPointHandler(context -> {
                            WRITERS.incrementAndGet();
                            return (line, message) -> {};
                        })
                        .build());

        long start = System.nanoTime();
        assertThatThrownBy(() -> env.execute("missing database at run time"))
                .satisfies(e -> assertThat(causeMessages(e))
                        .anySatisfy(m -> assertThat(m).contains("not recoverable")))
                .satisfies(e -> assertThat(causeMessages(e))
                        .anySatisfy(m ->
                                assertThat(m).contains("database not found").contains("check influxdb.database")));
        // one attempt creates at most 7 writers at parallelism 2 (InfluxDbOutput: 2 for the decoder's reading
        // points, 2 for the windows' emission points, 1 for the registry's, 2 for the rest); 5 restarts would have
        // created up to 42
        assertThat(WRITERS.get()).isBetween(1, 7);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
    }

    private static List<String> causeMessages(Throwable error) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = error; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }

    private static <T> T await(java.util.concurrent.Callable<T> probe) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.call();
            if (value != null) {
                return value;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not seen within 90 s");
    }
}
