package org.cems.connector.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cems.connector.mqtt.MqttTestJobs.await;
import static org.cems.connector.mqtt.MqttTestJobs.awaitReadersSubscribed;
import static org.cems.connector.mqtt.MqttTestJobs.cancel;
import static org.cems.connector.mqtt.MqttTestJobs.source;
import static org.cems.connector.mqtt.MqttTestJobs.start;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cems.connector.mqtt.CollectingSink.Collected;
import org.cems.testkit.MosquittoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The source against a real Mosquitto, in a MiniCluster with two slots. */
class MqttSourceITCase {
    private static final int PARALLELISM = 2;
    private static final Duration CHECKPOINTS = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(PARALLELISM)
                    .build());

    private MosquittoServer broker;
    private TestPublisher publisher;
    private JobClient job;

    @AfterEach
    void stopAll() throws Exception {
        cancel(job);
        if (publisher != null) {
            publisher.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void sharedSubscriptionDeliversEveryMessageExactlyOnceAcrossTwoReaders() throws Exception {
        broker = MosquittoServer.start();
        publisher = new TestPublisher(broker.uri());
        CollectingSink sink = CollectingSink.create("shared");
        job = start(source(broker.uri(), "plants/shared/+", "shared").build(), null, sink, PARALLELISM, CHECKPOINTS);
        awaitReadersSubscribed(publisher, "plants/shared/probe", sink, PARALLELISM);

        Set<String> published = publish("plants/shared/p1", "m-", 2000);

        Collected collected = sink.collected();
        await(TIMEOUT, () -> collected.containsAll(published), () -> missing(collected, published));
        Thread.sleep(500); // a duplicate would arrive right behind
        assertThat(countsOf(collected, "m-"))
                .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
        assertThat(collected.distinctWithPrefix("m-")).isEqualTo(published.size());
        for (int subtask = 0; subtask < PARALLELISM; subtask++) {
            assertThat(collected.bySubtask.get(subtask))
                    .as("messages read by subtask " + subtask)
                    .anyMatch(r -> r.startsWith("m-"));
        }
    }

    @Test
    void messagesAckedOnCheckpointAreNotRedeliveredToTheNextRun() throws Exception {
        broker = MosquittoServer.start();
        publisher = new TestPublisher(broker.uri());
        CollectingSink firstRun = CollectingSink.create("acks-1");
        job = start(source(broker.uri(), "plants/acks", "acks").build(), null, firstRun, PARALLELISM, CHECKPOINTS);
        awaitReadersSubscribed(publisher, "plants/acks", firstRun, PARALLELISM);
        Set<String> published = publish("plants/acks", "m-", 500);
        await(
                TIMEOUT,
                () -> firstRun.collected().containsAll(published),
                () -> missing(firstRun.collected(), published));
        Thread.sleep(5 * CHECKPOINTS.toMillis()); // checkpoints complete, acks go out
        cancel(job);

        CollectingSink secondRun = CollectingSink.create("acks-2");
        job = start(source(broker.uri(), "plants/acks", "acks").build(), null, secondRun, PARALLELISM, CHECKPOINTS);
        awaitReadersSubscribed(publisher, "plants/acks", secondRun, PARALLELISM);
        Thread.sleep(1000);
        assertThat(secondRun.collected().distinctWithPrefix("m-"))
                .as("messages redelivered after acks")
                .isZero();
    }

    @Test
    void forcedJobFailureRestartsFromCheckpointAndLosesNoAcceptedMessage() throws Exception {
        broker = MosquittoServer.start();
        publisher = new TestPublisher(broker.uri());
        CollectingSink sink = CollectingSink.create("failure");
        FailOnceMap failOnce = FailOnceMap.create("failure", 1000);
        job = start(
                source(broker.uri(), "plants/failure", "failure").build(), failOnce, sink, PARALLELISM, CHECKPOINTS);
        awaitReadersSubscribed(publisher, "plants/failure", sink, PARALLELISM);

        Set<String> published = publish("plants/failure", "m-", 3000);

        Collected collected = sink.collected();
        await(TIMEOUT, () -> collected.containsAll(published), () -> missing(collected, published));
        assertThat(failOnce.hasFailed()).as("the job failed once and restarted").isTrue();
    }

    /** A plain subscription: Mosquitto restores it with the session, so nothing accepted may be lost. */
    @Test
    void brokerRestartMidStreamWithPersistenceLosesNoAcceptedMessage() throws Exception {
        broker = MosquittoServer.builder().persistence(true).build();
        publisher = new TestPublisher(broker.uri());
        CollectingSink sink = CollectingSink.create("broker-restart");
        MqttSource<String> plain = source(broker.uri(), "plants/restart", "restart")
                .setSharedSubscriptionGroup(null)
                .build();
        job = start(plain, null, sink, 1, CHECKPOINTS);
        awaitReadersSubscribed(publisher, "plants/restart", sink, 1);

        Thread publishing = new Thread(
                () -> {
                    try {
                        for (int i = 0; i < 2000; i++) {
                            publisher.publish("plants/restart", "m-" + i);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "publisher");
        publishing.start();
        await(TIMEOUT, () -> sink.collected().distinctWithPrefix("m-") >= 700, () -> "nothing received");
        broker.restart();
        publishing.join(TIMEOUT.toMillis());

        Set<String> accepted = acceptedWithPrefix("m-");
        assertThat(accepted).hasSize(2000);
        Collected collected = sink.collected();
        await(TIMEOUT, () -> collected.containsAll(accepted), () -> missing(collected, accepted));
    }

    /**
     * Shared subscriptions: Mosquitto 2.0.11 restores the sessions, with their un-acked messages,
     * but not the shared subscriptions, so messages published between the broker's start and the
     * readers' resubscribe have no subscriber. Publishing pauses over the restart; everything
     * accepted before it (much still un-acked in the readers) and after the resubscribe must arrive.
     */
    @Test
    void brokerRestartWithSharedSubscriptionLosesNothingAcceptedWhileSubscribed() throws Exception {
        broker = MosquittoServer.builder().persistence(true).build();
        publisher = new TestPublisher(broker.uri());
        CollectingSink sink = CollectingSink.create("shared-restart");
        job = start(
                source(broker.uri(), "plants/shared-restart", "shared-restart").build(),
                null,
                sink,
                PARALLELISM,
                CHECKPOINTS);
        awaitReadersSubscribed(publisher, "plants/shared-restart", sink, PARALLELISM);

        publish("plants/shared-restart", "before-", 1000);
        broker.restart();
        CollectingSink.Collected collected = sink.collected();
        collected.bySubtask.values().forEach(records -> records.removeIf(r -> r.startsWith(MqttTestJobs.PROBE)));
        awaitReadersSubscribed(publisher, "plants/shared-restart", sink, PARALLELISM);
        publish("plants/shared-restart", "after-", 1000);

        Set<String> accepted = acceptedWithPrefix("before-");
        accepted.addAll(acceptedWithPrefix("after-"));
        assertThat(accepted).hasSize(2000);
        await(TIMEOUT, () -> collected.containsAll(accepted), () -> missing(collected, accepted));
    }

    /**
     * Mosquitto 2.0.11 sends past a client's receive maximum once acks come in a batch. The reader
     * admits only the window, leaves the rest un-acked, and reconnects after acking what it took.
     */
    @Test
    void brokerSendingPastTheReceiveMaximumLosesNothing() throws Exception {
        broker = MosquittoServer.start();
        publisher = new TestPublisher(broker.uri());
        CollectingSink sink = CollectingSink.create("window");
        MqttSource<String> smallWindow = source(broker.uri(), "plants/window", "window")
                .setReceiveMaximum(50)
                .build();
        job = start(smallWindow, null, sink, PARALLELISM, CHECKPOINTS);
        awaitReadersSubscribed(publisher, "plants/window", sink, PARALLELISM);

        Set<String> published = publish("plants/window", "m-", 1500);

        Collected collected = sink.collected();
        await(TIMEOUT, () -> collected.containsAll(published), () -> missing(collected, published));
    }

    @Test
    void mqtt3FallbackSharesMessagesAcrossReadersExactlyOnce() throws Exception {
        broker = MosquittoServer.start();
        publisher = new TestPublisher(broker.uri());
        CollectingSink sink = CollectingSink.create("v3");
        MqttSource<String> v3 = source(broker.uri(), "plants/v3", "v3")
                .setProtocolVersion(MqttProtocolVersion.V3_1_1)
                .build();
        job = start(v3, null, sink, PARALLELISM, CHECKPOINTS);
        awaitReadersSubscribed(publisher, "plants/v3", sink, PARALLELISM);

        Set<String> published = publish("plants/v3", "m-", 1000);

        Collected collected = sink.collected();
        await(TIMEOUT, () -> collected.containsAll(published), () -> missing(collected, published));
        Thread.sleep(500);
        assertThat(countsOf(collected, "m-"))
                .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
    }

    private Set<String> publish(String topic, String prefix, int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            publisher.publish(topic, prefix + i);
        }
        return acceptedWithPrefix(prefix);
    }

    private Set<String> acceptedWithPrefix(String prefix) {
        return publisher.accepted().stream().filter(id -> id.startsWith(prefix)).collect(Collectors.toSet());
    }

    private static Map<String, Long> countsOf(Collected collected, String prefix) {
        return collected.counts.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
    }

    private static String missing(Collected collected, Set<String> expected) {
        Set<String> missing = expected.stream()
                .filter(id -> !collected.counts.containsKey(id))
                .collect(Collectors.toCollection(TreeSet::new));
        return missing.size() + " of " + expected.size() + " messages missing ("
                + missing.stream().limit(40).collect(Collectors.joining(" ")) + "); received " + collected.total
                + " records";
    }
}
