package org.cems.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.cems.job.PipelineServers.TEN;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cems.hj212.Hj212Encoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 14 item 8 on real servers: station uploads through Kafka into the job. A CN 2021 frame
 * becomes {@code facility} points tagged with what the registry says each SB number is; 2041, 2081
 * and 3020 are kept; a bad status is a {@code bad_value} dead letter; and the FGD's hourly
 * operating rate follows its reported status, not its efficiency.
 */
class StationUploadsITCase {
    private static final String STACK = "FACMN0000000000000000001";
    private static final String INLET = "FACMN0000000000000000002";

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineServers.flink();

    @RegisterExtension
    static final PipelineServers SERVERS = new PipelineServers();

    private static Map.Entry<String, String> station(String mn, String cn, String cp) {
        String segment =
                String.format("QN=%s;ST=31;CN=%s;PW=123456;MN=%s;Flag=4;CP=&&%s&&", SERVERS.nextQn(), cn, mn, cp);
        return Map.entry(
                mn, new String(Hj212Encoder.frame(segment.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
    }

    /** An InfluxQL condition on a local (Asia/Shanghai) time such as {@code 2026-11-26T10:00:00}. */
    private static String at(String localTime) {
        return "time = '" + OffsetDateTime.parse(localTime + "+08:00").toInstant() + "'";
    }

    @Test
    void stationUploadsAreKeptAndTheReportedStatusGivesTheOperatingRate() throws Exception {
        JobClient job = SERVERS.startJob(SERVERS.config("/registry-facilities.yaml"), "station-uploads");
        try {
            // the FGD (SB2) runs, is in maintenance from 10:20, and runs again from 10:35; the boiler (SB1) runs
            SERVERS.publishToKafka(List.of(
                    station(STACK, "2021", "DataTime=20261126100000;SB1-RS=1;SB2-RS=1"),
                    station(STACK, "2021", "DataTime=20261126102000;SB2-RS=3;SB9-RS=9"),
                    station(STACK, "2021", "DataTime=20261126103500;SB2-RS=1"),
                    station(STACK, "2041", "DataTime=20261125000000;SB1-RT=23.5;SB2-RT=22"),
                    station(STACK, "2081", "DataTime=20261126100500;RestartTime=20261126095800"),
                    station(STACK, "3020", "DataTime=20261126100000;PolId=a21026;i12001-Info=0;i11001-Info=//清洗管路//")));

            Map<String, JsonNode> fgd =
                    SERVERS.awaitRow("SELECT * FROM facility WHERE facility = 'SB2' AND " + at("2026-11-26T10:00:00"));
            assertThat(fgd.get("enterprise").asText()).isEqualTo("power");
            assertThat(fgd.get("source").asText()).isEqualTo("u1-stack");
            assertThat(fgd.get("mn").asText()).isEqualTo(STACK);
            assertThat(fgd.get("role").asText()).isEqualTo("u1-fgd");
            assertThat(fgd.get("status").asLong()).isEqualTo(1);
            assertThat(fgd.get("running").asBoolean()).isTrue();
            SERVERS.awaitAsserted(() -> {
                assertThat(SERVERS.rows("SELECT status, running FROM facility WHERE facility = 'SB2'"))
                        .extracting(r -> r.get("status").asLong() + " "
                                + r.get("running").asBoolean())
                        .containsExactly("1 true", "3 false", "1 true");
                assertThat(SERVERS.rows("SELECT role, status FROM facility WHERE facility = 'SB1' AND status = 1"))
                        .singleElement()
                        .satisfies(r -> assertThat(r.get("role").asText()).isEqualTo("production"));
                assertThat(SERVERS.rows("SELECT facility, run_hours FROM facility WHERE " + at("2026-11-25T00:00:00")))
                        .extracting(r -> r.get("facility").asText() + " "
                                + r.get("run_hours").asDouble())
                        .containsExactly("SB1 23.5", "SB2 22.0");
                assertThat(SERVERS.rows("SELECT * FROM station_event WHERE event = 'restart'"))
                        .singleElement()
                        .satisfies(r -> {
                            assertThat(r.get("time").asLong())
                                    .isEqualTo(OffsetDateTime.parse("2026-11-26T09:58:00+08:00")
                                            .toInstant()
                                            .toEpochMilli());
                            assertThat(r.get("count").asLong()).isEqualTo(1);
                        });
                assertThat(SERVERS.rows(
                                "SELECT code, pol_id, value, text FROM station_event WHERE event = 'site_info'"))
                        .extracting(r -> r.get("code").asText() + " "
                                + r.get("pol_id").asText() + " " + r.get("value") + " " + r.get("text"))
                        .containsExactlyInAnyOrder(
                                "i11001 a21026 null \"清洗管路\"",
                                "i12001 a21026 0 null"); // InfluxDB writes the float 0.0 as 0 in JSON
            });

            // an hour of minute data, the FGD removing 98.5 % throughout: by efficiency every minute is in service
            List<Map.Entry<String, String>> data = new ArrayList<>();
            for (int m = 0; m <= 61; m++) {
                data.add(SERVERS.minuteUpload(INLET, TEN.plusMinutes(m), 2000));
                data.add(SERVERS.minuteUpload(STACK, TEN.plusMinutes(m), 30));
            }
            SERVERS.publishToKafka(data);
            // by the reported status (in effect: the latest report before each minute's end): 10:00-10:19 running (20),
            // 10:20-10:34 maintenance (15), 10:35-10:59 running (25): 45 of the 60 minutes the unit ran, 75 %
            Map<String, JsonNode> hour =
                    SERVERS.awaitRow("SELECT * FROM efficiency WHERE device = 'u1-fgd' AND \"window\" = '1h' AND "
                            + at("2026-11-26T10:00:00"));
            assertThat(hour.get("efficiency_pct").asDouble()).isCloseTo(98.5, within(1e-9)); // (2000 − 30) / 2000
            assertThat(hour.get("operating_rate_pct").asDouble()).isCloseTo(75.0, within(1e-9));

            List<JsonNode> deadLetters = SERVERS.kafkaJson("cems.deadletter");
            assertThat(deadLetters).extracting(d -> d.path("reason").asText()).containsExactly("bad_value");
            assertThat(deadLetters.get(0).path("detail").asText()).contains("SB9-RS=9");
            SERVERS.awaitAsserted(() -> assertThat(
                            SERVERS.rows("SELECT sum(count) FROM quality WHERE reason = 'bad_value'"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.get("sum").asLong()).isEqualTo(1)));
            assertThat(SERVERS.rows("SELECT count(*) FROM quality WHERE reason = 'not_a_reading'"))
                    .isEmpty();
        } finally {
            job.cancel().get();
        }
    }
}
