package org.cems.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cems.hj212.CrcPolicy;
import org.cems.hj212.Hj212Crc;
import org.cems.hj212.Hj212Packet;
import org.junit.jupiter.api.Test;

/** What one data logger sees over a real socket, and what lands in Kafka. */
class GatewayFramingITCase {
    private static final String MN = "TESTMN000000000000000001";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static byte[] frame(int n, boolean needsAck) {
        return TestFrames.frame(TestFrames.realtime(
                MN, TestFrames.qn(n), "123456", needsAck, TestFrames.BASE_TIME.plusSeconds(30L * n)));
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    private static String text(byte[] frame) {
        return new String(frame, StandardCharsets.UTF_8);
    }

    @Test
    void gluedFramesInOneWriteAreEachPublishedAndAnswered() throws Exception {
        byte[] a = frame(1, true);
        byte[] b = frame(2, true);
        byte[] withoutCrlf = java.util.Arrays.copyOf(frame(3, true), frame(3, true).length - 2);
        try (GatewayTopics g = new GatewayTopics(b0 -> b0);
                TestLogger logger = g.connect()) {
            logger.send(TestFrames.concat(a, b, withoutCrlf));
            List<Hj212Packet> answers = logger.awaitAnswers(3, WAIT);
            assertThat(answers).extracting(Hj212Packet::cn).containsOnly("9014");
            assertThat(answers)
                    .extracting(p -> p.qn().orElseThrow())
                    .containsExactly(TestFrames.qn(1), TestFrames.qn(2), TestFrames.qn(3));
            List<ConsumerRecord<String, String>> records = g.readings(3);
            assertThat(records).extracting(ConsumerRecord::key).containsOnly(MN);
            // the frame without CRLF is passed on with it: the data segment is what was sent
            assertThat(values(records)).containsExactlyInAnyOrder(text(a), text(b), text(frame(3, true)));
        }
    }

    @Test
    void aFrameSplitAcrossManyTcpReadsIsJoined() throws Exception {
        byte[] f = frame(1, true);
        try (GatewayTopics g = new GatewayTopics(b0 -> b0);
                TestLogger logger = g.connect()) {
            for (int at = 0; at < f.length; at += 7) {
                logger.send(java.util.Arrays.copyOfRange(f, at, Math.min(f.length, at + 7)));
                Thread.sleep(2); // each piece its own segment, so the gateway reads them apart
            }
            assertThat(logger.awaitAnswers(1, WAIT))
                    .singleElement()
                    .satisfies(p -> assertThat(p.qn()).contains(TestFrames.qn(1)));
            assertThat(values(g.readings(1))).containsExactly(text(f));
            assertThat(g.gateway.stats().rejected()).isZero();
        }
    }

    @Test
    void garbageBetweenFramesIsADeadLetterAndTheFramesAroundItGetThrough() throws Exception {
        byte[] a = frame(1, true);
        byte[] b = frame(2, true);
        try (GatewayTopics g = new GatewayTopics(b0 -> b0);
                TestLogger logger = g.connect()) {
            logger.send(TestFrames.concat(a, "AT+CSQ\r\nnoise#".getBytes(StandardCharsets.US_ASCII), b));
            assertThat(logger.awaitAnswers(2, WAIT)).extracting(Hj212Packet::cn).containsExactly("9014", "9014");
            assertThat(values(g.readings(2))).containsExactlyInAnyOrder(text(a), text(b));
            JsonNode dead = g.deadLetters(1).get(0);
            assertThat(dead.path("reason").asText()).isEqualTo("bad_header");
            assertThat(dead.path("payload").asText()).contains("AT+CSQ");
            assertThat(dead.path("origin").asText()).matches("tcp:127\\.0\\.0\\.1:\\d+");
        }
    }

    @Test
    void aBadCrcIsAnsweredWithQnRtn9AndGoesToTheDeadLettersWithoutItsPassword() throws Exception {
        byte[] bad = TestFrames.withBadCrc(frame(1, true));
        try (GatewayTopics g = new GatewayTopics(b0 -> b0);
                TestLogger logger = g.connect()) {
            logger.send(bad);
            Hj212Packet answer = logger.awaitAnswers(1, WAIT).get(0);
            assertThat(answer.cn()).isEqualTo("9011");
            assertThat(answer.qn()).contains(TestFrames.qn(1));
            assertThat(answer.cpFields()).containsEntry("QnRtn", "9");
            JsonNode dead = g.deadLetters(1).get(0);
            assertThat(dead.path("reason").asText()).isEqualTo("bad_crc");
            assertThat(dead.path("mn").asText()).isEqualTo(MN);
            assertThat(dead.path("payload").asText()).contains("PW=***;").doesNotContain("123456");
            assertThat(dead.path("received_time").asText()).isNotEmpty();
            assertThat(g.kafka.endOffset(g.readings)).isZero();
        }
    }

    @Test
    void aWrongPasswordIsAnsweredWithQnRtn3AndNotPublished() throws Exception {
        Map<String, String> passwords = Map.of(MN, "s3cret");
        byte[] wrong = frame(1, true); // carries PW=123456
        byte[] right =
                TestFrames.frame(TestFrames.realtime(MN, TestFrames.qn(2), "s3cret", true, TestFrames.BASE_TIME));
        try (GatewayTopics g = new GatewayTopics(b0 -> b0.passwords(passwords));
                TestLogger logger = g.connect()) {
            logger.send(wrong);
            logger.send(right);
            List<Hj212Packet> answers = logger.awaitAnswers(2, WAIT);
            assertThat(answers)
                    .filteredOn(p -> p.cn().equals("9011"))
                    .singleElement()
                    .satisfies(p -> {
                        assertThat(p.qn()).contains(TestFrames.qn(1));
                        assertThat(p.cpFields()).containsEntry("QnRtn", "3");
                    });
            assertThat(answers)
                    .filteredOn(p -> p.cn().equals("9014"))
                    .singleElement()
                    .satisfies(p -> assertThat(p.qn()).contains(TestFrames.qn(2)));
            assertThat(values(g.readings(1))).containsExactly(text(right));
            JsonNode dead = g.deadLetters(1).get(0);
            assertThat(dead.path("reason").asText()).isEqualTo("bad_password");
            assertThat(dead.toString()).doesNotContain("123456").doesNotContain("s3cret");
        }
    }

    @Test
    void notifiesRepliesAndHeartbeatsAreAnsweredAsTheStandardSaysAndNotPublished() throws Exception {
        try (GatewayTopics g = new GatewayTopics(b0 -> b0);
                TestLogger logger = g.connect()) {
            logger.send(TestFrames.concat(
                    TestFrames.frame(
                            TestFrames.control(MN, TestFrames.qn(1), "1013", true)), // time-calibration request
                    TestFrames.frame(TestFrames.control(MN, TestFrames.qn(3), "9014", false)), // a reply
                    TestFrames.frame(TestFrames.control(MN, TestFrames.qn(4), "9015", true)), // 2025 heartbeat
                    frame(5, true)));
            List<Hj212Packet> answers = logger.awaitAnswers(2, WAIT);
            assertThat(answers)
                    .extracting(p -> p.cn() + " " + p.qn().orElseThrow())
                    .containsExactlyInAnyOrder("9013 " + TestFrames.qn(1), "9014 " + TestFrames.qn(5));
            assertThat(g.readings(1)).hasSize(1);
            assertThat(logger.awaitAnswers(3, Duration.ofMillis(300))).hasSize(2);
            GatewayStats stats = g.gateway.stats();
            assertThat(stats.notReadings()).isEqualTo(3);
            assertThat(stats.published()).isEqualTo(1);
            assertThat(stats.rejected()).isZero();
        }
    }

    /**
     * Item 8 of issue 14: facility status (2021), facility run time (2041), logger restart (2081) and
     * site information (3020, HJ 212-2017 Table 9) are kept: each frame goes to the readings topic
     * keyed by MN, byte for byte, and is answered 9014 once Kafka has it.
     */
    @Test
    void stationUploadsArePublishedKeyedByMnAndAnsweredOnceKafkaHasThem() throws Exception {
        String[][] uploads = {
            {"2021", "DataTime=20261126100000;SB1-RS=1;SB2-RS=0"},
            {"2041", "DataTime=20261126000000;SB1-RT=23.5"},
            {"2081", "DataTime=20261126100000;RestartTime=20261126095800"},
            {"3020", "DataTime=20261126100000;PolId=a21026;i12001-Info=0;i11001-Info=//清洗管路//"},
        };
        List<byte[]> frames = new java.util.ArrayList<>();
        for (int i = 0; i < uploads.length; i++) {
            String segment = "QN=" + TestFrames.qn(i + 1) + ";ST=31;CN=" + uploads[i][0] + ";PW=123456;MN=" + MN
                    + ";Flag=5;CP=&&" + uploads[i][1] + "&&";
            frames.add(org.cems.hj212.Hj212Encoder.frame(segment.getBytes(StandardCharsets.UTF_8)));
        }
        try (GatewayTopics g = new GatewayTopics(b0 -> b0);
                TestLogger logger = g.connect()) {
            logger.send(TestFrames.concat(frames.toArray(byte[][]::new)));
            assertThat(logger.awaitAnswers(4, WAIT))
                    .extracting(p -> p.cn() + " " + p.qn().orElseThrow())
                    .containsExactlyInAnyOrder(
                            "9014 " + TestFrames.qn(1),
                            "9014 " + TestFrames.qn(2),
                            "9014 " + TestFrames.qn(3),
                            "9014 " + TestFrames.qn(4));
            List<ConsumerRecord<String, String>> records = g.readings(4);
            assertThat(records).extracting(ConsumerRecord::key).containsOnly(MN);
            assertThat(values(records))
                    .containsExactlyInAnyOrderElementsOf(
                            frames.stream().map(GatewayFramingITCase::text).toList());
            assertThat(g.gateway.stats().published()).isEqualTo(4);
            assertThat(g.gateway.stats().notReadings()).isZero();
        }
    }

    @Test
    void anIdleConnectionIsClosedAndItsPartialFrameIsADeadLetter() throws Exception {
        byte[] f = frame(1, true);
        try (GatewayTopics g = new GatewayTopics(b0 -> b0.idleTimeout(Duration.ofMillis(400)));
                TestLogger logger = g.connect()) {
            logger.send(TestFrames.truncated(f, 100));
            assertThat(logger.awaitClosedByGateway(Duration.ofSeconds(10))).isTrue();
            assertThat(g.deadLetters(1))
                    .singleElement()
                    .satisfies(d -> assertThat(d.path("reason").asText()).isEqualTo("truncated"));
            assertThat(g.gateway.stats().connectionsIdled()).isEqualTo(1);
            assertThat(g.gateway.stats().connectionsOpen()).isZero();
        }
    }

    @Test
    void connectionsBeyondTheLimitAreRefused() throws Exception {
        try (GatewayTopics g = new GatewayTopics(b0 -> b0.maxConnections(2));
                TestLogger first = g.connect();
                TestLogger second = g.connect();
                TestLogger third = g.connect()) {
            assertThat(third.awaitClosedByGateway(Duration.ofSeconds(10))).isTrue();
            first.send(frame(1, true));
            second.send(frame(2, true));
            assertThat(first.awaitAnswers(1, WAIT)).hasSize(1);
            assertThat(second.awaitAnswers(1, WAIT)).hasSize(1);
            assertThat(g.gateway.stats().connectionsRefused()).isEqualTo(1);
            assertThat(g.gateway.stats().connectionsOpen()).isEqualTo(2);
        }
    }

    @Test
    void aFrameAboveTheSizeLimitIsRejectedUnansweredAndTheNextOneStillGetsThrough() throws Exception {
        byte[] big = frame(1, true); // about 480 bytes of data segment
        byte[] small = TestFrames.frame(TestFrames.control(MN, TestFrames.qn(2), "2081", true));
        try (GatewayTopics g = new GatewayTopics(b0 -> b0.maxSegmentBytes(300));
                TestLogger logger = g.connect()) {
            logger.send(TestFrames.concat(big, small));
            // the gateway keeps only the frame's first bytes, too few to answer it with its own MN
            assertThat(logger.awaitAnswers(2, Duration.ofSeconds(2)))
                    .extracting(p -> p.cn() + " " + p.qn().orElseThrow())
                    .containsExactly("9014 " + TestFrames.qn(2));
            assertThat(g.deadLetters(1))
                    .singleElement()
                    .satisfies(d -> assertThat(d.path("reason").asText()).isEqualTo("frame_too_long"));
        }
    }

    @Test
    void aModbusCrcIsTakenUnderTheLenientPolicyAndPassedOnWithTheStandardCrc() throws Exception {
        byte[] standard = frame(1, true);
        int segmentLength = standard.length - 12;
        byte[] modbus = standard.clone();
        String crc = String.format("%04X", Hj212Crc.modbusHighFirst(standard, 6, segmentLength));
        System.arraycopy(crc.getBytes(StandardCharsets.US_ASCII), 0, modbus, standard.length - 6, 4);
        try (GatewayTopics g = new GatewayTopics(b0 -> b0.crcPolicy(CrcPolicy.ACCEPT_MODBUS_VARIANTS));
                TestLogger logger = g.connect()) {
            logger.send(modbus);
            assertThat(logger.awaitAnswers(1, WAIT)).extracting(Hj212Packet::cn).containsExactly("9014");
            assertThat(values(g.readings(1))).containsExactly(text(standard));
            assertThat(g.gateway.stats().modbusCrcAccepted()).isEqualTo(1);
        }
    }

    @Test
    void stoppingAnswersEverythingKafkaTookThenClosesTheConnections() throws Exception {
        int frames = 50;
        GatewayTopics g = new GatewayTopics(b0 -> b0);
        try (TestLogger logger = g.connect()) {
            for (int i = 0; i < frames; i++) {
                logger.send(frame(i, true));
            }
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (g.gateway.stats().framesIn() < frames && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            g.close();
            assertThat(logger.awaitAnswers(frames, WAIT)).hasSize(frames);
            assertThat(logger.awaitClosedByGateway(WAIT)).isTrue();
            assertThat(g.readings(frames)).hasSize(frames);
        }
    }
}
