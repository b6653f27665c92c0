package org.cems.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cems.hj212.Hj212Edition;
import org.cems.hj212.Hj212Encoder;
import org.cems.hj212.Hj212Packet;
import org.cems.hj212.Sm4DataArea;
import org.cems.hj212.Sm4KeyRing;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's acceptance: 500 simulated loggers on loopback, all connected at once, send frames
 * concurrently (some asking for an answer, a known set corrupted, some with a wrong password).
 * Every frame answered 9014 is in Kafka, every good frame is there once, and exactly the corrupted
 * and wrong-password frames are dead letters, with their reasons. Issue 20: a quarter of the
 * loggers speak HJ 212-2017, a quarter 2025 in clear text, half 2025 with SM4 and their own key;
 * one of those has the wrong key, so its frames are {@code bad_decrypt} answered 9011 QnRtn=2.
 * Every answer is in the edition of its frame; SM4 frames reach Kafka decrypted.
 */
class GatewayAcceptanceITCase {
    private static final int LOGGERS = 500;
    private static final int FRAMES_PER_LOGGER = 4;
    /** Client threads: each drives 1/8 of the loggers, so 500 connections need no 500 threads. */
    private static final int CLIENT_THREADS = 8;

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** The logger that encrypts with a key the gateway does not have for its MN. */
    private static final int WRONG_KEY_LOGGER = 402;

    enum Kind {
        GOOD,
        BAD_CRC,
        BAD_LENGTH,
        TRUNCATED,
        WRONG_PASSWORD,
        WRONG_KEY
    }

    /** How a logger speaks. */
    enum Speaks {
        HJ2017,
        HJ2025,
        HJ2025_SM4
    }

    /**
     * One frame of the script: what is sent and what must come of it.
     *
     * @param published what Kafka must hold for a good frame: the bytes sent, or the decrypted frame
     */
    record Sent(int logger, String qn, Kind kind, boolean needsAck, byte[] bytes, byte[] published) {
        String expectedDeadLetterReason() {
            return switch (kind) {
                case BAD_CRC -> "bad_crc";
                case BAD_LENGTH -> "bad_length";
                case TRUNCATED -> "truncated";
                case WRONG_PASSWORD -> "bad_password";
                case WRONG_KEY -> "bad_decrypt";
                case GOOD -> null;
            };
        }

        /** What the gateway answers: cn and QnRtn, and the edition's Flag; or null for no answer. */
        String expectedAnswer() {
            String answer = switch (kind) {
                case GOOD -> needsAck ? "9014" : null;
                case BAD_CRC -> "9011/9";
                case BAD_LENGTH -> "9011/2";
                case WRONG_PASSWORD -> "9011/3";
                case WRONG_KEY -> "9011/2";
                case TRUNCATED -> null; // the stream ended inside it: nobody to answer
            };
            return answer == null ? null : answer + " Flag=" + (speaks(logger) == Speaks.HJ2017 ? 4 : 8);
        }
    }

    static Speaks speaks(int logger) {
        return switch (logger % 4) {
            case 0 -> Speaks.HJ2017;
            case 1 -> Speaks.HJ2025;
            default -> Speaks.HJ2025_SM4;
        };
    }

    /** Logger i's SM4 key: 16 bytes made from its number (the wrong-key logger encrypts with another). */
    static byte[] key(int logger) {
        byte[] key = new byte[16];
        for (int b = 0; b < key.length; b++) {
            key[b] = (byte) (logger * 31 + b * 7);
        }
        return key;
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
            Hj212Packet packet =
                    TestFrames.realtime(mn(logger), qn, pw, needsAck, TestFrames.BASE_TIME.plusSeconds(30L * k));
            byte[] plain = TestFrames.frame(packet);
            byte[] good = plain;
            if (speaks(logger) != Speaks.HJ2017) {
                packet = packet.toBuilder()
                        .flag(Hj212Edition.HJ212_2025, needsAck)
                        .build();
                plain = TestFrames.frame(packet);
                good = speaks(logger) == Speaks.HJ2025
                        ? plain
                        : Hj212Encoder.encode(
                                packet, Sm4DataArea.hex(), key(logger == WRONG_KEY_LOGGER ? logger + 1 : logger));
            }
            Kind kind = wrongPassword ? Kind.WRONG_PASSWORD : logger == WRONG_KEY_LOGGER ? Kind.WRONG_KEY : Kind.GOOD;
            byte[] bytes = good;
            if (corrupts && corruption != Kind.TRUNCATED && k == 1) {
                kind = corruption;
                bytes = corruption == Kind.BAD_CRC ? TestFrames.withBadCrc(good) : TestFrames.withLengthOffBy(good, 7);
            } else if (corrupts && corruption == Kind.TRUNCATED && k == FRAMES_PER_LOGGER - 1) {
                kind = Kind.TRUNCATED; // last: the logger's stream ends inside it
                bytes = TestFrames.truncated(good, good.length / 2);
            }
            frames.add(new Sent(logger, qn, kind, needsAck, bytes, plain));
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
        Map<String, byte[]> keys = new HashMap<>();
        for (int i = 0; i < LOGGERS; i++) {
            if (speaks(i) == Speaks.HJ2025_SM4) {
                keys.put(mn(i), key(i));
            }
        }
        Map<String, String> answers = new ConcurrentHashMap<>(); // QN -> "9014 Flag=8" or "9011/QnRtn Flag=4"
        long startNanos = System.nanoTime();
        try (GatewayTopics g = new GatewayTopics(b -> b.passwords(passwords).sm4Keys(Sm4KeyRing.of(keys), null))) {
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
            System.out.printf(
                    "acceptance: %d loggers, %d frames (%d good, %d answered 9014) in %d ms%n",
                    LOGGERS,
                    all.size(),
                    good,
                    answers.values().stream().filter(a -> a.startsWith("9014")).count(),
                    (System.nanoTime() - startNanos) / 1_000_000);

            // every frame answered 9014 is in Kafka; every good frame is there exactly once, keyed by its MN
            Map<String, ConsumerRecord<String, String>> readingByQn = new HashMap<>();
            for (ConsumerRecord<String, String> r : readings) {
                assertThat(readingByQn.put(TestFrames.qnIn(r.value()), r))
                        .as("published once")
                        .isNull();
            }
            Set<String> answered9014 = new HashSet<>();
            answers.forEach((qn, answer) -> {
                if (answer.startsWith("9014")) {
                    answered9014.add(qn);
                }
            });
            assertThat(readingByQn.keySet()).containsAll(answered9014);
            for (Sent s : all) {
                if (s.kind() == Kind.GOOD) {
                    ConsumerRecord<String, String> r = readingByQn.get(s.qn());
                    assertThat(r).as("frame %s in Kafka", s.qn()).isNotNull();
                    assertThat(r.key()).isEqualTo(mn(s.logger()));
                    assertThat(r.value()).isEqualTo(new String(s.published(), StandardCharsets.UTF_8));
                }
            }
            assertThat(readings).hasSize((int) good);

            // exactly the corrupted and wrong-password frames are dead letters, with their reasons
            Map<String, String> deadReasonByQn = new HashMap<>();
            for (JsonNode d : deadLetters) {
                assertThat(deadReasonByQn.put(
                                TestFrames.qnIn(d.path("payload").asText()),
                                d.path("reason").asText()))
                        .as("one dead letter per frame")
                        .isNull();
                assertThat(d.toString()).doesNotContain("pw-").doesNotContain("000000;");
            }
            Map<String, String> expectedDead = new HashMap<>();
            for (Sent s : all) {
                if (s.expectedDeadLetterReason() != null) {
                    expectedDead.put(s.qn(), s.expectedDeadLetterReason());
                }
            }
            assertThat(deadReasonByQn).isEqualTo(expectedDead);
            assertThat(expectedDead.values())
                    .contains("bad_crc", "bad_length", "truncated", "bad_password", "bad_decrypt");

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
            // SM4 frames that reach the decoder and decrypt: the good ones and those with a wrong password
            assertThat(stats.decrypted())
                    .isEqualTo(all.stream()
                            .filter(s -> speaks(s.logger()) == Speaks.HJ2025_SM4
                                    && (s.kind() == Kind.GOOD || s.kind() == Kind.WRONG_PASSWORD))
                            .count());
        }
    }

    /** Client thread {@code first}: sends round by round across its loggers, then collects answers. */
    private static void drive(
            int first, List<TestLogger> loggers, List<List<Sent>> scripts, Map<String, String> answers)
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
            long expected = scripts.get(i).stream()
                    .filter(s -> s.expectedAnswer() != null)
                    .count();
            for (Hj212Packet answer : logger.awaitAnswers((int) expected, WAIT)) {
                String qn = answer.qn().orElseThrow();
                String text = (answer.cn().equals("9011")
                                ? "9011/" + answer.cpFields().get("QnRtn")
                                : answer.cn()) + " Flag=" + answer.flag().orElse(-1);
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
