package org.cems.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Phase "latency at a fixed rate", with the full job running and caught up: each of the first
 * {@code rate} sources sends one reading a second (event time = the second), paced over the
 * second in 100 slots; 20 of them are probes: published = when send() was called, visible = when a
 * poll of InfluxDB (every 20 ms) first returns the probe's {@code reading} point.
 */
final class LatencyPhase {
    static final int SECONDS = 25;
    static final int WARMUP_SECONDS = 5;
    static final int PROBES_PER_SECOND = 20;
    /** How long after the last send probes may still turn up. */
    static final long DRAIN_MS = 15_000;

    /**
     * @param sortedMillis latencies of the probes seen, ascending
     * @param lost probes not seen within {@link #DRAIN_MS} of the last send
     */
    record Latency(int rate, double achievedRate, long[] sortedMillis, int probes, int lost) {
        /** Probes never seen count as slower than any seen one; -1 when the percentile falls among them. */
        long percentile(double p) {
            int n = sortedMillis.length + lost;
            if (n == 0) {
                return -1;
            }
            int i = Math.max(0, (int) Math.ceil(p / 100.0 * n) - 1);
            return i < sortedMillis.length ? sortedMillis[i] : -1;
        }

        String show(double p) {
            long v = percentile(p);
            return v >= 0 ? String.format("%,d ms", v) : String.format("> %,d ms (not seen)", DRAIN_MS);
        }

        long maxSeen() {
            return sortedMillis.length == 0 ? -1 : sortedMillis[sortedMillis.length - 1];
        }
    }

    private LatencyPhase() {}

    static Latency run(Rig rig, Payloads payloads, String topic, String database, int rate) throws Exception {
        rig.say(String.format(
                "latency at %,d readings/s for %d s (%d probes a second; the first %d s are warm-up)",
                rate, SECONDS, PROBES_PER_SECOND, WARMUP_SECONDS));
        Map<Integer, String> probeSource = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < PROBES_PER_SECOND; k++) {
            int i = (int) ((long) k * rate / PROBES_PER_SECOND);
            // the source id of point i, as SyntheticRegistry names it
            String id = String.format("e%06d-%d", i / 4, i % 4);
            probeSource.put(i, id);
            ids.add(id);
        }
        Map<String, Long> published = new ConcurrentHashMap<>(); // "source@millis" -> publish time
        Map<String, Long> latencies = new ConcurrentHashMap<>();
        AtomicLong sentCount = new AtomicLong();
        long startSecond = (System.currentTimeMillis() / 1000 + 1) * 1000;
        long warmupEnd = startSecond + WARMUP_SECONDS * 1000L;
        Thread poller =
                new Thread(() -> poll(rig, database, ids, published, latencies, startSecond), "bench-latency-poller");
        poller.setDaemon(true);
        long sendStart;
        long sendEnd;
        try (KafkaProducer<String, byte[]> producer = rig.producer(0)) {
            poller.start();
            sleepUntil(startSecond);
            sendStart = System.nanoTime();
            for (int sec = 0; sec < SECONDS; sec++) {
                long time = startSecond + sec * 1000L;
                for (int slot = 0; slot < 100; slot++) {
                    sleepUntil(time + slot * 10L);
                    int from = (int) ((long) slot * rate / 100);
                    int to = (int) ((long) (slot + 1) * rate / 100);
                    for (int i = from; i < to; i++) {
                        byte[] payload = payloads.payload(i, time);
                        String probe = probeSource.get(i);
                        if (probe != null && time >= warmupEnd) {
                            published.put(probe + "@" + time, System.currentTimeMillis());
                        }
                        producer.send(new ProducerRecord<>(topic, null, time, payloads.mn(i), payload));
                        sentCount.incrementAndGet();
                    }
                }
                if (sec % 5 == 4) {
                    rig.say(String.format(
                            "  %d s: sent %,d, probes seen %d / %d",
                            sec + 1, sentCount.get(), latencies.size(), published.size()));
                }
            }
            producer.flush();
            sendEnd = System.nanoTime();
        }
        long drainUntil = System.currentTimeMillis() + DRAIN_MS;
        while (latencies.size() < published.size() && System.currentTimeMillis() < drainUntil) {
            Thread.sleep(100);
        }
        poller.interrupt();
        poller.join(2000);
        long[] sorted =
                latencies.values().stream().mapToLong(Long::longValue).sorted().toArray();
        double achieved = sentCount.get() / ((sendEnd - sendStart) / 1e9);
        Latency l = new Latency(rate, achieved, sorted, published.size(), published.size() - sorted.length);
        rig.say(String.format(
                "latency at %,d readings/s (achieved %,.0f): p50 %s, p99 %s, max seen %d ms over %d probes (%d not seen within %d s)",
                rate, achieved, l.show(50), l.show(99), l.maxSeen(), l.probes(), l.lost(), DRAIN_MS / 1000));
        return l;
    }

    private static void poll(
            Rig rig,
            String database,
            List<String> ids,
            Map<String, Long> published,
            Map<String, Long> latencies,
            long fromMillis) {
        // one point per reading (ReadingPoints): a probe's temperature is its point's a01012 field
        String q = "SELECT \"a01012\" FROM \"reading\" WHERE \"source\" =~ /^(" + String.join("|", ids)
                + ")$/ AND time >= " + fromMillis + "ms GROUP BY \"source\"";
        while (!Thread.currentThread().isInterrupted()) {
            try {
                JsonNode answer = rig.influxQuery(database, q);
                long now = System.currentTimeMillis();
                for (JsonNode series : answer.path("results").path(0).path("series")) {
                    String source = series.path("tags").path("source").asText();
                    for (JsonNode row : series.path("values")) {
                        String key = source + "@" + row.path(0).asLong();
                        Long sent = published.get(key);
                        if (sent != null && !latencies.containsKey(key)) {
                            latencies.put(key, now - sent);
                        }
                    }
                }
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // a slow or failed poll is retried
            }
        }
    }

    private static void sleepUntil(long millis) throws InterruptedException {
        long d = millis - System.currentTimeMillis();
        if (d > 0) {
            Thread.sleep(d);
        }
    }
}
