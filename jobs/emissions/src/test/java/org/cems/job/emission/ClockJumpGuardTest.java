package org.cems.job.emission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cems.job.emission.SourceWindowsTest.HOUR;
import static org.cems.job.emission.SourceWindowsTest.HOUR10;
import static org.cems.job.emission.SourceWindowsTest.LATENESS;
import static org.cems.job.emission.SourceWindowsTest.MINUTE;
import static org.cems.job.emission.SourceWindowsTest.MN1;
import static org.cems.job.emission.SourceWindowsTest.reading;

import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.cems.core.normalize.Normalizer;
import org.cems.core.normalize.SourceReading;
import org.cems.core.reading.FacilityStatus;
import org.cems.core.reading.Reading;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryLoader;
import org.cems.job.decode.DeadLetter;
import org.cems.job.decode.DecodePayloads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The clock-jump guard at the top of the source windows: threshold 1 h, three confirmations (the defaults). */
class ClockJumpGuardTest {
    private final Normalizer normalizer = new Normalizer();
    private Registry registry;
    private KeyedTwoInputStreamOperatorTestHarness<String, SourceReading, FacilityStatus, EmissionRecord> harness;

    @BeforeEach
    void open() throws Exception {
        registry = RegistryLoader.load(
                Path.of(getClass().getResource("/registry-test.yaml").toURI()));
        SourceWindows windows = new SourceWindows(
                registry,
                new WindowSettings(0, LATENESS, 10 * HOUR, "Asia/Shanghai", 1),
                new ClockSettings(HOUR, 3),
                AccountingSettings.DEFAULTS);
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(windows), r -> r.mn, f -> f.mn, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void minute(int m) throws Exception {
        send(reading(MN1, "2011", HOUR10 + m * MINUTE, 20, "N", 1_000_000));
    }

    private void send(Reading r) throws Exception {
        harness.processElement1(normalizer.normalize(r, registry.byMn(r.mn)), r.timeMillis);
    }

    private List<DeadLetter> deadLetters() {
        var side = harness.getSideOutput(DecodePayloads.DEAD_LETTERS);
        return side == null
                ? List.of()
                : side.stream().map(rec -> (DeadLetter) rec.getValue()).toList();
    }

    private EmissionRecord hour10() {
        return harness.extractOutputValues().stream()
                .filter(r -> r.window.equals("1h") && r.windowStartMillis == HOUR10 && r.pollutant.equals("a21026"))
                .reduce((a, b) -> b)
                .orElse(null);
    }

    /** The case: one reading 5 h ahead of its stream must not make the following ones late. */
    @Test
    void anIsolatedJumpIsADeadLetterAndTheStackGoesOn() throws Exception {
        for (int m = 0; m < 5; m++) {
            minute(m);
        }
        send(reading(MN1, "2011", HOUR10 + 5 * HOUR, 20, "N", 1_000_000));
        for (int m = 5; m <= 60; m++) {
            minute(m);
        }
        assertThat(deadLetters()).extracting(d -> d.reason).containsExactly("clock_jump");
        DeadLetter jump = deadLetters().get(0);
        assertThat(jump.dataTimeMillis).isEqualTo(HOUR10 + 5 * HOUR);
        assertThat(jump.source).isEqualTo("u1-stack");
        // the hour 10:00 closed by the 11:00 reading, whole: 60 valid minutes, 20 mg/m3 × 1e6 m3/h = 20 kg
        assertThat(hour10().validCount).isEqualTo(60);
        assertThat(hour10().massKg).isEqualTo(20.0);
        assertThat(harness.extractOutputValues()).noneMatch(r -> r.windowStartMillis >= HOUR10 + 2 * HOUR);
    }

    @Test
    void aJumpConfirmedByTheReadingsAfterItMovesTheClock() throws Exception {
        for (int m = 0; m < 5; m++) {
            minute(m);
        }
        long resumed = HOUR10 + 5 * HOUR;
        for (int k = 0; k < 3; k++) {
            send(reading(MN1, "2011", resumed + k * MINUTE, 20, "N", 1_000_000));
            assertThat(hour10()).as("held until the third confirmation").isNull();
        }
        send(reading(MN1, "2011", resumed + 3 * MINUTE, 20, "N", 1_000_000));
        assertThat(deadLetters()).isEmpty();
        assertThat(hour10().validCount).isEqualTo(5); // closed by the confirmed clock: invalid, 5 of 45 minutes
        assertThat(hour10().valid).isFalse();
    }

    @Test
    void aSourceSilentForHoursResumesAtOnce() throws Exception {
        minute(0);
        harness.setProcessingTime(5 * HOUR); // five hours of wall time pass with the silence
        send(reading(MN1, "2011", HOUR10 + 5 * HOUR, 20, "N", 1_000_000));
        send(reading(MN1, "2011", HOUR10 + 5 * HOUR + MINUTE, 20, "N", 1_000_000));
        assertThat(deadLetters()).isEmpty();
        assertThat(hour10()).isNotNull();
    }

    @Test
    void readingsWithinTheThresholdOfAHeldJumpConfirmIt_evenAfterOldClockOnes() throws Exception {
        minute(0);
        send(reading(MN1, "2011", HOUR10 + 2 * HOUR, 20, "N", 1_000_000)); // held: 2 h ahead, no wall time passed
        minute(1);
        minute(2); // two readings with the old clock: one short of rejecting it
        for (int k = 0; k < 3; k++) { // a backfill of 11:30-11:32, within 1 h of the held 12:00
            send(reading(MN1, "2011", HOUR10 + HOUR + (30 + k) * MINUTE, 20, "N", 1_000_000));
        }
        assertThat(deadLetters()).isEmpty();
        assertThat(hour10().validCount).isEqualTo(3); // 10:00-10:02, closed by the confirmed clock
        assertThat(harness.extractOutputValues())
                .anyMatch(r -> r.window.equals("1h") && r.windowStartMillis == HOUR10 + HOUR);
    }
}
