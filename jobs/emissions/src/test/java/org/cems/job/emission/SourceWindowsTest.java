package org.cems.job.emission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.cems.core.normalize.Normalizer;
import org.cems.core.normalize.SourceReading;
import org.cems.core.reading.FacilityStatus;
import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingValue;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryLoader;
import org.cems.job.decode.DeadLetter;
import org.cems.job.decode.DecodePayloads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The validity rules, lateness, duplicates and logger precedence of the per-source windows, with
 * values worked by hand. Source u1-stack: coal boiler (reference O2 6 %), flow in m3/h.
 */
class SourceWindowsTest {
    static final String MN1 = "TESTMN000000000000000001";
    static final String MN2 = "TESTMN000000000000000002";
    static final long HOUR10 = OffsetDateTime.parse("2026-11-26T10:00:00+08:00").toInstant().toEpochMilli();
    static final long MINUTE = 60_000L;
    static final long HOUR = 3_600_000L;
    static final long LATENESS = 2 * HOUR;
    static final long IDLE = 5 * MINUTE;

    private final Normalizer normalizer = new Normalizer();
    private Registry registry;
    private KeyedTwoInputStreamOperatorTestHarness<String, SourceReading, FacilityStatus, EmissionRecord> harness;

    @BeforeEach
    void open() throws Exception {
        registry = RegistryLoader.load(Path.of(getClass().getResource("/registry-test.yaml").toURI()));
        SourceWindows windows = new SourceWindows(registry, new WindowSettings(0, LATENESS, IDLE, "Asia/Shanghai", 1));
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(windows), r -> r.mn, f -> f.mn, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** A reading with SO2, O2 6 % (so the reference value equals the measured one) and flow. */
    static Reading reading(String mn, String cn, long time, double so2, String flag, double flowM3H) {
        Map<String, ReadingValue> values = new LinkedHashMap<>();
        values.put("a21026", value(so2, flag));
        values.put("a19001", value(6.0, "N"));
        values.put("a00000", value(flowM3H, "N"));
        return new Reading(mn, cn, time, values);
    }

    static ReadingValue value(double v, String flag) {
        ReadingValue rv = new ReadingValue();
        rv.rtd = v;
        rv.flag = flag;
        return rv;
    }

    void send(Reading r) throws Exception {
        harness.processElement1(normalizer.normalize(r, registry.byMn(r.mn)), r.timeMillis);
    }

    EmissionRecord last(String window, long start) {
        List<EmissionRecord> all = harness.extractOutputValues().stream()
                .filter(r -> r.window.equals(window) && r.windowStartMillis == start && r.pollutant.equals("a21026"))
                .toList();
        assertThat(all).as("emitted %s at %s", window, Instant.ofEpochMilli(start)).isNotEmpty();
        return all.get(all.size() - 1);
    }

    long emitted(String window, long start) {
        return harness.extractOutputValues().stream().filter(r -> r.window.equals(window) && r.windowStartMillis == start).count();
    }

    List<String> deadLetterReasons() {
        var side = harness.getSideOutput(DecodePayloads.DEAD_LETTERS);
        return side == null ? List.of() : side.stream().map(rec -> ((DeadLetter) rec.getValue()).reason).toList();
    }

    /** One reading a minute at hh:mm:00; SO2 = 20 + minute, valid (N) for the first {@code valid} minutes, D after. */
    void hourOfMinutes(int valid) throws Exception {
        for (int m = 0; m < 60; m++) {
            send(reading(MN1, "2011", HOUR10 + m * MINUTE, 20 + m, m < valid ? "N" : "D", 1_000_000));
        }
        send(reading(MN1, "2011", HOUR10 + HOUR, 1, "N", 1_000_000));
    }

    @Test
    void hourWith45ValidMinutesIsValid() throws Exception {
        hourOfMinutes(45);
        EmissionRecord hour = last("1h", HOUR10);
        // mean(20..64) = 42 mg/m3 (eq. 24); 42 × 1e6 m3/h × 1e-6 = 42 kg/h (eq. 33), 42 kg in the hour
        assertThat(hour.validCount).isEqualTo(45);
        assertThat(hour.valid).isTrue();
        assertThat(hour.concMgM3).isCloseTo(42.0, within(1e-9));
        assertThat(hour.concRefMgM3).isCloseTo(42.0, within(1e-9));
        assertThat(hour.rateKgH).isCloseTo(42.0, within(1e-9));
        assertThat(hour.massKg).isCloseTo(42.0, within(1e-9));
        assertThat(hour.exceeded).isTrue(); // limit 35 mg/m3
        assertThat(last("1m", HOUR10 + 10 * MINUTE).massKg).isCloseTo(30.0 / 60, within(1e-12));
    }

    @Test
    void hourWith44ValidMinutesIsNot() throws Exception {
        hourOfMinutes(44);
        EmissionRecord hour = last("1h", HOUR10);
        // mean(20..63) = 41.5, but 44 < 45 valid minutes: not valid, and no exceedance judged
        assertThat(hour.validCount).isEqualTo(44);
        assertThat(hour.valid).isFalse();
        assertThat(hour.concMgM3).isCloseTo(41.5, within(1e-9));
        assertThat(hour.exceeded).isNull();
    }

    @Test
    void stoppedMinutesAreNotMissing() throws Exception {
        // 30 minutes flagged F with the flow at 0 (the source stopped, corroborated): 23 of the 30
        // others must be valid: ceil(45 × 30 / 60) = 23
        for (int m = 0; m < 60; m++) {
            String flag = m < 30 ? "F" : m < 53 ? "N" : "D";
            send(reading(MN1, "2011", HOUR10 + m * MINUTE, 10, flag, m < 30 ? 0 : 1_000_000));
        }
        send(reading(MN1, "2011", HOUR10 + HOUR, 1, "N", 1_000_000));
        EmissionRecord hour = last("1h", HOUR10);
        assertThat(hour.stoppedCount).isEqualTo(30);
        assertThat(hour.validCount).isEqualTo(23);
        assertThat(hour.valid).isTrue();
        // the 30 running minutes' mass: 10 mg/m3 × 1e6 m3/h × 1e-6 = 10 kg/h, × 0.5 h
        assertThat(hour.massKg).isCloseTo(5.0, within(1e-9));
        assertThat(last("1m", HOUR10).stoppedCount).isEqualTo(1);
        assertThat(last("1m", HOUR10).massKg).isEqualTo(0.0);
    }

    @Test
    void flagFWithoutCorroborationIsMissingData() throws Exception {
        // the same F minutes while the flow goes on: the instrument stopped, not the source
        for (int m = 0; m < 60; m++) {
            String flag = m < 30 ? "F" : m < 53 ? "N" : "D";
            send(reading(MN1, "2011", HOUR10 + m * MINUTE, 10, flag, 1_000_000));
        }
        send(reading(MN1, "2011", HOUR10 + HOUR, 1, "N", 1_000_000));
        EmissionRecord hour = last("1h", HOUR10);
        assertThat(hour.stoppedCount).isZero();
        assertThat(hour.validCount).isEqualTo(23);
        assertThat(hour.valid).isFalse();
        // invalid and no history yet: substituted by 0, marked
        assertThat(hour.substituted).isTrue();
        assertThat(hour.massAccountedKg).isEqualTo(0.0);
        assertThat(last("1m", HOUR10).stoppedCount).isZero();
    }

    @Test
    void aLateReadingCorrectsTheClosedHour() throws Exception {
        hourOfMinutes(45);
        long before = emitted("1h", HOUR10);
        // 10:50 was flagged D; a corrected value arrives after the hour closed, within the lateness
        send(reading(MN1, "2011", HOUR10 + 50 * MINUTE + 30_000, 100, "N", 1_000_000));
        EmissionRecord hour = last("1h", HOUR10);
        assertThat(emitted("1h", HOUR10)).isEqualTo(before + 1);
        // (sum(20..64) + 100) / 46 = (1890 + 100) / 46
        assertThat(hour.validCount).isEqualTo(46);
        assertThat(hour.concMgM3).isCloseTo(1990.0 / 46, within(1e-9));
        assertThat(last("1m", HOUR10 + 50 * MINUTE).concMgM3).isCloseTo(100.0, within(1e-12));
        assertThat(deadLetterReasons()).isEmpty();
    }

    @Test
    void duplicatesCountOnceAndTooLateIsADeadLetter() throws Exception {
        send(reading(MN1, "2011", HOUR10, 10, "N", 1_000_000));
        send(reading(MN1, "2011", HOUR10, 10, "N", 1_000_000));
        send(reading(MN1, "2011", HOUR10 + 30_000, 20, "N", 1_000_000));
        send(reading(MN1, "2011", HOUR10 + 3 * HOUR, 1, "N", 1_000_000));
        assertThat(last("1m", HOUR10).validCount).isEqualTo(2);
        assertThat(last("1m", HOUR10).concMgM3).isCloseTo(15.0, within(1e-12));
        // closed up to 13:00; 10:59 is more than 2 h behind it
        send(reading(MN1, "2011", HOUR10 + 59 * MINUTE, 10, "N", 1_000_000));
        assertThat(deadLetterReasons()).containsExactly("duplicate", "late");
        // the dead letter carries the reading as reported, in the contract's JSON
        DeadLetter duplicate = (DeadLetter) harness.getSideOutput(DecodePayloads.DEAD_LETTERS).peek().getValue();
        var replayed = new org.cems.core.reading.ReadingJson(java.time.ZoneOffset.UTC).decode(duplicate.payload).readings();
        assertThat(replayed).hasSize(1);
        assertThat(replayed.get(0).timeMillis).isEqualTo(HOUR10);
        assertThat(replayed.get(0).values.get("a21026").rtd).isEqualTo(10.0);
    }

    @Test
    void loggerHourTakesPrecedenceOverDerivedMinutes() throws Exception {
        hourOfMinutes(60);
        send(reading(MN1, "2061", HOUR10, 33, "N", 2_000_000));
        EmissionRecord hour = last("1h", HOUR10);
        assertThat(hour.fromLogger).isTrue();
        assertThat(hour.concMgM3).isEqualTo(33.0);
        assertThat(hour.massKg).isCloseTo(66.0, within(1e-9)); // 33 × 2e6 × 1e-6 kg/h × 1 h
    }

    @Test
    void dayFrom20ValidHours_inLocalTime() throws Exception {
        long day = OffsetDateTime.parse("2026-11-26T00:00:00+08:00").toInstant().toEpochMilli();
        for (int h = 0; h < 24; h++) {
            send(reading(MN1, "2061", day + h * HOUR, 10 + h, h < 20 ? "N" : "D", 1_000_000));
        }
        send(reading(MN1, "2011", day + 24 * HOUR, 1, "N", 1_000_000));
        EmissionRecord d = last("1d", day);
        // mean(10..29) = 19.5 mg/m3 (eq. 25); mass = Σ of the 20 valid hours' masses = Σ(10..29) kg = 390 kg (eq. 34)
        assertThat(d.validCount).isEqualTo(20);
        assertThat(d.valid).isTrue();
        assertThat(d.concMgM3).isCloseTo(19.5, within(1e-9));
        assertThat(d.massKg).isCloseTo(390.0, within(1e-9));
    }

    @Test
    void dayWith19ValidHoursIsNot() throws Exception {
        long day = OffsetDateTime.parse("2026-11-26T00:00:00+08:00").toInstant().toEpochMilli();
        for (int h = 0; h < 24; h++) {
            send(reading(MN1, "2061", day + h * HOUR, 10, h < 19 ? "N" : "D", 1_000_000));
        }
        send(reading(MN1, "2011", day + 24 * HOUR, 1, "N", 1_000_000));
        assertThat(last("1d", day).valid).isFalse();
    }

    @Test
    void aQuietSourceDoesNotHoldBackAnother_andIsFlushedWhenIdle() throws Exception {
        harness.setProcessingTime(0);
        send(reading(MN2, "2011", HOUR10 + 10_000, 12, "N", 1_000_000));
        hourOfMinutes(60);
        assertThat(last("1h", HOUR10).validCount).isEqualTo(60);
        // MN1's minute is out; MN2's, whose own clock has not moved past it, is not
        assertThat(harness.extractOutputValues()).noneMatch(r -> r.source.equals("u2-stack"));
        harness.setProcessingTime(IDLE + 1);
        // MN2 went quiet: its minute is closed and its open hour emitted as it stands
        List<EmissionRecord> mn2 = harness.extractOutputValues().stream().filter(r -> r.source.equals("u2-stack")).toList();
        assertThat(mn2).extracting(r -> r.window).contains("1m", "1h", "1d");
    }
}
