package org.cems.cli.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryLoader;

/**
 * Phase "preload Kafka": S synthetic sources (registry written to the report folder) and one hour
 * of their deterministic readings ending at a given minute, every source every interval, keyed by
 * MN, into a topic of its own.
 */
final class Preload {
    /** What was preloaded: the topic, its sources and its records. */
    record Loaded(
            int sources,
            Path registryFile,
            Registry registry,
            Payloads payloads,
            String topic,
            long messages,
            long bytes,
            int intervalSeconds,
            long startMillis,
            long endMillis,
            double seconds) {}

    private Preload() {}

    /**
     * The end of a backlog whose hour boundary falls halfway through it: the latest half past an
     * hour at or before {@code now}. The jobs' phases read this one, so that every run meets the
     * hour's close at the same point of its backlog: at S = 100,000 it is where the job's pace
     * changes most, and with the boundary wherever the wall clock put it runs of the same build
     * read 3,123 and 5,084 records/s (docs/benchmark.md).
     */
    static long endHalfPastAnHour(Instant now) {
        return now.minus(30, ChronoUnit.MINUTES)
                .truncatedTo(ChronoUnit.HOURS)
                .plus(30, ChronoUnit.MINUTES)
                .toEpochMilli();
    }

    /** The end of a backlog that live readings continue: the current minute (the catch-up). */
    static long endNow(Instant now) {
        return now.truncatedTo(ChronoUnit.MINUTES).toEpochMilli();
    }

    static Loaded run(Rig rig, String topic, int sources, int intervalSeconds, long end) throws Exception {
        Path registryFile = SyntheticRegistry.write(rig.out.resolve("registry-" + sources + ".yaml"), sources);
        Registry registry = RegistryLoader.load(registryFile);
        Payloads payloads = new Payloads(registry);
        rig.createTopic(topic);
        long start = end - 3_600_000L;
        int steps = 3600 / intervalSeconds;
        long total = (long) steps * sources;
        rig.say(String.format(
                "preloading %,d readings into %s: %,d sources every %d s over one hour of event time, %s to %s (JSON and HJ 212, half each)",
                total, topic, sources, intervalSeconds, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end)));
        long t0 = System.nanoTime();
        long lastSay = t0;
        long bytes = 0;
        long sent = 0;
        try (KafkaProducer<String, byte[]> producer = rig.producer(20)) {
            for (int step = 0; step < steps; step++) {
                long time = start + step * intervalSeconds * 1000L;
                for (int i = 0; i < sources; i++) {
                    byte[] payload = payloads.payload(i, time);
                    bytes += payload.length;
                    producer.send(new ProducerRecord<>(topic, null, time, payloads.mn(i), payload));
                    sent++;
                }
                if (System.nanoTime() - lastSay > 5_000_000_000L) {
                    lastSay = System.nanoTime();
                    rig.say(String.format("  preload %,d / %,d (%.0f%%)", sent, total, 100.0 * sent / total));
                }
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        rig.say(String.format(
                "preloaded %,d readings (%,d MB, %.0f B each) in %.1f s",
                total, bytes >> 20, (double) bytes / total, seconds));
        return new Loaded(
                sources, registryFile, registry, payloads, topic, total, bytes, intervalSeconds, start, end, seconds);
    }
}
