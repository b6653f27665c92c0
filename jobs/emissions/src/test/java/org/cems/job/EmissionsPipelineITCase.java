package org.cems.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The first slice end to end on real servers: known readings over Kafka and over MQTT come back
 * from InfluxDB with the values worked by hand; malformed input lands in cems.deadletter.
 */
class EmissionsPipelineITCase {
    private static final String MN1 = "TESTMN000000000000000001";
    private static final String MN2 = "TESTMN000000000000000002";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineServers.flink();

    @RegisterExtension
    static final PipelineServers SERVERS = new PipelineServers();

    private static String reading(String mn, String time, double so2, String so2Flag, double o2, double flowM3H) {
        return "{\"mn\":\"" + mn + "\",\"cn\":\"2011\",\"time\":\"" + time + "\",\"values\":{"
                + "\"a21026\":{\"rtd\":" + so2 + ",\"flag\":\"" + so2Flag + "\"},"
                + "\"a19001\":{\"rtd\":" + o2 + ",\"flag\":\"N\"},"
                + "\"a00000\":{\"rtd\":" + flowM3H + ",\"flag\":\"N\"}}}";
    }

    @Test
    void knownReadingsOverKafkaAndMqttGiveHandWorkedValues() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        EmissionsJob.build(env, SERVERS.config("/registry-test.yaml"));
        JobClient job = env.executeAsync("pipeline-test");
        try {
            SERVERS.publishToKafka(List.of(
                    Map.entry(MN1, reading(MN1, "2026-11-26T10:00:00+08:00", 20, "N", 8, 2_000_000)),
                    Map.entry(MN1, reading(MN1, "2026-11-26T10:00:20+08:00", 30, "N", 8, 2_000_000)),
                    Map.entry(MN1, reading(MN1, "2026-11-26T10:00:40+08:00", 40, "N", 8, 2_000_000)),
                    Map.entry(MN1, "this is not a reading"),
                    Map.entry(MN1, reading(MN1, "2026-11-26T10:01:30+08:00", 10, "N", 8, 2_000_000))));
            SERVERS.publishToMqtt(List.of(
                    Map.entry(MN2, reading(MN2, "2026-11-26T10:00:10+08:00", 12, "N", 9, 1_000_000)),
                    Map.entry(MN2, reading(MN2, "2026-11-26T10:00:30+08:00", 99, "C", 9, 1_000_000)),
                    Map.entry(MN2, reading(MN2, "2026-11-26T10:00:50+08:00", 18, "N", 9, 1_000_000)),
                    Map.entry("UNKNOWN-MN", reading("UNKNOWN-MN", "2026-11-26T10:00:50+08:00", 18, "N", 9, 1_000_000)),
                    Map.entry(MN2, reading(MN2, "2026-11-26T10:01:30+08:00", 10, "N", 9, 1_000_000))));

            String minute = "time = '"
                    + OffsetDateTime.parse("2026-11-26T10:00:00+08:00").toInstant() + "'";
            Map<String, JsonNode> u1 = SERVERS.awaitEmission("u1-stack", "a21026", minute);
            // mean(20, 30, 40) = 30 mg/m3 (eq. 24); at 8 % O2 to 6 %: 30 × 15/13 (eq. 28);
            // 30 mg/m3 × 2 000 000 m3/h × 1e-6 = 60 kg/h (eq. 33); one minute: 1 kg
            assertThat(u1.get("conc_mg_m3").asDouble()).isCloseTo(30.0, within(1e-9));
            assertThat(u1.get("conc_ref_mg_m3").asDouble()).isCloseTo(30.0 * 15 / 13, within(1e-9));
            assertThat(u1.get("flow_m3_h").asDouble()).isEqualTo(2_000_000.0);
            assertThat(u1.get("rate_kg_h").asDouble()).isCloseTo(60.0, within(1e-9));
            assertThat(u1.get("mass_kg").asDouble()).isCloseTo(1.0, within(1e-9));
            assertThat(u1.get("valid_count").asLong()).isEqualTo(3);
            assertThat(u1.get("limit_mg_m3").asDouble()).isEqualTo(35.0);
            assertThat(u1.get("window").asText()).isEqualTo("1m");
            assertThat(u1.get("enterprise").asText()).isEqualTo("power");
            assertThat(u1.get("park").asText()).isEqualTo("dalate");

            Map<String, JsonNode> u2 = SERVERS.awaitEmission("u2-stack", "a21026", minute);
            // the calibration value (flag C) is not valid: mean(12, 18) = 15; 15 × 15/12 at 9 % O2;
            // 15 × 1 000 000 × 1e-6 = 15 kg/h, 0.25 kg in the minute
            assertThat(u2.get("conc_mg_m3").asDouble()).isCloseTo(15.0, within(1e-9));
            assertThat(u2.get("conc_ref_mg_m3").asDouble()).isCloseTo(15.0 * 15 / 12, within(1e-9));
            assertThat(u2.get("rate_kg_h").asDouble()).isCloseTo(15.0, within(1e-9));
            assertThat(u2.get("mass_kg").asDouble()).isCloseTo(0.25, within(1e-9));
            assertThat(u2.get("valid_count").asLong()).isEqualTo(2);

            // the reading points travel apart from the emission: wait until all three are written
            List<Map<String, JsonNode>> so2Readings = SERVERS.await(() -> {
                List<Map<String, JsonNode>> rows = SERVERS.rows(
                        "SELECT a21026, a21026_flag, a21026_valid FROM reading WHERE source = 'u2-stack' AND time < '"
                                + OffsetDateTime.parse("2026-11-26T10:01:00+08:00")
                                        .toInstant() + "'");
                return rows.size() == 3 ? rows : null;
            });
            assertThat(so2Readings).extracting(r -> r.get("a21026").asDouble()).containsExactly(12.0, 99.0, 18.0);
            assertThat(so2Readings)
                    .extracting(r -> r.get("a21026_flag").asText())
                    .containsExactly("N", "C", "N");
            assertThat(so2Readings)
                    .extracting(r -> r.get("a21026_valid").asBoolean())
                    .containsExactly(true, false, true);

            List<JsonNode> deadLetters = SERVERS.await(() -> {
                List<JsonNode> d = SERVERS.kafka.readAll("cems.deadletter").stream()
                        .map(EmissionsPipelineITCase::json)
                        .toList();
                return d.size() >= 2 ? d : null;
            });
            assertThat(deadLetters)
                    .extracting(d -> d.get("reason").asText())
                    .containsExactlyInAnyOrder("unknown_format", "unknown_mn");
            JsonNode notJson = deadLetters.stream()
                    .filter(d -> d.get("reason").asText().equals("unknown_format"))
                    .findFirst()
                    .orElseThrow();
            assertThat(notJson.get("payload").asText()).isEqualTo("this is not a reading");
            assertThat(notJson.get("origin").asText()).startsWith("kafka:cems.readings/");
            JsonNode unknown = deadLetters.stream()
                    .filter(d -> d.get("reason").asText().equals("unknown_mn"))
                    .findFirst()
                    .orElseThrow();
            assertThat(unknown.get("origin").asText()).isEqualTo("mqtt:cems/UNKNOWN-MN/up");

            SERVERS.awaitRow("SELECT sum(count) AS count FROM quality WHERE reason = 'unknown_mn'");
            Map<String, JsonNode> quality =
                    SERVERS.rows("SELECT sum(count) AS count FROM quality GROUP BY reason, source").stream()
                            .filter(r -> r.get("reason").asText().equals("unknown_mn"))
                            .findFirst()
                            .orElseThrow();
            assertThat(quality.get("count").asLong()).isEqualTo(1);
            assertThat(quality.get("source").asText()).isEqualTo("UNKNOWN-MN");
        } finally {
            job.cancel().get();
        }
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return MAPPER.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
