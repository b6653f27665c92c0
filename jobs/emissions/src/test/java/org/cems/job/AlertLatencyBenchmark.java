package org.cems.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cems.job.config.JobConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert latency, reading published on Kafka to alert event read from {@code cems.alerts}, at a
 * stated load: {@value #POINTS} monitoring points each sending {@value #READINGS_PER_SECOND}
 * readings a second of wall time (10 s of event time apart), i.e. 500 readings/s, through the
 * whole job (decode, windows, efficiency, InfluxDB and MQTT sinks) at parallelism 2. Every point
 * cycles through 2 event-minutes of fault flags D and 2 of N; with the fault allowance and hold
 * at 1 min, the reading that completes each incident's minute fires or resolves it, so each
 * incident gives two latency samples. Rerun:
 * {@code mvn -pl jobs/emissions -am test -Dtest.excludedGroups= -Dtest=AlertLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("bench")
class AlertLatencyBenchmark {
    static final int POINTS = 50;
    static final int READINGS_PER_SECOND = 10;
    static final long EVENT_STEP_MS = 10_000;
    static final int CYCLE = 24; // readings: 12 with D, 12 with N
    static final Duration RUN = Duration.ofSeconds(30);
    static final long T0 = 1_795_658_400_000L; // 2026-11-26T10:00+08:00
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineServers.flink();

    @RegisterExtension
    static final PipelineServers SERVERS = new PipelineServers();

    @TempDir
    Path dir;

    @Test
    void alertLatency() throws Exception {
        JobConfig config = SERVERS.config("/registry-test.yaml");
        config.registry = writeRegistry().toString();
        config.alerts.instrument.fault = "1m";
        config.alerts.instrument.hold = "1m";
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        EmissionsJob.build(env, config);
        JobClient job = env.executeAsync("alert-latency");
        Map<String, Long> publishedNanos = new ConcurrentHashMap<>();
        List<Long> latenciesMs = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread reader = new Thread(() -> readAlerts(publishedNanos, latenciesMs, running), "alert-reader");
        try (KafkaProducer<String, String> producer = producer()) {
            reader.start();
            Thread.sleep(3000); // the job's Kafka reader joins its group
            long startNanos = System.nanoTime();
            long tick = 0;
            while (System.nanoTime() - startNanos < RUN.toNanos()) {
                long due = startNanos + tick * 1_000_000_000L / READINGS_PER_SECOND;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                long eventTime = T0 + tick * EVENT_STEP_MS;
                String flag = tick % CYCLE < CYCLE / 2 ? "D" : "N";
                for (int p = 0; p < POINTS; p++) {
                    String mn = mn(p);
                    publishedNanos.put(mn + "@" + eventTime, System.nanoTime());
                    producer.send(new ProducerRecord<>(
                            "cems.readings",
                            mn,
                            "{\"mn\":\"" + mn + "\",\"time\":" + eventTime
                                    + ",\"values\":{\"a24088\":{\"rtd\":12.5,\"flag\":\"" + flag
                                    + "\"},\"a00000\":{\"rtd\":30000,\"flag\":\"N\"}}}"));
                }
                tick++;
            }
            producer.flush();
            Thread.sleep(3000);
        } finally {
            running.set(false);
            reader.join();
            job.cancel().get();
        }
        List<Long> sorted = new ArrayList<>(latenciesMs);
        Collections.sort(sorted);
        assertThat(sorted).hasSizeGreaterThan(POINTS * 10);
        String report = String.format(
                "alert latency over %d alert events at %d readings/s (%d points x %d/s): p50 %d ms, p99 %d ms, max %d ms",
                sorted.size(),
                POINTS * READINGS_PER_SECOND,
                POINTS,
                READINGS_PER_SECOND,
                sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1),
                sorted.get(sorted.size() - 1));
        System.out.println(report);
        Files.writeString(Path.of("target", "alert-latency.txt"), report + "\n");
    }

    /** The reading that completed an event's minute: the FIRING one at its time, the RESOLVED one a hold later. */
    private static void readAlerts(Map<String, Long> publishedNanos, List<Long> latenciesMs, AtomicBoolean running) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SERVERS.kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "latency");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of("cems.alerts"));
            while (running.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(5))) {
                    long received = System.nanoTime();
                    JsonNode a = JSON.readTree(r.value());
                    long eventTime =
                            java.time.Instant.parse(a.get("time").asText()).toEpochMilli()
                                    + (a.get("state").asText().equals("resolved") ? 60_000 : 0);
                    Long published = publishedNanos.get(a.get("mn").asText() + "@" + eventTime);
                    if (published != null) {
                        latenciesMs.add((received - published) / 1_000_000);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Path writeRegistry() throws Exception {
        StringBuilder y =
                new StringBuilder("city: Bench\ntimezone: Asia/Shanghai\nenterprises:\n  - id: bench\n    sources:\n");
        for (int p = 0; p < POINTS; p++) {
            y.append("      - {id: vent-")
                    .append(p)
                    .append(", mn: \"")
                    .append(mn(p))
                    .append("\", kind: process_vent, units: {a00000: m3/h}}\n");
        }
        Path file = dir.resolve("registry-bench.yaml");
        Files.writeString(file, y);
        return file;
    }

    private static String mn(int p) {
        return String.format("BENCHMN%017d", p);
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SERVERS.kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return new KafkaProducer<>(p);
    }
}
