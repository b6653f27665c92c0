package org.cems.job.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryLoader;
import org.cems.job.alert.AlertEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The open-incident set: written at once, re-written every interval, closed on resolve, and kept across a restart from a snapshot. */
class OpenIncidentsTest {
    static final long T10 =
            OffsetDateTime.parse("2026-11-26T10:00:00+08:00").toInstant().toEpochMilli();
    static final long MINUTE = 60_000L;

    private Registry registry;

    @BeforeEach
    void load() throws Exception {
        registry = RegistryLoader.load(
                Path.of(getClass().getResource("/registry-test.yaml").toURI()));
    }

    KeyedOneInputStreamOperatorTestHarness<String, AlertEvent, InfluxPoint> harness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new OpenIncidents(registry, MINUTE)), OpenIncidents.ONE_KEY, Types.STRING);
    }

    static AlertEvent event(
            String id, String type, String severity, String source, String pollutant, String state, long start) {
        AlertEvent a = new AlertEvent();
        a.id = id;
        a.type = type;
        a.severity = severity;
        a.state = state;
        a.enterprise = "power";
        a.source = source;
        a.pollutant = pollutant;
        a.message = type + " " + state;
        a.startMillis = start;
        a.timeMillis = start;
        return a;
    }

    static List<InfluxPoint> at(
            KeyedOneInputStreamOperatorTestHarness<String, AlertEvent, InfluxPoint> h, String measurement, long time) {
        return h.extractOutputValues().stream()
                .filter(p -> p.measurement().equals(measurement) && p.timeMillis() == time)
                .toList();
    }

    @Test
    void openIncidentsAreRewrittenUntilResolvedAndSurviveARestart() throws Exception {
        AlertEvent exceedance = event(
                "exceedance:power/u1-stack/a21026:x",
                "exceedance",
                "critical",
                "u1-stack",
                "a21026",
                "firing",
                T10 - 60 * MINUTE);
        AlertEvent silence = event("no_data:u2:x", "no_data", "major", "u2-stack", null, "firing", T10);
        var h = harness();
        h.open();
        h.setProcessingTime(T10 + 30_000);
        h.processElement(exceedance, 0);
        h.processElement(silence, 0);
        // written at once, at processing time
        assertThat(at(h, "incident_open", T10 + 30_000)).hasSize(2);

        h.setProcessingTime(T10 + MINUTE);
        List<InfluxPoint> snapshot = at(h, "incident_open", T10 + MINUTE);
        assertThat(snapshot).extracting(p -> p.tags().get("source")).containsExactlyInAnyOrder("u1-stack", "u2-stack");
        InfluxPoint u1 = snapshot.stream()
                .filter(p -> p.tags().get("source").equals("u1-stack"))
                .findFirst()
                .orElseThrow();
        assertThat(u1.fields())
                .containsEntry("open", 1L)
                .containsEntry("open_minutes", 61L)
                .containsEntry("opened_at", T10 - 60 * MINUTE)
                .containsEntry("id", "exceedance:power/u1-stack/a21026:x");
        assertThat(u1.tags())
                .containsEntry("device", "-")
                .containsEntry("type", "exceedance")
                .containsEntry("severity", "critical");
        InfluxPoint count = at(h, "incident_count", T10 + MINUTE).get(0);
        assertThat(count.tags()).containsEntry("enterprise", "power");
        assertThat(count.fields())
                .containsEntry("open", 2L)
                .containsEntry("critical", 1L)
                .containsEntry("major", 1L)
                .containsEntry("warning", 0L);

        // resolved: a closed marker for its series, after the snapshot it was last in
        h.setProcessingTime(T10 + MINUTE + 20_000);
        AlertEvent resolved =
                event(exceedance.id, "exceedance", "critical", "u1-stack", "a21026", "resolved", T10 - 60 * MINUTE);
        h.processElement(resolved, 0);
        List<InfluxPoint> marker = at(h, "incident_open", T10 + MINUTE + 20_000);
        assertThat(marker).singleElement().satisfies(p -> {
            assertThat(p.fields()).containsEntry("open", 0L).containsEntry("message", "exceedance resolved");
            assertThat(p.tags()).containsEntry("source", "u1-stack").containsEntry("pollutant", "a21026");
        });

        OperatorSubtaskState checkpoint = h.snapshot(1, T10 + MINUTE + 30_000);
        h.close();

        // a new task restored from the checkpoint: its set and its timer come back
        var restored = harness();
        restored.initializeState(checkpoint);
        restored.open();
        restored.setProcessingTime(T10 + 2 * MINUTE);
        List<InfluxPoint> after = at(restored, "incident_open", T10 + 2 * MINUTE);
        assertThat(after).singleElement().satisfies(p -> {
            assertThat(p.tags()).containsEntry("source", "u2-stack").containsEntry("pollutant", "-");
            assertThat(p.fields()).containsEntry("open_minutes", 2L).containsEntry("open", 1L);
        });
        assertThat(at(restored, "incident_count", T10 + 2 * MINUTE).get(0).fields())
                .containsEntry("open", 1L)
                .containsEntry("critical", 0L);
        restored.close();
    }
}
