package org.cems.gateway;

import java.util.concurrent.atomic.AtomicInteger;
import org.cems.testkit.EmbeddedKafka;
import org.cems.testkit.ServerTests;

/** One in-process Kafka for every test class of this module (it takes seconds to start); fresh topics per test. */
final class SharedKafka {
    private static final AtomicInteger TOPICS = new AtomicInteger();
    private static EmbeddedKafka kafka;

    private SharedKafka() {}

    static synchronized EmbeddedKafka get() {
        ServerTests.requireIntegrationTest("Kafka"); // started once, so checked for every class that uses it
        if (kafka == null) {
            kafka = EmbeddedKafka.start();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "shared-kafka-stop"));
        }
        return kafka;
    }

    /** A new topic with {@code partitions} partitions. */
    static String newTopic(String prefix, int partitions) {
        String topic = prefix + "-" + TOPICS.incrementAndGet();
        get().createTopics(partitions, topic);
        return topic;
    }
}
