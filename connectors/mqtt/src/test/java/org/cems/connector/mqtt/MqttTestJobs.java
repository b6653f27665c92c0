package org.cems.connector.mqtt;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Starting MQTT test jobs on the MiniCluster and waiting for what they collect. */
final class MqttTestJobs {
    static final String PROBE = "probe-";

    private MqttTestJobs() {}

    static MqttSourceBuilder<String> source(String uri, String topic, String clientIdPrefix) {
        return MqttSource.<String>builder()
                .setBrokerUris(uri)
                .setTopicFilters(topic)
                .setClientIdPrefix(clientIdPrefix)
                .setSharedSubscriptionGroup(clientIdPrefix + "-group")
                .setReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(1))
                .setDeserializer(new StringDeserializer());
    }

    /** source → (map) → sink at one parallelism, checkpointing, restarting on failure. */
    static JobClient start(
            MqttSource<String> source,
            MapFunction<String, String> map,
            CollectingSink sink,
            int parallelism,
            Duration checkpointInterval)
            throws Exception {
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 5);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);
        env.enableCheckpointing(checkpointInterval.toMillis());
        DataStream<String> records = env.fromSource(source, WatermarkStrategy.noWatermarks(), "mqtt");
        if (map != null) {
            records = records.map(map);
        }
        records.sinkTo(sink);
        return env.executeAsync("mqtt-test");
    }

    /** Publishes probes until each of {@code readers} subtasks has received one: all are subscribed. */
    static void awaitReadersSubscribed(TestPublisher publisher, String topic, CollectingSink sink, int readers)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        int probe = 0;
        while (subtasksThatSawProbes(sink) < readers) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("only " + subtasksThatSawProbes(sink) + " of " + readers
                        + " readers received probes within 60 s");
            }
            publisher.publish(topic, PROBE + probe++);
            Thread.sleep(100);
        }
    }

    private static long subtasksThatSawProbes(CollectingSink sink) {
        return sink.collected().bySubtask.values().stream()
                .filter(records -> records.stream().anyMatch(r -> r.startsWith(PROBE)))
                .count();
    }

    static void await(Duration timeout, BooleanSupplier condition, Supplier<String> failure)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + ": " + failure.get());
            }
            Thread.sleep(50);
        }
    }

    /** Cancels and waits until the job has stopped, so its clients have disconnected. */
    static void cancel(JobClient job) throws Exception {
        if (job == null) {
            return;
        }
        job.cancel().get();
        await(
                Duration.ofSeconds(30),
                () -> job.getJobStatus().join().isGloballyTerminalState(),
                () -> "job " + job.getJobID() + " did not stop");
    }
}
