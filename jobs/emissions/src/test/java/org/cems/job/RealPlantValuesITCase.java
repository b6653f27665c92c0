package org.cems.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.cems.job.PipelineServers.HOUR;
import static org.cems.job.PipelineServers.MINUTE;
import static org.cems.job.PipelineServers.ZONE;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingJson;
import org.cems.core.reading.ReadingValue;
import org.cems.job.config.JobConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real plant values and clocks through the whole job on real servers (issue 14, items 5-7, 9, 10),
 * against values worked by hand. Source s1 (coal boiler, 6 % reference O2, limits SO2 35 and NOx
 * 50 mg/m3, flow 1,000,000 m3/h) sends one reading a minute from 00:00 to 04:01 of a past day:
 * <ul>
 *   <li>00:xx SO2 20, NOx 40, O2 6 %; at 00:10 SO2 is "NaN"; at 00:20:30 a reading with one unknown code;</li>
 *   <li>01:xx SO2 20 until 01:29, then 60 flagged T (the analyser's upper limit) until 01:59;</li>
 *   <li>02:xx O2 20.5 % (start-up: air through the boiler), SO2 20, NOx 40;</li>
 *   <li>03:xx as 00:xx; after 03:15 one reading stamped 08:15 (a clock glitch 5 h ahead), and one
 *       stamped a day ahead of now.</li>
 * </ul>
 * Source s2 (working state, altitude 1,300 m from its enterprise) sends 00:00-01:00.
 */
class RealPlantValuesITCase {
    static final long DAY_START =
            LocalDate.of(2026, 12, 1).atStartOfDay(ZONE).toInstant().toEpochMilli();
    static final String S1 = "VALMN0000000000000000001";
    static final String S2 = "VALMN0000000000000000002";
    static final double FLOW = 1_000_000;

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineServers.flink();

    @RegisterExtension
    static final PipelineServers SERVERS = new PipelineServers();

    private final ReadingJson json = new ReadingJson(ZONE);

    static ReadingValue v(double value, String flag) {
        ReadingValue rv = new ReadingValue();
        rv.rtd = value;
        rv.flag = flag;
        return rv;
    }

    /** s1 at minute {@code m} of the day (0 = 00:00). */
    static Reading s1(int m, long time) {
        int hour = m / 60;
        int minute = m % 60;
        Map<String, ReadingValue> values = new LinkedHashMap<>();
        boolean overRange = hour == 1 && minute >= 30;
        values.put("a21026", overRange ? v(60, "T") : v(20, "N"));
        values.put("a21002", v(40, "N"));
        values.put("a19001", v(hour == 2 ? 20.5 : 6.0, "N"));
        values.put("a00000", v(FLOW, "N"));
        return new Reading(S1, "2011", time, values);
    }

    static Reading s2(int m) {
        Map<String, ReadingValue> values = new LinkedHashMap<>();
        values.put("a21026", v(20, "N")); // mg/m3 at flue conditions
        values.put("a01012", v(120, "N")); // flue temperature, °C
        values.put("a01013", v(-0.5, "N")); // static pressure, kPa
        values.put("a19001", v(6.0, "N"));
        values.put("a00000", v(FLOW, "N"));
        return new Reading(S2, "2011", DAY_START + m * MINUTE, values);
    }

    @Test
    void realPlantValuesAndClocksGiveTheHandComputedResults() throws Exception {
        JobConfig config = SERVERS.config("/registry-values.yaml");
        config.mqtt.enabled = false;
        config.alerts.mqttEnabled = false;
        JobClient job = SERVERS.startJob(config, "real-plant-values");
        try {
            publish();
            SERVERS.awaitAsserted(this::assertResults);
        } finally {
            job.cancel().get();
        }
    }

    private void publish() {
        List<Map.Entry<String, String>> kafka = new ArrayList<>();
        for (int m = 0; m <= 4 * 60 + 1; m++) {
            String payload = json.encode(List.of(s1(m, DAY_START + m * MINUTE)));
            if (m == 10) {
                payload = payload.replace("\"a21026\":{\"rtd\":20.0,", "\"a21026\":{\"rtd\":\"NaN\",");
            }
            kafka.add(Map.entry(S1, payload));
            if (m == 20) {
                kafka.add(Map.entry(
                        S1,
                        "{\"mn\":\"" + S1 + "\",\"time\":" + (DAY_START + m * MINUTE + 30_000)
                                + ",\"values\":{\"x99999\":{\"rtd\":1}}}"));
            }
            if (m == 3 * 60 + 15) {
                kafka.add(Map.entry(S1, json.encode(List.of(s1(m, DAY_START + m * MINUTE + 5 * HOUR)))));
                kafka.add(Map.entry(S1, json.encode(List.of(s1(m, System.currentTimeMillis() + 24 * HOUR)))));
            }
            if (m <= 60) {
                kafka.add(Map.entry(S2, json.encode(List.of(s2(m)))));
            }
        }
        assertThat(kafka).anyMatch(e -> e.getValue().contains("\"rtd\":\"NaN\""));
        SERVERS.publishToKafka(kafka);
    }

    private Map<String, JsonNode> hour(String source, String pollutant, int hour) {
        return SERVERS.emission(source, pollutant, "\"window\" = '1h' AND time = " + (DAY_START + hour * HOUR) + "ms");
    }

    private void assertResults() {
        // 00:00: the NaN value is one value lost: SO2 of 59 minutes, NOx of all 60; 20 mg/m3 × 1e6 m3/h × 1e-6 = 20 kg
        Map<String, JsonNode> so2h0 = hour("s1-stack", "a21026", 0);
        assertThat(so2h0.get("valid_count").asLong()).isEqualTo(59);
        assertThat(so2h0.get("mass_kg").asDouble()).isCloseTo(20.0, within(1e-9));
        assertThat(hour("s1-stack", "a21002", 0).get("valid_count").asLong()).isEqualTo(60);

        // 01:00: the over-range values stay in the hour: (30 × 20 + 30 × 60) / 60 = 40 mg/m3 at 6 % O2,
        // above the limit 35; 40 kg
        Map<String, JsonNode> so2h1 = hour("s1-stack", "a21026", 1);
        assertThat(so2h1.get("valid").asBoolean()).isTrue();
        assertThat(so2h1.get("conc_mg_m3").asDouble()).isCloseTo(40.0, within(1e-9));
        assertThat(so2h1.get("conc_ref_mg_m3").asDouble()).isCloseTo(40.0, within(1e-9));
        assertThat(so2h1.get("mass_kg").asDouble()).isCloseTo(40.0, within(1e-9));
        assertThat(so2h1.get("exceeded").asBoolean()).isTrue();

        // 02:00, O2 20.5 %: eq. (28) with the 14 % ceiling, 20 × 15 / 7 = 42.857 (not 20 × 15 / 0.5 = 600),
        // marked and not judged though above the limit; the mass uses the measured 20 mg/m3: 20 kg
        Map<String, JsonNode> so2h2 = hour("s1-stack", "a21026", 2);
        assertThat(so2h2.get("o2_capped").asBoolean()).isTrue();
        assertThat(so2h2.get("conc_ref_mg_m3").asDouble()).isCloseTo(20.0 * 15 / 7, within(1e-9));
        assertThat(notJudged(so2h2)).isTrue();
        assertThat(so2h2.get("mass_kg").asDouble()).isCloseTo(20.0, within(1e-9));
        Map<String, JsonNode> noxh2 = hour("s1-stack", "a21002", 2);
        assertThat(noxh2.get("conc_ref_mg_m3").asDouble()).isCloseTo(40.0 * 15 / 7, within(1e-9)); // 85.7, not 1200
        assertThat(notJudged(noxh2)).isTrue();
        assertThat(hour("s1-stack", "a21026", 1).get("o2_capped").asBoolean()).isFalse();

        // 03:00: the glitch 5 h ahead closed nothing; every minute after it was used, none was late
        Map<String, JsonNode> so2h3 = hour("s1-stack", "a21026", 3);
        assertThat(so2h3.get("valid_count").asLong()).isEqualTo(60);
        assertThat(so2h3.get("mass_kg").asDouble()).isCloseTo(20.0, within(1e-9));
        assertThat(SERVERS.rows("SELECT * FROM emission WHERE source = 's1-stack' AND time >= " + (DAY_START + 5 * HOUR)
                        + "ms"))
                .isEmpty();

        // s2 at 1,300 m: Ba = 101.325 × (1 − 0.0065 × 1300 / 288.15)^5.25588 = 86.65194 kPa; eq. (18):
        // 20 × 101 325 / (86 651.94 − 500) × (273 + 120) / 273 = 33.8619 mg/m3 (28.934 at the sea-level 101.325 kPa)
        Map<String, JsonNode> s2h0 = hour("s2-stack", "a21026", 0);
        assertThat(s2h0.get("conc_mg_m3").asDouble())
                .isCloseTo(20 * 101325 / (86651.94 - 500) * 393 / 273, within(1e-4));
        assertThat(s2h0.get("conc_mg_m3").asDouble()).isCloseTo(33.8619, within(1e-4));

        // dead letters: one each, with their reasons; no `late`
        List<String> reasons = SERVERS.kafka.readAll("cems.deadletter").stream()
                .map(r -> r.value().replaceAll(".*\"reason\":\"([a-z_]+)\".*", "$1"))
                .toList();
        assertThat(reasons).containsExactlyInAnyOrder("bad_value", "no_known_parameter", "clock_jump", "future_time");
        for (String reason : List.of("bad_value", "no_known_parameter", "clock_jump", "future_time")) {
            List<Map<String, JsonNode>> counted = SERVERS.rows(
                    "SELECT sum(\"count\") FROM quality WHERE source = 's1-stack' AND reason = '" + reason + "'");
            assertThat(counted).as("quality %s", reason).isNotEmpty();
            assertThat(counted.get(0).get("sum").asLong())
                    .as("quality %s", reason)
                    .isEqualTo(1);
        }

        // alerts: the over range from 01:30 (the first T) to 02:00 (the first minute without, held 10 min);
        // the SO2 exceedance of 01:00, not judged at 02:00, resolved by the valid 03:00 hour within the limit
        List<JsonNode> alerts = SERVERS.kafkaJson("cems.alerts");
        assertThat(alerts)
                .filteredOn(a -> a.get("type").asText().equals("instrument_over_range"))
                .extracting(a -> a.get("state").asText() + "@" + (a.get("time").asText()))
                .containsExactly(
                        "firing@" + iso(DAY_START + HOUR + 30 * MINUTE), "resolved@" + iso(DAY_START + 2 * HOUR));
        assertThat(alerts)
                .filteredOn(a -> a.get("type").asText().equals("exceedance"))
                .extracting(a -> a.get("pollutant").asText() + " "
                        + a.get("state").asText() + "@" + a.get("time").asText())
                .containsExactly(
                        "a21026 firing@" + iso(DAY_START + HOUR), "a21026 resolved@" + iso(DAY_START + 3 * HOUR));
        assertThat(alerts).noneMatch(a -> a.get("type").asText().equals("clock_skew"));
    }

    private static boolean notJudged(Map<String, JsonNode> hour) {
        return hour.get("exceeded") == null || hour.get("exceeded").isNull();
    }

    private static String iso(long millis) {
        return java.time.Instant.ofEpochMilli(millis).toString();
    }
}
