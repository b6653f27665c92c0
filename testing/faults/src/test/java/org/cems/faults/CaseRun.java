package org.cems.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cems.testkit.EmbeddedKafka;
import org.cems.testkit.InfluxDbServer;
import org.cems.testkit.MosquittoServer;

/**
 * One fault case: its own Mosquitto, InfluxDB, Kafka topics, MQTT topic prefix and consumer group,
 * and its own run of the job jar on the shared session cluster, so no case sees another's data.
 */
final class CaseRun implements AutoCloseable {
    static final String DB = "cems";
    static final double REL = 1e-9;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final String name;
    final EmbeddedKafka kafka;
    final MosquittoServer mosquitto;
    final InfluxDbServer influx;
    final Gateways gateways;
    final String jobId;
    private final FlinkRest rest;

    CaseRun(String name, EmbeddedKafka kafka, SessionCluster cluster, String jarId) throws Exception {
        this.name = name;
        this.kafka = kafka;
        this.rest = cluster.rest();
        this.mosquitto = MosquittoServer.start();
        this.influx = InfluxDbServer.start();
        influx.createDatabase(DB);
        createTopics();
        Path config = writeConfig(cluster.dir());
        this.jobId = rest.run(jarId, List.of("--config", config.toString()));
        await("the job running", Duration.ofSeconds(120), () -> rest.fullyRunning(jobId) ? true : null);
        // the broker drops what is published before the job's two readers have subscribed
        mosquitto.awaitSubscriptions(2, Duration.ofSeconds(120));
        this.gateways = new Gateways(kafka.bootstrapServers(), readingsTopic(), mosquitto.uri());
    }

    String readingsTopic() {
        return name + ".readings";
    }

    String deadletterTopic() {
        return name + ".deadletter";
    }

    /** The readings topic takes the multi-megabyte hostile payloads; Kafka's default limit is 1 MB. */
    private void createTopics() throws Exception {
        try (var admin = kafka.admin()) {
            admin.createTopics(List.of(
                            new org.apache.kafka.clients.admin.NewTopic(readingsTopic(), 2, (short) 1)
                                    .configs(Map.of("max.message.bytes", Integer.toString(Gateways.MAX_KAFKA_BYTES))),
                            new org.apache.kafka.clients.admin.NewTopic(deadletterTopic(), 1, (short) 1),
                            // the job checks its topics before it starts: the alert topic is one of them
                            new org.apache.kafka.clients.admin.NewTopic(name + ".alerts", 1, (short) 1)))
                    .all()
                    .get();
        }
    }

    private Path writeConfig(Path clusterDir) throws IOException, URISyntaxException {
        Path registry = Path.of(getClass().getResource("/registry-faults.yaml").toURI());
        String yaml = String.join(
                "\n",
                "registry: " + registry,
                "parallelism: 2",
                // the two transports deliver at their own pace, and faults stall one of them: a
                // long lateness turns what comes late into corrections the final values must survive
                "max_out_of_orderness: 10m",
                "allowed_lateness: 2d",
                "idle_timeout: 10m",
                "checkpoint:",
                "  interval: 1s",
                "  storage: file://" + clusterDir.resolve("checkpoints").resolve(name),
                "kafka:",
                "  bootstrap_servers: " + kafka.bootstrapServers(),
                "  readings_topic: " + readingsTopic(),
                "  deadletter_topic: " + deadletterTopic(),
                "  group_id: " + name,
                "alerts:",
                "  kafka_topic: " + name + ".alerts",
                "mqtt:",
                "  broker_uris: [" + mosquitto.uri() + "]",
                "  topic_filters: [" + name + "/+/up]",
                "  client_id_prefix: " + name,
                "  shared_group: " + name,
                "influxdb:",
                "  url: " + influx.url(),
                "  database: " + DB,
                "  flush_interval: 200ms",
                "");
        Path file = clusterDir.resolve(name + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    ReplayPublisher replay(long paceMillis) {
        return new ReplayPublisher(gateways, name, paceMillis).start();
    }

    /** Every hourly emission mass of the replay equals the independently computed one. */
    void assertExact() {
        for (Replay.Series s : Replay.SERIES) {
            for (int h = 0; h < Replay.HOURS; h++) {
                long t = Replay.START + h * 60 * Replay.MINUTE;
                String massKg = s.pollutant() + "_mass_kg";
                List<JsonNode> rows = column(
                        "SELECT \"" + massKg + "\" FROM emission WHERE source = '" + s.source()
                                + "' AND \"window\" = '1h' AND time = " + t + "ms",
                        massKg);
                assertThat(rows)
                        .as("%s %s hour %d", s.source(), s.pollutant(), h)
                        .hasSize(1);
                double actual = rows.get(0).asDouble();
                double expected = s.hourMassKg(h);
                assertThat(Math.abs(actual - expected) <= REL * expected)
                        .as("%s %s hour %d: mass_kg %s, expected %s", s.source(), s.pollutant(), h, actual, expected)
                        .isTrue();
            }
        }
        assertThat(readingValuesSince(0))
                .as("reading values")
                .isEqualTo((long) Replay.MINUTES * Replay.VALUES_PER_MINUTE);
    }

    void awaitExact() throws Exception {
        awaitAsserted(Duration.ofSeconds(180), this::assertExact);
    }

    /** Reported values (each reading point's {@code value_count}) whose event time is at or after minute {@code minute} of the replay. */
    long readingValuesSince(int minute) {
        List<JsonNode> counts = column(
                "SELECT sum(value_count) FROM reading WHERE time >= " + (Replay.START + minute * Replay.MINUTE) + "ms",
                "sum");
        return counts.isEmpty() ? 0 : counts.get(0).asLong();
    }

    List<JsonNode> column(String influxQl, String column) {
        try {
            JsonNode result =
                    MAPPER.readTree(influx.query(DB, influxQl)).path("results").path(0);
            List<JsonNode> values = new java.util.ArrayList<>();
            for (JsonNode series : result.path("series")) {
                int index = -1;
                for (int i = 0; i < series.path("columns").size(); i++) {
                    if (series.path("columns").get(i).asText().equals(column)) {
                        index = i;
                    }
                }
                for (JsonNode row : series.path("values")) {
                    values.add(row.get(index));
                }
            }
            return values;
        } catch (IOException e) {
            throw new IllegalStateException(influxQl, e);
        }
    }

    /**
     * Waits until the reading points of replay minute {@code minute} are in InfluxDB: data
     * published after the fault has gone all the way through (the end of a recovery). Even
     * minutes travel over MQTT, odd ones over Kafka, so the minute picks the path to watch.
     */
    long awaitFlowingAt(int minute) throws Exception {
        long time = Replay.START + minute * Replay.MINUTE;
        await("readings of minute " + minute + " in InfluxDB", Duration.ofSeconds(180), () -> {
            List<JsonNode> counts =
                    column("SELECT count(value_count) FROM reading WHERE time = " + time + "ms", "count");
            return counts.isEmpty() ? null : true;
        });
        return System.nanoTime();
    }

    /** Dead letters of one reason so far, e.g. {@code duplicate}: redelivered messages the job had already counted. */
    long deadLetters(String reason) throws IOException {
        long n = 0;
        for (var r : kafka.readAll(deadletterTopic())) {
            n += MAPPER.readTree(r.value()).path("reason").asText().equals(reason) ? 1 : 0;
        }
        return n;
    }

    long restarts() throws IOException {
        return rest.restarts(jobId);
    }

    JsonNode exceptionHistory() throws IOException {
        return rest.exceptionHistory(jobId);
    }

    boolean fullyRunning() throws IOException {
        return rest.fullyRunning(jobId);
    }

    @Override
    public void close() {
        try {
            gateways.close();
            rest.cancel(jobId);
            await(
                    "the job cancelled",
                    Duration.ofSeconds(60),
                    () -> "CANCELED".equals(rest.state(jobId)) ? true : null);
        } catch (Exception e) {
            throw new IllegalStateException("cannot end case " + name, e);
        } finally {
            influx.close();
            mosquitto.close();
        }
    }

    static <T> T await(String what, Duration bound, Callable<T> probe) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            T value;
            try {
                value = probe.call();
            } catch (IOException | RuntimeException notReady) {
                value = null; // a server coming back refuses connections for a moment
            }
            if (value != null) {
                return value;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + ": not within " + bound.toSeconds() + " s");
    }

    static void awaitAsserted(Duration bound, Runnable assertions) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            try {
                assertions.run();
                return;
            } catch (AssertionError | RuntimeException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(500);
            }
        }
    }
}
