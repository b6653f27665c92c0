package org.cems.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.cems.job.PipelineServers.TEN;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cems.gateway.Hj212Gateway;
import org.cems.hj212.Hj212Edition;
import org.cems.hj212.Hj212Encoder;
import org.cems.hj212.Hj212Packet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 3 end to end: two data loggers send HJ 212 over TCP to the gateway, which answers 9014
 * once Kafka has each frame; the job turns those frames into {@code reading} and {@code emission}
 * points in InfluxDB, and a corrupted frame ends in cems.deadletter, never in InfluxDB.
 */
class GatewayToInfluxITCase {
    private static final String MN1 = "TESTMN000000000000000001";
    private static final String MN2 = "TESTMN000000000000000002";

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineServers.flink();

    @RegisterExtension
    static final PipelineServers SERVERS = new PipelineServers();

    /** A real-time upload asking for an answer: SO2, O2 and flow (m3/h for these sources). */
    private static byte[] upload(String mn, LocalDateTime dataTime, double so2, double o2, double flowM3H) {
        return Hj212Encoder.encode(PipelineServers.realTimeUpload(
                Hj212Edition.HJ212_2017, SERVERS.nextQn(), mn, dataTime, so2, o2, flowM3H));
    }

    @Test
    void framesOverTcpBecomeReadingPointsInInfluxDb() throws Exception {
        JobClient job = SERVERS.startJob(SERVERS.config("/registry-test.yaml"), "gateway-to-influx");
        try (Hj212Gateway gateway = Hj212Gateway.builder()
                .listen("127.0.0.1", 0)
                .kafkaBootstrap(SERVERS.kafka.bootstrapServers())
                .start()) {
            byte[] corrupted = upload(MN1, TEN.plusSeconds(50), 99, 8, 2_000_000);
            corrupted[corrupted.length - 3] ^= 0x01; // a CRC digit
            List<Hj212Packet> answers1 = GatewayLogger.sendAndAwaitAnswers(
                    gateway,
                    5,
                    upload(MN1, TEN, 20, 8, 2_000_000),
                    upload(MN1, TEN.plusSeconds(20), 30, 8, 2_000_000),
                    corrupted,
                    upload(MN1, TEN.plusSeconds(40), 40, 8, 2_000_000),
                    upload(MN1, TEN.plusSeconds(90), 10, 8, 2_000_000));
            List<Hj212Packet> answers2 = GatewayLogger.sendAndAwaitAnswers(
                    gateway,
                    3,
                    upload(MN2, TEN.plusSeconds(10), 12, 9, 1_000_000),
                    upload(MN2, TEN.plusSeconds(50), 18, 9, 1_000_000),
                    upload(MN2, TEN.plusSeconds(90), 10, 9, 1_000_000));
            assertThat(answers1)
                    .extracting(Hj212Packet::cn)
                    .containsExactlyInAnyOrder("9014", "9014", "9011", "9014", "9014");
            assertThat(answers2).extracting(Hj212Packet::cn).containsOnly("9014");

            String at10 = "time = '"
                    + OffsetDateTime.parse("2026-11-26T10:00:00+08:00").toInstant() + "'";
            Map<String, JsonNode> first =
                    SERVERS.awaitRow("SELECT * FROM reading WHERE mn = '" + MN1 + "' AND " + at10);
            assertThat(first.get("a21026").asDouble()).isEqualTo(20.0);
            assertThat(first.get("source").asText()).isEqualTo("u1-stack");
            assertThat(first.get("cn").asText()).isEqualTo("2011");
            SERVERS.await(() -> SERVERS.rows("SELECT a21026 FROM reading").size() == 7 ? true : null);
            assertThat(SERVERS.rows("SELECT a21026 FROM reading WHERE mn = '" + MN1 + "'"))
                    .extracting(r -> r.get("a21026").asDouble())
                    .containsExactly(20.0, 30.0, 40.0, 10.0);

            // mean(20, 30, 40) = 30 mg/m3 (eq. 24) over the 10:00 minute; 30 × 2e6 m3/h × 1e-6 = 60 kg/h (eq. 33)
            Map<String, JsonNode> minute = SERVERS.awaitEmission("u1-stack", "a21026", at10);
            assertThat(minute.get("conc_mg_m3").asDouble()).isCloseTo(30.0, within(1e-9));
            assertThat(minute.get("rate_kg_h").asDouble()).isCloseTo(60.0, within(1e-9));

            List<JsonNode> deadLetters = SERVERS.kafkaJson("cems.deadletter");
            assertThat(deadLetters)
                    .filteredOn(d -> d.path("origin").asText().startsWith("tcp:"))
                    .singleElement()
                    .satisfies(d -> {
                        assertThat(d.path("reason").asText()).isEqualTo("bad_crc");
                        assertThat(d.path("mn").asText()).isEqualTo(MN1);
                    });
        } finally {
            job.cancel().get();
        }
    }
}
