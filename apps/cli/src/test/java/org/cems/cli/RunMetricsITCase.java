package org.cems.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cems.job.EmissionsJob;
import org.cems.testkit.EmbeddedKafka;
import org.cems.testkit.FreePorts;
import org.cems.testkit.InfluxDbServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cems run}'s Prometheus endpoint: the job started the way RunCommand starts it (embedded
 * cluster with Flink's Prometheus reporter, on real Kafka and InfluxDB) answers /metrics with the
 * job's own counters after one good reading and one payload that is no reading.
 */
class RunMetricsITCase {
    private static final Path REGISTRY =
            Path.of("../../docker/config/registry.yaml").toAbsolutePath().normalize();
    private static final Path DASHBOARD = Path.of("../../grafana/dashboards/pipeline-health.json");
    private static final String MN = "150621A89001D3F3A51C0001";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void metricsEndpointShowsTheJobsCounters() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
                InfluxDbServer influx = InfluxDbServer.start()) {
            kafka.createTopics(1, "cems.readings", "cems.deadletter", "cems.alerts");
            influx.createDatabase("cems");
            Path config = dir.resolve("cems.yaml");
            Files.writeString(
                    config,
                    String.join(
                            "\n",
                            "registry: " + REGISTRY,
                            "parallelism: 1",
                            "checkpoint: {interval: 1s}",
                            "kafka: {enabled: true, bootstrap_servers: \"" + kafka.bootstrapServers()
                                    + "\", starting_offsets: earliest}",
                            "mqtt: {enabled: false}",
                            "alerts: {mqtt_enabled: false}",
                            "influxdb: {url: \"" + influx.url() + "\", api: v1, database: cems, flush_interval: 200ms}",
                            ""));
            int metricsPort = FreePorts.next();
            RunCommand.Options options = RunCommand.parse(new String[] {
                "--config",
                config.toString(),
                "--web-port",
                Integer.toString(FreePorts.next()),
                "--metrics-port",
                Integer.toString(metricsPort)
            });
            StreamExecutionEnvironment env = RunCommand.environment(options);
            EmissionsJob.build(env, options.config());
            JobClient job = env.executeAsync(EmissionsJob.JOB_NAME);
            try (KafkaProducer<String, String> producer = producer(kafka)) {
                String time = OffsetDateTime.now(ZoneOffset.ofHours(8))
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString();
                producer.send(new ProducerRecord<>(
                        "cems.readings",
                        MN,
                        "{\"mn\":\"" + MN + "\",\"cn\":\"2011\",\"time\":\"" + time
                                + "\",\"values\":{\"a21026\":{\"rtd\":20,\"flag\":\"N\"}}}"));
                producer.send(new ProducerRecord<>("cems.readings", MN, "this is not a reading"));
                producer.flush();

                String metrics = awaitMetrics(
                        metricsPort,
                        text -> value(text, "flink_taskmanager_job_task_operator_readingsIn", "") >= 1
                                && value(
                                                text,
                                                "flink_taskmanager_job_task_operator_reason_deadLetters",
                                                "reason=\"unknown_format\"")
                                        >= 1
                                && value(text, "flink_taskmanager_job_task_operator_pointsWritten", "") >= 1);
                Files.writeString(Path.of("target/run-metrics.prom"), metrics); // every series, for docs/metrics.md
                // one reading of one code: one reading point; the payload that is no JSON and no frame: one dead letter
                assertThat(value(metrics, "flink_taskmanager_job_task_operator_readingsIn", ""))
                        .isEqualTo(1);
                assertThat(value(
                                metrics,
                                "flink_taskmanager_job_task_operator_reason_deadLetters",
                                "reason=\"unknown_format\""))
                        .isEqualTo(1);
                assertThat(metrics)
                        .contains(
                                "flink_taskmanager_job_task_operator_retries{",
                                "flink_taskmanager_job_task_operator_KafkaSourceReader_KafkaConsumer_records_lag_max{",
                                "flink_jobmanager_job_lastCheckpointDuration{",
                                "flink_jobmanager_job_numberOfFailedCheckpoints{");
                // the pipeline-health dashboard queries only series the job exports
                Matcher queried = Pattern.compile("\\bflink_[A-Za-z0-9_]+").matcher(Files.readString(DASHBOARD));
                while (queried.find()) {
                    assertThat(metrics)
                            .as("the dashboard queries " + queried.group())
                            .contains(queried.group() + "{");
                }
            } finally {
                job.cancel().get();
            }
        }
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafka kafka) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    private static String awaitMetrics(int port, java.util.function.Predicate<String> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String text = "";
        while (System.nanoTime() < deadline) {
            try {
                text = HTTP.send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/metrics"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                if (done.test(text)) {
                    return text;
                }
            } catch (java.io.IOException notYet) {
                // the reporter starts with the cluster
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the job's counters did not show within 120 s on /metrics:\n" + grepCems(text));
    }

    /** The sum over every series of {@code name} whose labels contain {@code label}; -1 when there is none. */
    static double value(String text, String name, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$")
                .matcher(text);
        double sum = -1;
        while (m.find()) {
            if (m.group(1).contains(label)) {
                sum = Math.max(sum, 0) + Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    private static String grepCems(String text) {
        return text.lines()
                .filter(l -> l.contains("readingsIn") || l.contains("deadLetters") || l.contains("pointsWritten"))
                .reduce("", (a, b) -> a + b + "\n");
    }
}
