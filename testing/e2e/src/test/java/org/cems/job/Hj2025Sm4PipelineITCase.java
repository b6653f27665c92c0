package org.cems.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cems.core.keys.Sm4KeyFile;
import org.cems.gateway.Hj212Gateway;
import org.cems.hj212.DecodeResult;
import org.cems.hj212.Hj212Decoder;
import org.cems.hj212.Hj212Edition;
import org.cems.hj212.Hj212Encoder;
import org.cems.hj212.Hj212Packet;
import org.cems.hj212.Sm4DataArea;
import org.cems.job.config.JobConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 end to end: HJ 212-2025 frames with SM4 data areas. Published straight to Kafka, they
 * decode with the key of {@code sm4.keys_file} into reading and emission points, and without a key
 * they are {@code no_key} dead letters; sent over TCP, the gateway decrypts them with its own key
 * file and the job reads them without one. A 2025 heartbeat becomes a {@code station_event}.
 */
class Hj2025Sm4PipelineITCase {
    private static final String MN1 = "TESTMN000000000000000001";
    private static final String MN2 = "TESTMN000000000000000002";
    private static final String MN3 = "TESTMN000000000000000003";
    private static final String KEY1 = "0123456789ABCDEFFEDCBA9876543210";
    private static final String KEY3 = "00112233445566778899AABBCCDDEEFF";
    private static final LocalDateTime TEN = LocalDateTime.of(2026, 1, 15, 10, 0); // Asia/Shanghai
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineServers.flink();

    @RegisterExtension
    static final PipelineServers SERVERS = new PipelineServers();

    @TempDir
    Path dir;

    private static int frames;

    private static Hj212Packet upload(String mn, LocalDateTime dataTime, double so2, double o2, double flowM3H) {
        return PipelineServers.realTimeUpload(Hj212Edition.HJ212_2025, qn(), mn, dataTime, so2, o2, flowM3H);
    }

    private static String sm4(Hj212Packet p, String keyHex) {
        return new String(
                Hj212Encoder.encode(p, Sm4DataArea.hex(), HexFormat.of().parseHex(keyHex)), StandardCharsets.UTF_8);
    }

    private static String qn() {
        return String.format("20260115100000%03d", ++frames);
    }

    @Test
    void encryptedFramesDecodeWithTheConfiguredKeysAndWithoutOneAreNoKey() throws Exception {
        Path jobKeys = dir.resolve("job-sm4.keys");
        Files.writeString(jobKeys, MN1 + "=" + KEY1 + "\n");
        Path gatewayKeys = dir.resolve("gateway-sm4.keys");
        Files.writeString(gatewayKeys, MN3 + "=" + KEY3 + "\n");
        JobConfig config = SERVERS.config("/registry-test.yaml");
        config.sm4.keysFile = jobKeys.toString();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        EmissionsJob.build(env, config);
        JobClient job = env.executeAsync("hj2025-sm4");
        try (Hj212Gateway gateway = Hj212Gateway.builder()
                .listen("127.0.0.1", 0)
                .kafkaBootstrap(SERVERS.kafka.bootstrapServers())
                .sm4Keys(Sm4KeyFile.load(gatewayKeys), gatewayKeys)
                .start()) {
            String heartbeat = new String(
                    Hj212Encoder.encode(Hj212Packet.builder()
                            .qn("20260115100005500")
                            .st("31")
                            .cn("9015")
                            .pw("123456")
                            .mn(MN1)
                            .flag(Hj212Edition.HJ212_2025, false)
                            .build()),
                    StandardCharsets.UTF_8);
            String noKey = sm4(upload(MN2, TEN.plusSeconds(10), 12, 9, 1_000_000), KEY1);
            SERVERS.publishToKafka(List.of(
                    Map.entry(MN1, sm4(upload(MN1, TEN, 20, 8, 2_000_000), KEY1)),
                    Map.entry(MN1, sm4(upload(MN1, TEN.plusSeconds(20), 30, 8, 2_000_000), KEY1)),
                    Map.entry(MN1, sm4(upload(MN1, TEN.plusSeconds(40), 40, 8, 2_000_000), KEY1)),
                    Map.entry(MN1, heartbeat),
                    Map.entry(MN2, noKey),
                    Map.entry(MN1, sm4(upload(MN1, TEN.plusSeconds(90), 10, 8, 2_000_000), KEY1))));
            Hj212Packet answer = sendOverTcp(gateway, sm4(upload(MN3, TEN.plusSeconds(30), 15, 7, 500_000), KEY3));
            assertThat(answer.cn()).isEqualTo("9014");
            assertThat(answer.flag()).hasValue(8);

            String at10 = "time = '"
                    + OffsetDateTime.parse("2026-01-15T10:00:00+08:00").toInstant() + "'";
            SERVERS.await(() -> SERVERS.rows("SELECT a21026 FROM reading WHERE mn = '" + MN1 + "'")
                                    .size()
                            == 4
                    ? true
                    : null);
            assertThat(SERVERS.rows("SELECT a21026 FROM reading WHERE mn = '" + MN1 + "'"))
                    .extracting(r -> r.get("a21026").asDouble())
                    .containsExactly(20.0, 30.0, 40.0, 10.0);
            // mean(20, 30, 40) = 30 mg/m3 (eq. 24); 30 × 2e6 m3/h × 1e-6 = 60 kg/h (eq. 33)
            Map<String, JsonNode> minute = SERVERS.awaitEmission("u1-stack", "a21026", at10);
            assertThat(minute.get("conc_mg_m3").asDouble()).isCloseTo(30.0, within(1e-9));
            assertThat(minute.get("rate_kg_h").asDouble()).isCloseTo(60.0, within(1e-9));

            // decrypted by the gateway: the job has no key for MN3 and still reads it
            Map<String, JsonNode> viaGateway = SERVERS.awaitRow("SELECT a21026 FROM reading WHERE mn = '" + MN3 + "'");
            assertThat(viaGateway.get("a21026").asDouble()).isEqualTo(15.0);

            // the heartbeat, at its QN 10:00:05.500 local = 02:00:05.500 UTC
            Map<String, JsonNode> beat = SERVERS.awaitRow("SELECT * FROM station_event WHERE event = 'heartbeat'");
            assertThat(beat.get("time").asLong())
                    .isEqualTo(
                            java.time.Instant.parse("2026-01-15T02:00:05.500Z").toEpochMilli());
            assertThat(beat.get("mn").asText()).isEqualTo(MN1);
            assertThat(beat.get("count").asLong()).isEqualTo(1);

            assertThat(SERVERS.rows("SELECT * FROM reading WHERE mn = '" + MN2 + "'"))
                    .isEmpty();
            List<JsonNode> deadLetters = new ArrayList<>();
            SERVERS.await(() -> {
                deadLetters.clear();
                SERVERS.kafka.readAll("cems.deadletter").forEach(r -> deadLetters.add(json(r.value())));
                return deadLetters.stream()
                                .anyMatch(d -> d.path("reason").asText().equals("no_key"))
                        ? true
                        : null;
            });
            assertThat(deadLetters)
                    .filteredOn(d -> d.path("reason").asText().equals("no_key"))
                    .singleElement()
                    .satisfies(d -> {
                        assertThat(d.path("payload").asText())
                                .isEqualTo(noKey.replace(
                                        "PW=123456", "PW=***")); // every dead letter hides PW (docs/security.md)
                        assertThat(d.toString()).doesNotContain(KEY1).doesNotContain(KEY3);
                    });
        } finally {
            job.cancel().get();
        }
    }

    private static Hj212Packet sendOverTcp(Hj212Gateway gateway, String frame) throws Exception {
        try (Socket socket = new Socket(
                gateway.localAddress().getAddress(), gateway.localAddress().getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(frame.getBytes(StandardCharsets.UTF_8));
            Hj212Decoder.Session session = Hj212Decoder.builder().build().newSession();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            while (true) {
                int n = in.read(buffer);
                assertThat(n).as("the gateway closed the connection").isPositive();
                for (DecodeResult r : session.feed(buffer, 0, n)) {
                    return ((DecodeResult.Decoded) r).packet();
                }
            }
        }
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
    }
}
