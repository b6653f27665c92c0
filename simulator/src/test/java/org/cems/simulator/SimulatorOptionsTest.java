package org.cems.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

    @Test
    void defaults() {
        SimulatorOptions o = SimulatorOptions.parse(new String[] {"--mqtt", "tcp://127.0.0.1:1883"});

        assertThat(o.registry()).isEqualTo(SimulatorOptions.DEFAULT_REGISTRY);
        assertThat(o.mqttUri()).contains("tcp://127.0.0.1:1883");
        assertThat(o.kafkaBootstrapServers()).isEmpty();
        assertThat(o.format()).isEqualTo(PayloadFormat.JSON);
        assertThat(o.mqttQos()).isEqualTo(1);
        assertThat(o.mqttTopic()).isEqualTo("cems/{mn}/up");
        assertThat(o.kafkaTopic()).isEqualTo("cems.readings");
        assertThat(o.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.speed()).isEqualTo(1.0);
        assertThat(o.backfill()).isZero();
        assertThat(o.duration()).isEmpty();
        assertThat(o.countPerPoint()).isEmpty();
        assertThat(o.start()).isEmpty();
    }

    @Test
    void everyOption() {
        SimulatorOptions o = SimulatorOptions.parse(new String[] {
            "--registry",
            "r.yaml",
            "--mqtt",
            "tcp://h:1883",
            "--kafka",
            "h:9092",
            "--split",
            "--format",
            "mixed",
            "--qos",
            "0",
            "--mqtt-topic",
            "gw/{mn}",
            "--kafka-topic",
            "t",
            "--interval",
            "30s",
            "--speed",
            "60",
            "--backfill",
            "2h",
            "--duration",
            "1d",
            "--count",
            "100",
            "--seed",
            "42",
            "--start",
            "2026-11-26T10:15:00+08:00"
        });

        assertThat(o.split()).isTrue();
        assertThat(o.format()).isEqualTo(PayloadFormat.MIXED);
        assertThat(o.mqttQos()).isZero();
        assertThat(o.mqttTopic()).isEqualTo("gw/{mn}");
        assertThat(o.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.speed()).isEqualTo(60.0);
        assertThat(o.backfill()).isEqualTo(Duration.ofHours(2));
        assertThat(o.duration()).contains(Duration.ofDays(1));
        assertThat(o.countPerPoint()).hasValue(100);
        assertThat(o.seed()).isEqualTo(42);
        assertThat(o.start()).contains(Instant.parse("2026-11-26T02:15:00Z"));
    }

    @Test
    void durationsAreWrittenAsEverywhereElse() {
        SimulatorOptions o = parse("--stdout", "--interval", "PT30S", "--backfill", "90m");
        assertThat(o.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.backfill()).isEqualTo(Duration.ofMinutes(90));
        assertError("--interval: \"10\" is not a duration like 500ms", "--stdout", "--interval", "10");
    }

    @Test
    void speedMaxMeansNoWaiting() {
        assertThat(parse("--stdout", "--speed", "max").speed()).isInfinite();
    }

    @Test
    void mistakesAreExplained() {
        assertError("say where to send", "--count", "5");
        assertError("add --split", "--mqtt", "tcp://h:1", "--kafka", "h:2");
        assertError("--split needs both", "--mqtt", "tcp://h:1", "--split");
        assertError("unknown option --colour", "--stdout", "--colour");
        assertError("--interval needs a value", "--stdout", "--interval");
        assertError("--backfill: \"5x\" is not a duration", "--stdout", "--backfill", "5x");
        assertError("--format must be json, hj212 or mixed", "--stdout", "--format", "xml");
        assertError("--qos must be 0, 1 or 2", "--stdout", "--qos", "3");
        assertError("--speed must be a number above 0", "--stdout", "--speed", "0");
        assertError("--count must be a whole number", "--stdout", "--count", "lots");
        assertError("--start must be ISO-8601", "--stdout", "--start", "yesterday");
        assertError("--interval must be at least 1s", "--stdout", "--interval", "0s");
    }

    @Test
    void usageNamesEveryOption() {
        assertThat(SimulatorOptions.usage())
                .contains(
                        "--mqtt",
                        "--kafka",
                        "--split",
                        "--stdout",
                        "--format",
                        "--interval",
                        "--speed",
                        "--backfill",
                        "--duration",
                        "--count",
                        "--seed",
                        "--start",
                        "--registry",
                        "--qos",
                        "--scenario",
                        "--scenario-source",
                        "--min-interval");
    }

    @Test
    void usageListsEveryScenarioWithItsLine() {
        for (ScenarioType type : ScenarioCatalog.ALL) {
            assertThat(SimulatorOptions.usage())
                    .containsPattern("\\n    " + type.name() + " +" + java.util.regex.Pattern.quote(type.summary()));
        }
    }

    @Test
    void scenariosRepeatedOrCommaSeparated() {
        SimulatorOptions o = parse(
                "--stdout",
                "--scenario",
                "gap@1h:u2-stack,clock-jump",
                "--scenario",
                "stop-at-30",
                "--min-interval",
                "15",
                "--scenario-source",
                "u1-stack");

        assertThat(o.scenarios())
                .extracting(s -> s.type().name())
                .containsExactly("gap", "clock-jump", "stop-at-30", "interval-15m");
        assertThat(o.scenarios().get(0).target()).contains("u2-stack");
        assertThat(o.scenarios().get(0).after()).isEqualTo(Duration.ofHours(1));
        assertThat(o.scenarioSource()).contains("u1-stack");
        assertThat(parse("--stdout").scenarios()).isEmpty();
    }

    @Test
    void anUnknownScenarioIsRejectedWithTheValidNames() {
        assertThatThrownBy(() -> parse("--stdout", "--scenario", "stop-at-30,meltdown"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "unknown scenario \"meltdown\" (one of scr-fouling, fgd-pump-trip, analyser-fault, stop-at-30,")
                .hasMessageContaining(
                        "interval-Nm", "bad-values", "retransmit", "N one of [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30]");
        assertError(
                "interval-7m: the minute interval is one of [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30]",
                "--stdout",
                "--min-interval",
                "7");
        assertError("--scenario needs a name", "--stdout", "--scenario", ",");
    }

    private static SimulatorOptions parse(String... args) {
        return SimulatorOptions.parse(args);
    }

    private static void assertError(String message, String... args) {
        assertThatThrownBy(() -> SimulatorOptions.parse(args))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
