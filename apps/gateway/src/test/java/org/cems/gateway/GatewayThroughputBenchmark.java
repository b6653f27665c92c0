package org.cems.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Frames per second through the gateway into the in-process Kafka (acks=all, idempotent), for
 * 1, 50 and 500 connections. Each logger sends 16 frames in one write, all asking for an answer,
 * and sends the next 16 once the 9014s are back, so the figure includes the wait for Kafka's
 * acknowledgement. Broker, gateway and clients share the machine's cores.
 */
@Tag("bench")
class GatewayThroughputBenchmark {
    private static final int FRAMES_PER_RUN = Integer.getInteger("bench.frames", 60_000);
    private static final int BATCH = 16;
    private static final int CLIENT_THREADS = 4;

    @Test
    void framesPerSecondByConnections() throws Exception {
        List<String> report = new ArrayList<>();
        measure(50, FRAMES_PER_RUN / 4); // warm-up: JIT, broker, topics
        for (int connections : new int[] {1, 50, 500}) {
            report.add(measure(connections, FRAMES_PER_RUN));
        }
        System.out.printf(
                "Gateway throughput: %d frames per run, batches of %d answered frames, %d cores, Java %s%n",
                FRAMES_PER_RUN, BATCH, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        report.forEach(System.out::println);
    }

    private String measure(int connections, int frames) throws Exception {
        int perConnection = frames / connections / BATCH * BATCH;
        byte[][] batches = new byte[connections][];
        try (GatewayTopics g = new GatewayTopics(b -> b)) {
            List<TestLogger> loggers = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                loggers.add(g.connect());
                byte[][] frameBatch = new byte[BATCH][];
                for (int k = 0; k < BATCH; k++) {
                    frameBatch[k] = TestFrames.frame(TestFrames.realtime(
                            String.format("BENCH%019d", c),
                            TestFrames.qn(k),
                            "123456",
                            true,
                            TestFrames.BASE_TIME.plusSeconds(k)));
                }
                batches[c] = TestFrames.concat(frameBatch);
            }
            long start = System.nanoTime();
            ExecutorService clients = Executors.newFixedThreadPool(Math.min(CLIENT_THREADS, connections));
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < Math.min(CLIENT_THREADS, connections); t++) {
                    int first = t;
                    done.add(clients.submit(() -> {
                        for (int sent = BATCH; sent <= perConnection; sent += BATCH) {
                            for (int c = first; c < connections; c += CLIENT_THREADS) {
                                loggers.get(c).send(batches[c]);
                            }
                            for (int c = first; c < connections; c += CLIENT_THREADS) {
                                assertThat(loggers.get(c).awaitAnswerCount(sent, Duration.ofSeconds(60)))
                                        .isEqualTo(sent);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                clients.shutdownNow();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long total = (long) perConnection * connections;
            for (TestLogger l : loggers) {
                l.close();
            }
            assertThat(g.gateway.stats().published()).isEqualTo(total);
            return String.format(
                    Locale.ROOT,
                    "  %4d connections: %,9.0f frames/s answered after Kafka's ack (%,d frames in %.2f s)",
                    connections,
                    total / seconds,
                    total,
                    seconds);
        }
    }
}
