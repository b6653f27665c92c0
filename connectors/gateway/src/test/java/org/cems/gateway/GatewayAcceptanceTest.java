package org.cems.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cems.hj212.Hj212Packet;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's acceptance: 500 simulated loggers on loopback, all connected at once, send frames
 * concurrently (some asking for an answer, a known set corrupted, some with a wrong password).
 * Every frame answered 9014 is in Kafka, every good frame is there once, and exactly the corrupted
 * and wrong-password frames are dead letters, with their reasons.
 */
class GatewayAcceptanceTest {
    private static final int LOGGERS = 500;
    private static final int FRAMES_PER_LOGGER = 4;
    /** Client threads: each drives 1/8 of the loggers, so 500 connections need no 500 threads. */
    private static final int CLIENT_THREADS = 8;
    private static final Duration WAIT = Duration.ofSeconds(30);

    enum Kind { GOOD, BAD_CRC, BAD_LENGTH, TRUNCATED, WRONG_PASSWORD }

    /** One frame of the script: what is sent and what must come of it. */
    record Sent(int logger, String qn, Kind kind, boolean needsAck, byte[] bytes) {
        String expectedDeadLetterReason() {
            return switch (kind) {
                case BAD_CRC -> "bad_crc";
                case BAD_LENGTH -> "bad_length";
                case TRUNCATED -> "truncated";
                case WRONG_PASSWORD -> "bad_password";
                case GOOD -> null;
            };
        }

        /** What the gateway answers: cn and QnRtn, or null for no answer. */
        String expectedAnswer() {
            return switch (kind) {
                case GOOD -> needsAck ? "9014" : null;
                case BAD_CRC -> "9011/9";
                case BAD_LENGTH -> "9011/2";
                case WRONG_PASSWORD -> "9011/3";
                case TRUNCATED -> null; // the stream ended inside it: nobody to answer
            };
        }
    }

    static String mn(int logger) {
        return String.format("ACCMN%019d", logger);
    }

    static boolean hasPassword(int logger) {
        return logger % 50 == 7;
    }

    static String password(int logger) {
        return "pw-" + logger;
    }

    /** Logger i's frames: every tenth logger corrupts one, every hundredth with a password sends a wrong one. */
    static List<Sent> script(int logger) {
        List<Sent> frames = new ArrayList<>();
        boolean corrupts = logger % 10 == 3;
        Kind corruption = List.of(Kind.BAD_CRC, Kind.BAD_LENGTH, Kind.TRUNCATED).get((logger / 10) % 3);
        for (int k = 0; k < FRAMES_PER_LOGGER; k++) {
            String qn = TestFrames.qn(logger * FRAMES_PER_LOGGER + k);
            boolean needsAck = (logger + k) % 2 == 0;
            boolean wrongPassword = logger % 100 == 7 && k == 0;
            String pw = wrongPassword ? "000000" : hasPassword(logger) ? password(logger) : "123456";
            byte[] good = TestFrames.frame(TestFrames.realtime(mn(logger), qn, pw, needsAck,
                    TestFrames.BASE_TIME.plusSeconds(30L * k)));
            Kind kind = wrongPassword ? Kind.WRONG_PASSWORD : Kind.GOOD;
            byte[] bytes = good;
            if (corrupts && corruption != Kind.TRUNCATED && k == 1) {
                kind = corruption;
                bytes = corruption == Kind.BAD_CRC ? TestFrames.withBadCrc(good) : TestFrames.withLengthOffBy(good, 7);
            } else if (corrupts && corruption == Kind.TRUNCATED && k == FRAMES_PER_LOGGER - 1) {
                kind = Kind.TRUNCATED; // last: the logger's stream ends inside it
                bytes = TestFrames.truncated(good, good.length / 2);
            }
            frames.add(new Sent(logger, qn, kind, needsAck, bytes));
        }
        return frames;
    }

    @Test
    void fiveHundredConcurrentLoggers() throws Exception {
        Map<String, String> passwords = new HashMap<>();
        for (int i = 0; i < LOGGERS; i++) {
            if (hasPassword(i)) {
                passwords.put(mn(i), password(i));
            }
        }
        List<Sent> all = new ArrayList<>();
        List<List<Sent>> scripts = new ArrayList<>();
        for (int i = 0; i < LOGGERS; i++) {
            scripts.add(script(i));
            all.addAll(scripts.get(i));
        }
        Map<String, String> answers = new ConcurrentHashMap<>(); // QN -> "9014" or "9011/QnRtn"
        long startNanos = System.nanoTime();
        try (GatewayTopics g = new GatewayTopics(b -> b.passwords(Passwords.of(passwords)))) {
            List<TestLogger> loggers = new ArrayList<>();
            try {
                for (int i = 0; i < LOGGERS; i++) {
                    loggers.add(g.connect());
                }
                awaitOpenConnections(g, LOGGERS);
                ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
                try {
                    List<Future<?>> done = new ArrayList<>();
                    for (int t = 0; t < CLIENT_THREADS; t++) {
                        int first = t;
                        done.add(clients.submit(() -> {
                            drive(first, loggers, scripts, answers);
                            return null;
                        }));
                    }
                    for (Future<?> f : done) {
                        f.get();
                    }
                } finally {
                    clients.shutdownNow();
                }
            } finally {
                for (TestLogger l : loggers) {
                    l.close();
                }
            }
            long good = all.stream().filter(s -> s.kind() == Kind.GOOD).count();
            List<ConsumerRecord<String, String>> readings = g.readings((int) good);
            List<JsonNode> deadLetters = g.deadLetters((int) (all.size() - good));
            System.out.printf("acceptance: %d loggers, %d frames (%d good, %d answered 9014) in %d ms%n", LOGGERS,
                    all.size(), good, answers.values().stream().filter("9014"::equals).count(),
                    (System.nanoTime() - startNanos) / 1_000_000);

            // every frame answered 9014 is in Kafka; every good frame is there exactly once, keyed by its MN
            Map<String, ConsumerRecord<String, String>> readingByQn = new HashMap<>();
            for (ConsumerRecord<String, String> r : readings) {
                assertThat(readingByQn.put(TestFrames.qnIn(r.value()), r)).as("published once").isNull();
            }
            Set<String> answered9014 = new HashSet<>();
            answers.forEach((qn, answer) -> {
                if (answer.equals("9014")) {
                    answered9014.add(qn);
                }
            });
            assertThat(readingByQn.keySet()).containsAll(answered9014);
            for (Sent s : all) {
                if (s.kind() == Kind.GOOD) {
                    ConsumerRecord<String, String> r = readingByQn.get(s.qn());
                    assertThat(r).as("frame %s in Kafka", s.qn()).isNotNull();
                    assertThat(r.key()).isEqualTo(mn(s.logger()));
                    assertThat(r.value()).isEqualTo(new String(s.bytes(), StandardCharsets.UTF_8));
                }
            }
            assertThat(readings).hasSize((int) good);

            // exactly the corrupted and wrong-password frames are dead letters, with their reasons
            Map<String, String> deadReasonByQn = new HashMap<>();
            for (JsonNode d : deadLetters) {
                assertThat(deadReasonByQn.put(TestFrames.qnIn(d.path("payload").asText()), d.path("reason").asText()))
                        .as("one dead letter per frame").isNull();
                assertThat(d.toString()).doesNotContain("pw-").doesNotContain("000000;");
            }
            Map<String, String> expectedDead = new HashMap<>();
            for (Sent s : all) {
                if (s.expectedDeadLetterReason() != null) {
                    expectedDead.put(s.qn(), s.expectedDeadLetterReason());
                }
            }
            assertThat(deadReasonByQn).isEqualTo(expectedDead);
            assertThat(expectedDead.values()).contains("bad_crc", "bad_length", "truncated", "bad_password");

            // every logger got the answers the standard gives, and no others
            Map<String, String> expectedAnswers = new HashMap<>();
            for (Sent s : all) {
                if (s.expectedAnswer() != null) {
                    expectedAnswers.put(s.qn(), s.expectedAnswer());
                }
            }
            assertThat(answers).isEqualTo(expectedAnswers);

            GatewayStats stats = g.gateway.stats();
            assertThat(stats.connectionsAccepted()).isEqualTo(LOGGERS);
            assertThat(stats.published()).isEqualTo(good);
            assertThat(stats.rejected()).isEqualTo(expectedDead.size());
            assertThat(stats.publishFailures()).isZero();
        }
    }

    /** Client thread {@code first}: sends round by round across its loggers, then collects answers. */
    private static void drive(int first, List<TestLogger> loggers, List<List<Sent>> scripts, Map<String, String> answers)
            throws Exception {
        for (int k = 0; k < FRAMES_PER_LOGGER; k++) {
            for (int i = first; i < LOGGERS; i += CLIENT_THREADS) {
                Sent s = scripts.get(i).get(k);
                if (s.kind() != Kind.TRUNCATED) {
                    loggers.get(i).send(s.bytes());
                }
            }
        }
        for (int i = first; i < LOGGERS; i += CLIENT_THREADS) {
            TestLogger logger = loggers.get(i);
            long expected = scripts.get(i).stream().filter(s -> s.expectedAnswer() != null).count();
            for (Hj212Packet answer : logger.awaitAnswers((int) expected, WAIT)) {
                String qn = answer.qn().orElseThrow();
                String text = answer.cn().equals("9011") ? "9011/" + answer.cpFields().get("QnRtn") : answer.cn();
                assertThat(answers.put(qn, text)).as("one answer for %s", qn).isNull();
            }
            for (Sent s : scripts.get(i)) {
                if (s.kind() == Kind.TRUNCATED) {
                    logger.send(s.bytes());
                    logger.endSending();
                    assertThat(logger.awaitClosedByGateway(WAIT)).isTrue();
                }
            }
        }
    }

    private static void awaitOpenConnections(GatewayTopics g, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (g.gateway.stats().connectionsOpen() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(g.gateway.stats().connectionsOpen()).isEqualTo(count);
    }
}
