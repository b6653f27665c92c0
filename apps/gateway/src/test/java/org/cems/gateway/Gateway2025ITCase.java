package org.cems.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cems.core.keys.Sm4KeyFile;
import org.cems.hj212.Hj212Edition;
import org.cems.hj212.Hj212Encoder;
import org.cems.hj212.Hj212Item;
import org.cems.hj212.Hj212Packet;
import org.cems.hj212.Sm4DataArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HJ 212-2025 loggers at the gateway over real TCP and Kafka: SM4 frames published decrypted,
 * heartbeats, registrations of unknown MNs, key changes by CN 1014 both ways, no key and wrong key.
 */
class Gateway2025ITCase {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String MN_A = "MN2025AAAAAAAAAAAAAAAAA1";
    private static final String MN_B = "MN2025BBBBBBBBBBBBBBBBB2";
    private static final String MN_C = "MN2025CCCCCCCCCCCCCCCCC3";
    private static final String MN_NEW = "MN2025NEWNEWNEWNEWNEWNE9";
    /** The GB/T 32907-2016 example key, and a second one. */
    private static final String KEY_A = "0123456789ABCDEFFEDCBA9876543210";

    private static final String KEY_A2 = "00112233445566778899AABBCCDDEEFF";

    @TempDir
    Path dir;

    private static byte[] key(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static Hj212Packet realtime2025(String mn, String qn) {
        return Hj212Packet.builder()
                .qn(qn)
                .st("31")
                .cn("2011")
                .pw("123456")
                .mn(mn)
                .flag(Hj212Edition.HJ212_2025, true)
                .dataTime(LocalDateTime.of(2026, 1, 15, 10, 30))
                .item("a21026", Hj212Item.RTD, "21.4")
                .item("a21026", Hj212Item.FLAG, "N")
                .build();
    }

    private static Hj212Packet.Builder header2025(String mn, String qn, String st, String cn) {
        return Hj212Packet.builder().qn(qn).st(st).cn(cn).pw("123456").mn(mn).flag(Hj212Edition.HJ212_2025, true);
    }

    /** Sends the frame and returns the answers that came for it. */
    private static List<Hj212Packet> exchange(TestLogger logger, byte[] frame, int answers) throws Exception {
        int before = logger.awaitAnswerCount(0, Duration.ZERO);
        logger.send(frame);
        List<Hj212Packet> all = logger.awaitAnswers(before + answers, WAIT);
        assertThat(all).hasSizeGreaterThanOrEqualTo(before + answers);
        return all.subList(before, all.size());
    }

    private static void assertAnswer(Hj212Packet answer, String qn, String cnAndRtn) {
        assertThat(answer.qn()).hasValue(qn);
        assertThat(answer.edition()).as("answered in the edition of the frame").isEqualTo(Hj212Edition.HJ212_2025);
        assertThat(answer.flag()).hasValue(8);
        String text = answer.cn().equals("9011") ? "9011/" + answer.cpFields().get("QnRtn") : answer.cn();
        assertThat(text).isEqualTo(cnAndRtn);
    }

    @Test
    void sm4HeartbeatsRegistrationsAndKeyChanges() throws Exception {
        Path keys = dir.resolve("sm4.keys");
        Files.writeString(keys, "# test keys\n" + MN_A + "=" + KEY_A + "\n");
        Path registrations = dir.resolve("registrations.jsonl");
        try (GatewayTopics g = new GatewayTopics(b -> b.sm4Keys(Sm4KeyFile.load(keys), keys)
                .registeredMns(Set.of(MN_A, MN_B, MN_C))
                .registrationsFile(registrations))) {
            // 1. an encrypted upload: answered 9014 (Flag=8), published decrypted
            Hj212Packet first = realtime2025(MN_A, "20260115103000001");
            byte[] encrypted = Hj212Encoder.encode(first, Sm4DataArea.hex(), key(KEY_A));
            assertThat(new String(encrypted, StandardCharsets.UTF_8)).doesNotContain("a21026");
            try (TestLogger a = g.connect()) {
                assertAnswer(exchange(a, encrypted, 1).get(0), "20260115103000001", "9014");

                // 2. a heartbeat: 9013 once Kafka has it
                byte[] beat = Hj212Encoder.encode(
                        header2025(MN_A, "20260115103000002", "31", "9015").build());
                assertAnswer(exchange(a, beat, 1).get(0), "20260115103000002", "9013");

                // 3. the logger sends its new key, encrypted with the old one: frames after it use the new key
                Hj212Packet newKey = header2025(MN_A, "20260115103000003", "31", "1014")
                        .cpField("SKCreateTime", "20260115103000003")
                        .cpField("NewSK", KEY_A2)
                        .build();
                assertAnswer(
                        exchange(a, Hj212Encoder.encode(newKey, Sm4DataArea.hex(), key(KEY_A)), 1)
                                .get(0),
                        "20260115103000003",
                        "9013");
                assertAnswer(
                        exchange(
                                        a,
                                        Hj212Encoder.encode(
                                                realtime2025(MN_A, "20260115103000004"),
                                                Sm4DataArea.hex(),
                                                key(KEY_A2)),
                                        1)
                                .get(0),
                        "20260115103000004",
                        "9014");
                // ... and one still made with the old key no longer decrypts
                assertAnswer(
                        exchange(
                                        a,
                                        Hj212Encoder.encode(
                                                realtime2025(MN_A, "20260115103000005"), Sm4DataArea.hex(), key(KEY_A)),
                                        1)
                                .get(0),
                        "20260115103000005",
                        "9011/2");
            }
            assertThat(Files.readAllLines(keys)).containsExactly("# test keys", MN_A + "=" + KEY_A2);

            // 4. the logger asks for a key: 9013, then the host's 1014 with NewSK under the current key;
            //    its 9012 puts the new key in use
            byte[] issued;
            try (TestLogger a = g.connect(MN_A, key(KEY_A2))) {
                Hj212Packet ask = header2025(MN_A, "20260115103000006", "31", "1014")
                        .cpField("SKCreateTime", "20260115103000006")
                        .build();
                List<Hj212Packet> got = exchange(a, Hj212Encoder.encode(ask, Sm4DataArea.hex(), key(KEY_A2)), 2);
                assertAnswer(got.get(0), "20260115103000006", "9013");
                Hj212Packet set = got.get(1);
                assertThat(set.cn()).isEqualTo("1014");
                assertThat(set.edition()).isEqualTo(Hj212Edition.HJ212_2025);
                assertThat(set.needsAck()).isTrue();
                issued = Sm4DataArea.newKey(set).orElseThrow();
                assertThat(HexFormat.of().withUpperCase().formatHex(issued)).isNotEqualTo(KEY_A2);
                String setQn = set.qn().orElseThrow();
                a.send(Hj212Encoder.encode(header2025(MN_A, setQn, "91", "9011")
                        .cpField("QnRtn", "1")
                        .build()));
                a.send(Hj212Encoder.encode(header2025(MN_A, setQn, "91", "9012")
                        .cpField("ExeRtn", "1")
                        .build()));
                assertAnswer(
                        exchange(
                                        a,
                                        Hj212Encoder.encode(
                                                realtime2025(MN_A, "20260115103000007"), Sm4DataArea.hex(), issued),
                                        1)
                                .get(0),
                        "20260115103000007",
                        "9014");
            }
            assertThat(Files.readAllLines(keys))
                    .containsExactly(
                            "# test keys",
                            MN_A + "=" + HexFormat.of().withUpperCase().formatHex(issued));

            // 4b. a logger that switches to the sent key without confirming: its first frame with it
            //     does not decrypt with the old key, does with the new one, and puts it in use
            byte[] unconfirmed;
            try (TestLogger a = g.connect(MN_A, issued)) {
                Hj212Packet ask = header2025(MN_A, "20260115103000013", "31", "1014")
                        .cpField("SKCreateTime", "20260115103000013")
                        .build();
                unconfirmed = Sm4DataArea.newKey(exchange(a, Hj212Encoder.encode(ask, Sm4DataArea.hex(), issued), 2)
                                .get(1))
                        .orElseThrow();
                assertAnswer(
                        exchange(
                                        a,
                                        Hj212Encoder.encode(
                                                realtime2025(MN_A, "20260115103000014"),
                                                Sm4DataArea.hex(),
                                                unconfirmed),
                                        1)
                                .get(0),
                        "20260115103000014",
                        "9014");
            }
            assertThat(Files.readAllLines(keys))
                    .containsExactly(
                            "# test keys",
                            MN_A + "=" + HexFormat.of().withUpperCase().formatHex(unconfirmed));

            try (TestLogger other = g.connect()) {
                // 5. a key in clear text is refused; an encrypted frame from an MN without a key is no_key
                Hj212Packet clear = header2025(MN_B, "20260115103000008", "31", "1014")
                        .cpField("NewSK", KEY_A2)
                        .build();
                assertAnswer(exchange(other, Hj212Encoder.encode(clear), 1).get(0), "20260115103000008", "9011/2");
                // ... and so is an ask in clear text (anyone knowing the MN could send it): no key is sent
                Hj212Packet clearAsk = header2025(MN_A, "20260115103000012", "31", "1014")
                        .cpField("SKCreateTime", "20260115103000012")
                        .build();
                assertThat(exchange(other, Hj212Encoder.encode(clearAsk), 1))
                        .singleElement()
                        .satisfies(answer -> assertAnswer(answer, "20260115103000012", "9011/2"));
                assertAnswer(
                        exchange(
                                        other,
                                        Hj212Encoder.encode(
                                                realtime2025(MN_C, "20260115103000009"),
                                                Sm4DataArea.hex(),
                                                key(KEY_A2)),
                                        1)
                                .get(0),
                        "20260115103000009",
                        "9011/2");

                // 6. registrations: an unknown MN is recorded, a registered one is not; neither is published
                byte[] unknown = Hj212Encoder.encode(header2025(MN_NEW, "20260115103000010", "91", "1001")
                        .item("i23005", "Info", "DL-2025-0042")
                        .item("i23006", "Info", "CPU9F3A")
                        .item("i23007", "Info", "00:1A:2B:3C:4D:5E")
                        .item("i23008", "Info", "00:1A:2B:3C:4D:5F")
                        .build());
                assertAnswer(exchange(other, unknown, 1).get(0), "20260115103000010", "9013");
                assertAnswer(exchange(other, unknown, 1).get(0), "20260115103000010", "9013");
                byte[] known = Hj212Encoder.encode(header2025(MN_B, "20260115103000011", "91", "1001")
                        .item("i23005", "Info", "DL-2025-0001")
                        .build());
                assertAnswer(exchange(other, known, 1).get(0), "20260115103000011", "9013");
            }

            // Kafka: the four uploads decrypted and the heartbeat, byte for byte as the codec writes them
            List<ConsumerRecord<String, String>> readings = g.readings(5);
            assertThat(readings)
                    .extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder(
                            new String(Hj212Encoder.encode(first), StandardCharsets.UTF_8),
                            new String(
                                    Hj212Encoder.encode(header2025(MN_A, "20260115103000002", "31", "9015")
                                            .build()),
                                    StandardCharsets.UTF_8),
                            new String(
                                    Hj212Encoder.encode(realtime2025(MN_A, "20260115103000004")),
                                    StandardCharsets.UTF_8),
                            new String(
                                    Hj212Encoder.encode(realtime2025(MN_A, "20260115103000007")),
                                    StandardCharsets.UTF_8),
                            new String(
                                    Hj212Encoder.encode(realtime2025(MN_A, "20260115103000014")),
                                    StandardCharsets.UTF_8));
            List<JsonNode> dead = g.deadLetters(2);
            assertThat(dead)
                    .extracting(d -> d.path("reason").asText())
                    .containsExactlyInAnyOrder("bad_decrypt", "no_key");
            for (JsonNode d : dead) {
                assertThat(d.toString())
                        .doesNotContain(KEY_A)
                        .doesNotContain(KEY_A2)
                        .doesNotContain("a21026");
            }

            List<String> lines = Files.readAllLines(registrations);
            assertThat(lines).hasSize(2);
            JsonNode last = new ObjectMapper().readTree(lines.get(1));
            assertThat(last.path("mn").asText()).isEqualTo(MN_NEW);
            assertThat(last.path("dataLoggerId").asText()).isEqualTo("DL-2025-0042");
            assertThat(last.path("cpuId").asText()).isEqualTo("CPU9F3A");
            assertThat(last.path("macs").toString()).isEqualTo("[\"00:1A:2B:3C:4D:5E\",\"00:1A:2B:3C:4D:5F\"]");
            assertThat(last.path("remote").asText()).startsWith("tcp:127.0.0.1:");
            assertThat(last.path("count").asLong()).isEqualTo(2);
            assertThat(last.path("firstSeen").asText())
                    .isEqualTo(new ObjectMapper()
                            .readTree(lines.get(0))
                            .path("firstSeen")
                            .asText());

            GatewayStats s = g.gateway.stats();
            assertThat(s.published()).isEqualTo(5);
            assertThat(s.heartbeats()).isEqualTo(1);
            assertThat(s.decrypted()).isEqualTo(7); // uploads 1, 4, 7, 14 and the three encrypted 1014s
            assertThat(s.keyChanges()).isEqualTo(3);
            assertThat(s.keyChangesRefused()).isEqualTo(2);
            assertThat(s.registrations()).isEqualTo(2);
            assertThat(s.pendingRegistrationMns()).isEqualTo(1);
            assertThat(s.rejected()).isEqualTo(2);
            assertThat(s.statusLine(null, 0))
                    .contains("heartbeats 1")
                    .contains("registrations 2 from 1 unregistered MNs")
                    .contains("SM4 key changes 3 (2 refused)");
        }
    }
}
