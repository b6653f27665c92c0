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
 * A gateway goes silent for 15 event minutes of a paced run (90× real time: 10 s of wall time).
 * No data is judged on processing time, so the test uses a 4 s threshold: the silent point fires
 * once and resolves on its next reading; the others, sending every 0.67 s, stay quiet.
 */
class NoDataAlertITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineServers.flink();

    @RegisterExtension
    static final PipelineServers SERVERS = new PipelineServers();

    @Test
    void aSilentGatewayFiresOnceAndResolvesOnItsNextReading() throws Exception {
        JobConfig config = SERVERS.config("/registry-devices.yaml");
        config.alerts.noData.silentFor = "4s";
        config.mqtt.enabled = false;
        config.alerts.mqttEnabled = false;
        JobClient job = SERVERS.startJob(config, "no-data");
        try {
            SimulatorRun.toEnd(
                    config,
                    "--speed",
                    "90",
                    "--interval",
                    "60s",
                    "--count",
                    "24",
                    "--start",
                    "2026-11-26T10:00:00+08:00",
                    "--scenario",
                    "gateway-silent@3m:u2-scr-in");
            // read at once: 4 s after the run every point is silent, and that is not this test's business
            List<JsonNode> noData = SERVERS.kafkaJson("cems.alerts").stream()
                    .filter(a -> a.get("type").asText().equals("no_data"))
                    .toList();
            assertThat(noData)
                    .extracting(
                            a -> a.get("source").asText() + " " + a.get("state").asText())
                    .containsExactly("u2-scr-in firing", "u2-scr-in resolved");
            assertThat(noData.get(0).get("time").asText()).isEqualTo("2026-11-26T02:02:00Z"); // its last reading
            assertThat(noData.get(1).get("time").asText()).isEqualTo("2026-11-26T02:18:00Z"); // its next one
            assertThat(noData.get(0).get("mn").asText()).isEqualTo("DEVMN0000000000000000013");
        } finally {
            job.cancel().get();
        }
    }
}
