package org.cems.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cems.job.config.JobConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Flag F is the instrument's state, not the source's (HJ 212-2017 Table 8). Two units for 100
 * minutes from 10:00, one reading a minute, at full speed:
 * <ul>
 * <li>u1-stack, {@code instrument-stopped}: its gas analyser flags F from 10:00 to 11:00, flow and
 *     load running. Nothing corroborates a source stop, so {@code instrument_stopped} fires at the
 *     reading 10 minutes (allowed) after the first F, 10:10, and resolves when no F has come for 10
 *     minutes (hold): at the reading of 11:10, dated 11:00, the first one back.</li>
 * <li>unit 2, {@code stop-at-30}: every CEMS value F from 10:30 to 12:00 with the load at 0 MW at
 *     the stack and the flow at 0.5 % of normal (about 9,400 m3/h) at the inlets: a corroborated
 *     source stop ({@code StopEvidence}), no alert.</li>
 * </ul>
 * The simulator's residual flow of a stopped unit is above the default "about zero" of 1,000 m3/h,
 * so the test sets {@code stop_detection.flow_below_m3_h} to 20,000: the inlets, which send no load,
 * are corroborated by their flow.
 */
class InstrumentStoppedAlertITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineServers.flink();

    @RegisterExtension
    static final PipelineServers SERVERS = new PipelineServers();

    @Test
    void anUncorroboratedFFiresInstrumentStoppedACorroboratedStopNone() throws Exception {
        JobConfig config = SERVERS.config("/registry-devices.yaml");
        config.stopDetection.flowBelowM3H = 20_000;
        config.mqtt.enabled = false;
        config.alerts.mqttEnabled = false;
        JobClient job = SERVERS.startJob(config, "instrument-stopped");
        try {
            SimulatorRun.toEnd(
                    config,
                    "--speed",
                    "max",
                    "--interval",
                    "60s",
                    "--count",
                    "100",
                    "--start",
                    "2026-11-26T10:00:00+08:00",
                    "--scenario",
                    "instrument-stopped@0m:u1-stack",
                    "--scenario",
                    "stop-at-30@0m:u2-stack");
            SERVERS.await(() -> instrumentAlerts().size() >= 2 ? true : null);
            Thread.sleep(2000); // nothing more may come
            List<JsonNode> alerts = instrumentAlerts();
            assertThat(alerts)
                    .extracting(a -> a.get("type").asText() + " "
                            + a.get("source").asText() + " " + a.get("state").asText())
                    .containsExactly("instrument_stopped u1-stack firing", "instrument_stopped u1-stack resolved");
            JsonNode fired = alerts.get(0);
            assertThat(fired.get("start_time").asText()).isEqualTo("2026-11-26T02:00:00Z");
            assertThat(fired.get("time").asText()).isEqualTo("2026-11-26T02:10:00Z");
            assertThat(fired.get("value").asDouble()).isEqualTo(10.0);
            assertThat(fired.get("threshold").asDouble()).isEqualTo(10.0);
            assertThat(fired.get("severity").asText()).isEqualTo("major");
            assertThat(alerts.get(1).get("time").asText()).isEqualTo("2026-11-26T03:00:00Z");
            assertThat(alerts.get(1).get("value").asDouble())
                    .isEqualTo(60.0); // minutes from the first F to the first reading back
        } finally {
            job.cancel().get();
        }
    }

    /** Instrument and no-data alerts on Kafka, in order. */
    private static List<JsonNode> instrumentAlerts() {
        return SERVERS.kafkaJson("cems.alerts").stream()
                .filter(a -> a.get("type").asText().startsWith("instrument_")
                        || a.get("type").asText().equals("no_data"))
                .toList();
    }
}
