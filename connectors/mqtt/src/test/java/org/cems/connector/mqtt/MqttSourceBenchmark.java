package org.cems.connector.mqtt;

import static org.cems.connector.mqtt.MqttTestJobs.cancel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cems.testkit.MosquittoServer;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Messages/s through one reader (QoS 1, ack on checkpoint) into a discarding sink, while a
 * publisher floods the broker, for checkpoint intervals 1 s and 10 s and receive maximum 1000
 * and 65535. Each reader takes at most receiveMaximum (+ overshoot allowance) messages per
 * checkpoint interval, so the expected ceiling is min(window / interval, what broker and CPU
 * sustain).
 */
@Tag("bench")
class MqttSourceBenchmark {
    private static final String TOPIC = "bench/flood";
    /**
     * One reader needs no shared group. With one, Mosquitto 2.0.11 itself slows down (publishes
     * included) once the member's queue grows, which a saturated window causes; see docs/connectors.md.
     */
    private static final boolean SHARED = Boolean.getBoolean("bench.shared");

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(1)
                    .build());

    @Test
    void throughputByCheckpointIntervalAndReceiveMaximum() throws Exception {
        List<String> report = new ArrayList<>();
        report.add(String.format(
                "%-11s %-15s %-10s %13s %16s %16s",
                "checkpoint", "receiveMaximum", "allowance", "source msg/s", "window/interval", "published msg/s"));
        // -Dbench.configs=10:65535:100000,1:1000 runs only those
        // (checkpoint seconds:receive maximum[:overshoot allowance]); -Dbench.shared=true uses $share
        for (String config : System.getProperty("bench.configs", "1:1000,1:65535,10:1000,10:65535")
                .split(",")) {
            String[] parts = config.split(":");
            int allowance = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
            report.add(measure(Duration.ofSeconds(Long.parseLong(parts[0])), Integer.parseInt(parts[1]), allowance));
        }
        System.out.println("MQTT source benchmark (parallelism 1, QoS 1, " + (SHARED ? "shared" : "plain")
                + " subscription, Mosquitto 2.0.11 with max_queued_messages 100000; 2 cores shared by broker,"
                + " publisher and Flink)");
        report.forEach(System.out::println);
    }

    private String measure(Duration interval, int receiveMaximum, int allowance) throws Exception {
        String prefix = "bench-" + interval.getSeconds() + "s-" + receiveMaximum + "-" + allowance;
        try (MosquittoServer broker = MosquittoServer.start();
                TestPublisher publisher = new TestPublisher(broker.uri())) {
            CollectingSink probes = CollectingSink.create(prefix);
            MqttSource<String> source = MqttTestJobs.source(broker.uri(), TOPIC, prefix)
                    .setSharedSubscriptionGroup(SHARED ? prefix : null)
                    .setReceiveMaximum(receiveMaximum)
                    .setOvershootAllowance(allowance)
                    .build();
            JobClient job = startDiscarding(source, probes, interval);
            try {
                MqttTestJobs.awaitReadersSubscribed(publisher, TOPIC, probes, 1);
                return flood(broker, interval, receiveMaximum, allowance);
            } finally {
                cancel(job);
            }
        }
    }

    /** Probes go to a collecting sink (to see the reader subscribed), everything else is discarded. */
    private static JobClient startDiscarding(MqttSource<String> source, CollectingSink probes, Duration interval)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(interval.toMillis());
        var records = env.fromSource(source, WatermarkStrategy.noWatermarks(), "mqtt");
        records.filter(r -> r.startsWith(MqttTestJobs.PROBE)).sinkTo(probes);
        records.filter(r -> !r.startsWith(MqttTestJobs.PROBE)).sinkTo(new CountingDiscardingSink());
        return env.executeAsync("mqtt-bench");
    }

    private static String flood(MosquittoServer broker, Duration interval, int receiveMaximum, int allowance)
            throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong published = new AtomicLong();
        Thread flooder = new Thread(
                () -> {
                    try (TestPublisher publisher = new TestPublisher(broker.uri())) {
                        while (running.get()) {
                            try {
                                publisher.publishAsync(TOPIC, "m-" + published.get());
                                published.incrementAndGet();
                            } catch (MqttException windowFull) {
                                Thread.onSpinWait();
                            }
                        }
                    }
                },
                "flooder");
        flooder.start();
        // steady state: at least one full checkpoint cycle, then a window of several cycles
        Thread.sleep(Math.max(5_000, interval.toMillis() + 2_000));
        long startCount = CountingDiscardingSink.COUNT.sum();
        long startPublished = published.get();
        long startNanos = System.nanoTime();
        Thread.sleep(Math.max(10_000, 3 * interval.toMillis()));
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long received = CountingDiscardingSink.COUNT.sum() - startCount;
        long sent = published.get() - startPublished;
        running.set(false);
        flooder.join();
        double bound = (receiveMaximum + allowance) / (double) interval.getSeconds();
        return String.format(
                "%-11s %-15d %-10d %13.0f %16.0f %16.0f",
                interval.getSeconds() + " s", receiveMaximum, allowance, received / seconds, bound, sent / seconds);
    }
}
