package org.cems.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cems.cli.bench.BenchOptions.SinkKind;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.job.EmissionsJob;
import org.cems.job.config.JobConfig;
import org.cems.job.io.InfluxSinks;
import org.cems.testkit.EmbeddedKafka;
import org.cems.testkit.InfluxDbServer;

/**
 * What every phase shares: embedded Kafka, the InfluxDB server, the report folder, progress
 * output, and the settings all jobs run with (parallelism 2, checkpoints every 5 s to files, the
 * run's state backend).
 */
final class Rig implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int PARALLELISM = 2;
    /** The job config's default checkpoint interval (5 s). */
    static final long CHECKPOINT_MS = 5000;

    /** InfluxDB counts as quiet under this share of one core (idle, it uses about 1 %). */
    static final double QUIET_CORES = 0.10;

    static final Duration QUIET_FOR = Duration.ofSeconds(5);
    static final Duration QUIET_WAIT = Duration.ofMinutes(5);

    static final String DEADLETTER_TOPIC = "bench.deadletter";
    static final String ALERTS_TOPIC = "bench.alerts";

    final BenchOptions options;
    final Path out;
    final Progress progress;
    final EmbeddedKafka kafka;
    final InfluxDbServer influx;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Rig(BenchOptions options, Path out, Progress progress) {
        this.options = options;
        this.out = out;
        this.progress = progress;
        progress.say("starting Kafka (embedded) and InfluxDB");
        this.kafka = EmbeddedKafka.start();
        InfluxDbServer server;
        try {
            server = InfluxDbServer.start();
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        this.influx = server;
    }

    void say(String line) {
        progress.say(line);
    }

    /**
     * Waits until InfluxDB has worked off what earlier phases wrote: its CPU under
     * {@link #QUIET_CORES} of a core over {@link #QUIET_FOR}, for at most {@link #QUIET_WAIT}. In one
     * run InfluxDB compacted the S = 100,000 InfluxDB phase's data at 1.5 of the 2 cores during the
     * discarding phases that followed, and their figures were as much InfluxDB's as the jobs'.
     */
    void awaitQuietInflux() throws InterruptedException {
        if (influxCpuNanos().isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        while (true) {
            long cpuBefore = influxCpuNanos().orElseThrow();
            long before = System.nanoTime();
            Thread.sleep(QUIET_FOR.toMillis());
            long cpuAfter = influxCpuNanos().orElse(cpuBefore);
            double cores = (cpuAfter - cpuBefore) / (double) (System.nanoTime() - before);
            long waitedSeconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            if (cores < QUIET_CORES) {
                if (waitedSeconds > QUIET_FOR.toSeconds()) {
                    say(String.format("InfluxDB quiet after %d s (%.0f %% of a core)", waitedSeconds, 100 * cores));
                }
                return;
            }
            if (waitedSeconds >= QUIET_WAIT.toSeconds()) {
                say(String.format(
                        "InfluxDB still at %.0f %% of a core after %d s: going on beside it",
                        100 * cores, waitedSeconds));
                return;
            }
            if (waitedSeconds % 30 < QUIET_FOR.toSeconds()) {
                say(String.format(
                        "waiting for InfluxDB to go quiet: %.0f %% of a core after %d s", 100 * cores, waitedSeconds));
            }
        }
    }

    /** The CPU time influxd has used so far; empty where the OS does not tell. */
    OptionalLong influxCpuNanos() {
        return ProcessHandle.of(influx.pid())
                .flatMap(p -> p.info().totalCpuDuration())
                .map(d -> OptionalLong.of(d.toNanos()))
                .orElse(OptionalLong.empty());
    }

    /** Where a job's points go: InfluxDB, or nowhere, to measure the processing alone. */
    static Supplier<Sink<InfluxPoint>> pointSinks(SinkKind sink, JobConfig config) {
        return sink == SinkKind.DISCARD ? DiscardingSink::new : () -> InfluxSinks.create(config.influxdb, config.kafka);
    }

    /**
     * The job's config for one run: its own consumer group, checkpoint folder and InfluxDB database
     * (created here), no MQTT, and the run's state backend: the full job and the SQL jobs both take
     * their Flink settings from here ({@link #flinkConfiguration}), so they compare on equal state handling.
     */
    JobConfig jobConfig(Path registryFile, String topic, String group, String database) {
        JobConfig config = new JobConfig();
        config.registry = registryFile.toString();
        config.parallelism = PARALLELISM;
        config.checkpoint.interval = CHECKPOINT_MS + "ms";
        // files, not the JobManager's memory: in-memory checkpoint storage refuses state over 5 MB
        config.checkpoint.storage = out.resolve("checkpoints-" + group).toUri().toString();
        config.checkpoint.stateBackend = options.stateBackend;
        config.kafka.bootstrapServers = kafka.bootstrapServers();
        config.kafka.readingsTopic = topic;
        config.kafka.groupId = group;
        config.kafka.deadletterTopic = DEADLETTER_TOPIC;
        config.alerts.kafkaTopic = ALERTS_TOPIC;
        config.mqtt.enabled = false;
        config.alerts.mqttEnabled = false;
        config.influxdb.url = influx.url();
        config.influxdb.database = database;
        influx.createDatabase(database);
        return config;
    }

    /**
     * A job's Flink settings as {@code cems run} derives them from its config (state backend, checkpoints), plus its
     * REST port and the reporter the bench counts records read with.
     */
    static Configuration flinkConfiguration(JobConfig config, int restPort) {
        Configuration conf = EmissionsJob.flinkConfiguration(config);
        conf.set(RestOptions.PORT, restPort);
        SourceReadCounters.register(conf);
        return conf;
    }

    /** Frees InfluxDB's memory (its in-memory index grows with every series) once a database is no longer read. */
    void dropDatabase(String database) {
        try {
            influx.query(null, "DROP DATABASE \"" + database + "\"");
        } catch (RuntimeException e) {
            say("dropping database " + database + ": " + e.getMessage());
        }
    }

    void createTopic(String topic) throws Exception {
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, PARALLELISM, (short) 1)
                            .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1"))))
                    .all()
                    .get(60, TimeUnit.SECONDS);
            admin.createTopics(List.of(
                            new NewTopic(DEADLETTER_TOPIC, 1, (short) 1), new NewTopic(ALERTS_TOPIC, 1, (short) 1)))
                    .values()
                    .values()
                    .forEach(f -> {
                        try {
                            f.get(30, TimeUnit.SECONDS);
                        } catch (Exception ignored) {
                            // exists already
                        }
                    });
        }
    }

    KafkaProducer<String, byte[]> producer(int lingerMs) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        p.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(lingerMs));
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(128L << 20));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    KafkaConsumer<byte[], byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return new KafkaConsumer<>(p);
    }

    /** Records in the topic so far, all partitions. */
    long endOffsets(KafkaConsumer<byte[], byte[]> c, String topic) {
        List<TopicPartition> parts = c.partitionsFor(topic).stream()
                .map(pi -> new TopicPartition(topic, pi.partition()))
                .toList();
        return c.endOffsets(parts).values().stream().mapToLong(Long::longValue).sum();
    }

    JsonNode getJson(String url) throws Exception {
        HttpResponse<String> resp = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(resp.body());
    }

    /** An InfluxQL query's JSON answer, times in epoch milliseconds. */
    JsonNode influxQuery(String database, String influxQl) throws Exception {
        HttpResponse<String> resp = http.send(
                HttpRequest.newBuilder(URI.create(influx.url() + "/query?epoch=ms&db=" + database + "&q="
                                + URLEncoder.encode(influxQl, StandardCharsets.UTF_8)))
                        .timeout(Duration.ofSeconds(5))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(resp.body());
    }

    @Override
    public void close() {
        kafka.close();
        influx.close();
    }
}
