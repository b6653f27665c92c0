package org.cems.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cems.job.config.JobConfig;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The simulator's incidents, three hours of two power units at full speed: an SCR catalyst fouls
 * (u1-scr) and an FGD pump trips (u2-fgd), each giving an efficiency drop and an exceedance at the
 * stack, and an analyser fault at u1-fgd-in. Every incident gives exactly one FIRING and one
 * RESOLVED on Kafka, MQTT and InfluxDB; the healthy, noisy u1-fgd and u2-scr give none.
 */
class AlertScenariosITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineServers.flink();

    @RegisterExtension
    static final PipelineServers SERVERS = new PipelineServers();

    @Test
    void eachIncidentFiresOnceAndResolvesOnce() throws Exception {
        JobConfig config = SERVERS.config("/registry-devices.yaml");
        List<String> mqttAlerts = Collections.synchronizedList(new ArrayList<>());
        MqttClient watcher = new MqttClient(SERVERS.mosquitto.uri(), "alert-watcher", new MemoryPersistence());
        watcher.connect();
        watcher.subscribe(
                new MqttSubscription[] {new MqttSubscription("cems/alerts/#", 1)}, new IMqttMessageListener[] {
                    (topic, m) -> mqttAlerts.add(topic + " " + new String(m.getPayload(), StandardCharsets.UTF_8))
                });
        JobClient job = SERVERS.startJob(config, "alert-scenarios");
        try {
            SERVERS.mosquitto.awaitSubscriptions(3, Duration.ofSeconds(60));
            SimulatorRun.toEnd(
                    config,
                    "--speed",
                    "max",
                    "--interval",
                    "60s",
                    "--count",
                    "186",
                    "--start",
                    "2026-11-26T10:00:00+08:00",
                    "--scenario",
                    "scr-fouling@0m:u1-scr",
                    "--scenario",
                    "fgd-pump-trip@20m:u2-fgd",
                    "--scenario",
                    "analyser-fault@30m:u1-fgd-in");
            Map<String, List<JsonNode>> byIncident = SERVERS.await(() -> {
                Map<String, List<JsonNode>> events = alertsByIncident();
                long resolved = events.values().stream()
                        .flatMap(List::stream)
                        .filter(a -> a.get("state").asText().equals("resolved"))
                        .count();
                return resolved >= 5 ? events : null;
            });
            Thread.sleep(2000); // nothing more may come
            byIncident = alertsByIncident();

            assertThat(byIncident.keySet())
                    .containsExactlyInAnyOrder(
                            "efficiency_drop power/u1-scr",
                            "exceedance power/u1-stack/a21002",
                            "efficiency_drop power/u2-fgd",
                            "exceedance power/u2-stack/a21026",
                            "instrument_fault power/u1-fgd-in");
            byIncident.forEach((incident, events) -> {
                assertThat(events)
                        .as(incident)
                        .extracting(a -> a.get("state").asText())
                        .containsExactly("firing", "resolved");
                assertThat(events.get(0).get("id"))
                        .as(incident)
                        .isEqualTo(events.get(1).get("id"));
                JsonNode fired = events.get(0);
                JsonNode resolved = events.get(1);
                double value = fired.get("value").asDouble();
                double threshold = fired.get("threshold").asDouble();
                switch (fired.get("type").asText()) {
                    case "efficiency_drop" -> {
                        assertThat(value).as(incident).isLessThan(threshold);
                        assertThat(resolved.get("value").asDouble())
                                .as(incident)
                                .isGreaterThanOrEqualTo(threshold);
                    }
                    case "exceedance" -> {
                        assertThat(value).as(incident).isGreaterThan(threshold);
                        assertThat(resolved.get("value").asDouble())
                                .as(incident)
                                .isLessThanOrEqualTo(threshold);
                    }
                    default -> assertThat(value).as(incident).isGreaterThanOrEqualTo(threshold);
                }
            });
            JsonNode scr = byIncident.get("efficiency_drop power/u1-scr").get(0);
            assertThat(scr.get("device").asText()).isEqualTo("u1-scr");
            assertThat(scr.get("source").asText()).isEqualTo("u1-stack");
            assertThat(scr.get("threshold").asDouble())
                    .isEqualTo(80.0); // SCR default minimum; baseline 85 − 5 is the same
            assertThat(byIncident
                            .get("efficiency_drop power/u2-fgd")
                            .get(0)
                            .get("threshold")
                            .asDouble())
                    .isEqualTo(96.0);
            assertThat(byIncident
                            .get("instrument_fault power/u1-fgd-in")
                            .get(0)
                            .get("time")
                            .asText())
                    .isEqualTo("2026-11-26T02:40:00Z");

            SERVERS.awaitAsserted(() -> assertThat(mqttAlerts).hasSize(10));
            assertThat(mqttAlerts)
                    .filteredOn(m -> m.startsWith("cems/alerts/power/u2-stack "))
                    .hasSize(4);
            SERVERS.awaitAsserted(
                    () -> assertThat(SERVERS.rows("SELECT * FROM alert")).hasSize(10));
            assertThat(SERVERS.rows("SELECT * FROM alert WHERE state = 'firing' AND device = 'u2-fgd'"))
                    .hasSize(1);
            // the analyser fault at its inlet (10:30-10:50) leaves 20 running minutes without a valid efficiency
            List<Map<String, JsonNode>> fgdHours =
                    SERVERS.rows("SELECT * FROM efficiency WHERE \"window\" = '1h' AND device = 'u1-fgd'");
            assertThat(fgdHours).hasSize(3);
            assertThat(fgdHours.get(0).get("operating_rate_pct").asDouble()).isEqualTo(40 * 100.0 / 60);
            assertThat(fgdHours.get(1).get("operating_rate_pct").asDouble()).isEqualTo(100.0);
        } finally {
            job.cancel().get();
            watcher.disconnect();
            watcher.close();
        }
    }

    /** Alert events on Kafka by incident (type and subject), in order. */
    private static Map<String, List<JsonNode>> alertsByIncident() {
        Map<String, List<JsonNode>> out = new TreeMap<>();
        for (JsonNode a : SERVERS.kafkaJson("cems.alerts")) {
            String id = a.get("id").asText();
            String incident = id.substring(0, id.lastIndexOf(':', id.length() - 1));
            incident = incident.substring(0, incident.indexOf(':')) + " " + subjectOf(a);
            out.computeIfAbsent(incident, k -> new ArrayList<>()).add(a);
        }
        return out;
    }

    private static String subjectOf(JsonNode a) {
        String id = a.get("id").asText();
        String rest = id.substring(id.indexOf(':') + 1);
        return rest.substring(0, rest.indexOf(':'));
    }
}
