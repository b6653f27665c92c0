package org.cems.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.cems.job.PipelineServers.TEN;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cems.hj212.Hj212Edition;
import org.cems.hj212.Hj212Encoder;
import org.cems.hj212.Hj212Item;
import org.cems.hj212.Hj212Packet;
import org.cems.job.config.JobConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 20 item 3 on real servers: HJ 212-2025 electricity monitoring (ST=44, CN 2011) through
 * Kafka into the job. The FGD's meter d30106 reads 0 from 10:20 to 10:49 while the boiler's d20105
 * draws 850: {@code facility_power} points, a treatment_no_power alert that fires and resolves at
 * the hand-worked times, and an operating rate that loses those 30 minutes although the FGD's
 * efficiency says it removed 98.5 % throughout. ST=45, 2013 and 2111 uploads are stored too.
 */
class FacilityPowerITCase {
    private static final String STACK = "PWRMN0000000000000000001";
    private static final String INLET = "PWRMN0000000000000000002";

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineServers.flink();

    @RegisterExtension
    static final PipelineServers SERVERS = new PipelineServers();

    private static Hj212Packet.Builder packet2025(String st, String cn, LocalDateTime time) {
        return Hj212Packet.builder()
                .qn(SERVERS.nextQn())
                .st(st)
                .cn(cn)
                .pw("123456")
                .mn(STACK)
                .flag(Hj212Edition.HJ212_2025, false)
                .dataTime(time);
    }

    private static Map.Entry<String, String> frame(Hj212Packet p) {
        return Map.entry(p.mn(), new String(Hj212Encoder.encode(p), StandardCharsets.UTF_8));
    }

    /** ST=44 real-time electricity: the boiler (production, d20105) and the FGD (treatment, d30106). */
    private static Map.Entry<String, String> power(LocalDateTime time, double fgd) {
        return frame(packet2025("44", "2011", time)
                .item("d20105", Hj212Item.RTD, "850")
                .item("d20105", Hj212Item.FLAG, "N")
                .item("d30106", Hj212Item.RTD, String.valueOf(fgd))
                .item("d30106", Hj212Item.FLAG, "N")
                .build());
    }

    private static String local(String localTime) {
        return OffsetDateTime.parse(localTime + "+08:00").toInstant().toString();
    }

    private static String at(String localTime) {
        return "time = '" + OffsetDateTime.parse(localTime + "+08:00").toInstant() + "'";
    }

    @Test
    void treatmentFacilityWithoutPowerWhileProductionRuns() throws Exception {
        JobConfig config = SERVERS.config("/registry-power.yaml");
        config.alerts.mqttEnabled = false;
        JobClient job = SERVERS.startJob(config, "facility-power");
        try {
            List<Map.Entry<String, String>> powers = new ArrayList<>();
            List<Map.Entry<String, String>> data = new ArrayList<>();
            for (int m = 0; m <= 61; m++) {
                LocalDateTime t = TEN.plusMinutes(m);
                powers.add(power(t, m >= 20 && m < 50 ? 0 : 420.5));
                data.add(SERVERS.minuteUpload(INLET, t, 2000));
                data.add(SERVERS.minuteUpload(STACK, t, 30));
            }
            // the power evidence first: a minute that closes before its power value arrives counts as running
            SERVERS.publishToKafka(powers);
            SERVERS.awaitAsserted(() -> assertThat(
                            SERVERS.rows("SELECT count(value) FROM facility_power WHERE code = 'd30106'"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.get("count").asLong()).isEqualTo(62)));
            data.add(frame(packet2025("45", "2011", TEN)
                    .item("p99101", Hj212Item.RTD, "N")
                    .item("p99102", Hj212Item.RTD, "St")
                    .build()));
            data.add(frame(packet2025("27", "2013", TEN)
                    .item("a24088", "SampleTime", "20261126095500")
                    .item("a24088", Hj212Item.AVG, "12.5")
                    .item("a24088", Hj212Item.FLAG, "N")
                    .build()));
            data.add(frame(packet2025("22", "2111", TEN)
                    .item("a01901", Hj212Item.AVG, "862.3")
                    .item("a01901", Hj212Item.FLAG, "N")
                    .build()));
            SERVERS.publishToKafka(data);

            Map<String, JsonNode> fgd = SERVERS.awaitRow(
                    "SELECT * FROM facility_power WHERE code = 'd30106' AND " + at("2026-11-26T10:00:00"));
            assertThat(fgd.get("source").asText()).isEqualTo("u1-stack");
            assertThat(fgd.get("facility").asText()).isEqualTo("treatment");
            assertThat(fgd.get("device").asText()).isEqualTo("u1-fgd");
            assertThat(fgd.get("value").asDouble()).isEqualTo(420.5);
            assertThat(fgd.get("flag").asText()).isEqualTo("N");
            SERVERS.awaitAsserted(() -> {
                assertThat(SERVERS.rows("SELECT count(value) FROM facility_power WHERE code = 'd30106'"))
                        .singleElement()
                        .satisfies(r -> assertThat(r.get("count").asLong()).isEqualTo(62));
                assertThat(SERVERS.rows("SELECT facility, device, value FROM facility_power WHERE code = 'd20105' AND "
                                + at("2026-11-26T10:00:00")))
                        .extracting(r -> r.get("facility").asText() + " "
                                + r.get("device").asText() + " "
                                + r.get("value").asDouble())
                        .containsExactly("production production 850.0");
                assertThat(SERVERS.rows("SELECT code, meaning, mark FROM production_condition"))
                        .extracting(r ->
                                r.get("code").asText() + " " + r.get("meaning").asText() + " "
                                        + r.get("mark").asText())
                        .containsExactly("p99101 normal N", "p99102 unmapped St");
                assertThat(SERVERS.rows("SELECT avg, flag, sample_time FROM voc_raw WHERE code = 'a24088'"))
                        .extracting(r ->
                                r.get("avg").asDouble() + " " + r.get("flag").asText() + " "
                                        + r.get("sample_time").asText())
                        .containsExactly("12.5 N 20261126095500");
                assertThat(SERVERS.rows("SELECT avg FROM furnace_temperature WHERE code = 'a01901'"))
                        .extracting(r -> r.get("avg").asDouble())
                        .containsExactly(862.3);
            });

            // no power from 10:20; sustain 15 min: fires with the 10:35 value. Power again at 10:50; hold 5 min:
            // resolves with the 10:55 value, as of 10:50, after 30 min without power
            SERVERS.awaitAsserted(() -> {
                List<JsonNode> alerts = SERVERS.kafkaJson("cems.alerts");
                assertThat(alerts)
                        .filteredOn(a -> a.path("type").asText().equals("treatment_no_power"))
                        .extracting(a -> a.path("state").asText() + " "
                                + a.path("device").asText() + " "
                                + a.path("start_time").asText() + " "
                                + a.path("time").asText() + " "
                                + a.path("value").asDouble())
                        .containsExactly(
                                "firing u1-fgd " + local("2026-11-26T10:20:00") + " " + local("2026-11-26T10:35:00")
                                        + " 15.0",
                                "resolved u1-fgd " + local("2026-11-26T10:20:00") + " " + local("2026-11-26T10:50:00")
                                        + " 30.0");
            });

            // by efficiency (98.5 %) every minute is in service; without power 10:20-10:49 is not: 30 of 60, 50 %
            Map<String, JsonNode> hour =
                    SERVERS.awaitRow("SELECT * FROM efficiency WHERE device = 'u1-fgd' AND \"window\" = '1h' AND "
                            + at("2026-11-26T10:00:00"));
            assertThat(hour.get("efficiency_pct").asDouble()).isCloseTo(98.5, within(1e-9));
            assertThat(hour.get("operating_rate_pct").asDouble()).isCloseTo(50.0, within(1e-9));
            assertThat(SERVERS.rows("SELECT count(*) FROM quality WHERE reason = 'not_a_reading'"))
                    .isEmpty();
        } finally {
            job.cancel().get();
        }
    }
}
