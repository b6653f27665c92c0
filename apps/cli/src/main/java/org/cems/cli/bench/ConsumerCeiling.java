package org.cems.cli.bench;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Phase "plain consumer": a KafkaConsumer reading the preloaded topic and doing nothing with it, best of two rounds. */
final class ConsumerCeiling {
    private static final Duration CAP = Duration.ofSeconds(120);

    private ConsumerCeiling() {}

    static double run(Rig rig, String topic, long expected) {
        double best = 0;
        for (int round = 1; round <= 2; round++) {
            try (KafkaConsumer<byte[], byte[]> consumer = rig.consumer()) {
                List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                        .map(pi -> new TopicPartition(pi.topic(), pi.partition()))
                        .toList();
                consumer.assign(parts);
                consumer.seekToBeginning(parts);
                long n = 0;
                long bytes = 0;
                long start = System.nanoTime();
                long cap = start + CAP.toNanos();
                while (n < expected && System.nanoTime() < cap) {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                    for (var rec : records) {
                        bytes += rec.value().length;
                        n++;
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                rig.say(String.format(
                        "plain KafkaConsumer (round %d): %,d records (%,d MB) in %.1f s = %,.0f records/s",
                        round, n, bytes >> 20, seconds, n / seconds));
                best = Math.max(best, n / seconds);
            }
        }
        return best;
    }
}
