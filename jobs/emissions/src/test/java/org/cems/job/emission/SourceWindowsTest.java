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
import org.cems.job.quality.AccountingNote;
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
    static final long HOUR10 =
            OffsetDateTime.parse("2026-11-26T10:00:00+08:00").toInstant().toEpochMilli();
    static final long MINUTE = 60_000L;
    static final long HOUR = 3_600_000L;
    static final long LATENESS = 2 * HOUR;
    static final long IDLE = 5 * MINUTE;

    private final Normalizer normalizer = new Normalizer();
    private Registry registry;
    private KeyedTwoInputStreamOperatorTestHarness<String, SourceReading, FacilityStatus, EmissionRecord> harness;

    @BeforeEach
    void open() throws Exception {
        registry = RegistryLoader.load(
                Path.of(getClass().getResource("/registry-test.yaml").toURI()));
        SourceWindows windows = new SourceWindows(registry, new WindowSettings(0, LATENESS, IDLE, "Asia/Shanghai", 1));
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(windows), r -> r.mn, f -> f.mn, Types.STRING);
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
        assertThat(all)
                .as("emitted %s at %s", window, Instant.ofEpochMilli(start))
                .isNotEmpty();
        return all.get(all.size() - 1);
    }

    long emitted(String window, long start) {
        return harness.extractOutputValues().stream()
                .filter(r -> r.window.equals(window) && r.windowStartMillis == start)
                .count();
    }

    List<String> deadLetterReasons() {
        var side = harness.getSideOutput(DecodePayloads.DEAD_LETTERS);
        return side == null
                ? List.of()
                : side.stream().map(rec -> ((DeadLetter) rec.getValue()).reason).toList();
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
        harness.setProcessingTime(3 * HOUR); // the 13:00 reading arrives 3 h later: a resumed source, not a clock jump
        send(reading(MN1, "2011", HOUR10 + 3 * HOUR, 1, "N", 1_000_000));
        assertThat(last("1m", HOUR10).validCount).isEqualTo(2);
        assertThat(last("1m", HOUR10).concMgM3).isCloseTo(15.0, within(1e-12));
        // closed up to 13:00; 10:59 is more than 2 h behind it
        send(reading(MN1, "2011", HOUR10 + 59 * MINUTE, 10, "N", 1_000_000));
        assertThat(deadLetterReasons()).containsExactly("duplicate", "late");
        // the dead letter carries the reading as reported, in the contract's JSON
        DeadLetter duplicate = (DeadLetter)
                harness.getSideOutput(DecodePayloads.DEAD_LETTERS).peek().getValue();
        var replayed = new org.cems.core.reading.ReadingJson(java.time.ZoneOffset.UTC)
                .decode(duplicate.payload)
                .readings();
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
        List<EmissionRecord> mn2 = harness.extractOutputValues().stream()
                .filter(r -> r.source.equals("u2-stack"))
                .toList();
        assertThat(mn2).extracting(r -> r.window).contains("1m", "1h", "1d");
    }

    @Test
    void aBacklogReadSlowerThanItArrivedLeavesItsSourcesOpen_untilWhatArrivedAfterThemIsRead() throws Exception {
        // a backlog in Kafka: MN2's reading and MN1's minutes arrived a second apart (their Kafka timestamps), and the
        // job reads one a minute, so MN2 looks silent for longer than IDLE in processing time but is not
        long arrived = HOUR10 + 10_000;
        harness.setProcessingTime(0);
        Reading quiet = reading(MN2, "2011", HOUR10 + 10_000, 12, "N", 1_000_000);
        harness.processElement1(normalizer.normalize(quiet, registry.byMn(MN2)), arrived);
        for (int i = 1; i <= 10; i++) {
            harness.setProcessingTime(i * MINUTE);
            Reading r = reading(MN1, "2011", HOUR10 + i * MINUTE, 10, "N", 1_000_000);
            harness.processElement1(normalizer.normalize(r, registry.byMn(MN1)), arrived + i * 1000);
        }
        assertThat(harness.extractOutputValues()).noneMatch(r -> r.source.equals("u2-stack"));

        // what arrived more than IDLE after MN2's reading is read: MN2 was silent
        harness.setProcessingTime(11 * MINUTE);
        Reading later = reading(MN1, "2011", HOUR10 + 11 * MINUTE, 10, "N", 1_000_000);
        harness.processElement1(normalizer.normalize(later, registry.byMn(MN1)), arrived + IDLE + 1000);
        harness.setProcessingTime(20 * MINUTE);

        assertThat(harness.extractOutputValues())
                .filteredOn(r -> r.source.equals("u2-stack"))
                .extracting(r -> r.window)
                .contains("1m", "1h", "1d");
    }

    /** 10-minute minute data (CN 2051 at MinInterval 10): SO2 10, 20, ... 60 at 10:00 ... 10:50, 10:50 flagged D. */
    @Test
    void tenMinuteDataCoversTheHourByTime() throws Exception {
        for (int k = 0; k < 6; k++) {
            send(reading(MN1, "2051", HOUR10 + k * 10 * MINUTE, 10 + 10 * k, k == 5 ? "D" : "N", 1_000_000));
        }
        send(reading(MN1, "2051", HOUR10 + HOUR, 1, "N", 1_000_000));
        EmissionRecord hour = last("1h", HOUR10);
        // five valid 10-minute records cover 50 minutes >= 45: valid; mean(10..50) = 30 mg/m3;
        // 30 × 1e6 m3/h × 1e-6 = 30 kg/h over the running hour = 30 kg
        assertThat(hour.validCount).isEqualTo(50);
        assertThat(hour.valid).isTrue();
        assertThat(hour.concMgM3).isCloseTo(30.0, within(1e-9));
        assertThat(hour.massKg).isCloseTo(30.0, within(1e-9));
        assertThat(hour.massAccountedKg).isCloseTo(30.0, within(1e-9));
        assertThat(hour.substituted).isFalse();
        // the first record: 10 kg/h for its 10 minutes = 10/6 kg (the interval was learned from the second)
        EmissionRecord first = last("1m", HOUR10);
        assertThat(first.durationMinutes).isEqualTo(10);
        assertThat(first.massKg).isCloseTo(10.0 / 6, within(1e-12));
    }

    @Test
    void fourValidTenMinuteRecordsAreNotEnough() throws Exception {
        for (int k = 0; k < 6; k++) {
            send(reading(MN1, "2051", HOUR10 + k * 10 * MINUTE, 10, k >= 4 ? "D" : "N", 1_000_000));
        }
        send(reading(MN1, "2051", HOUR10 + HOUR, 1, "N", 1_000_000));
        // 40 minutes < 45
        assertThat(last("1h", HOUR10).validCount).isEqualTo(40);
        assertThat(last("1h", HOUR10).valid).isFalse();
    }

    @Test
    void aProductionFacilityReportedOffMakesFlagFAStop() throws Exception {
        harness.processElement2(new FacilityStatus(MN1, "SB1", HOUR10 - HOUR, FacilityStatus.RUNNING), HOUR10 - HOUR);
        harness.processElement2(
                new FacilityStatus(MN1, "SB1", HOUR10 + 30 * MINUTE, FacilityStatus.OFF), HOUR10 + 30 * MINUTE);
        // a control device's status says nothing about the source
        harness.processElement2(new FacilityStatus(MN1, "SB2", HOUR10, FacilityStatus.OFF), HOUR10);
        for (int m = 0; m < 60; m++) {
            // the analyser flags F from 10:30; the flow meter goes on reading, so only the facility corroborates
            send(reading(MN1, "2011", HOUR10 + m * MINUTE, 20, m < 30 ? "N" : "F", 1_000_000));
        }
        send(reading(MN1, "2011", HOUR10 + HOUR, 1, "N", 1_000_000));
        EmissionRecord hour = last("1h", HOUR10);
        // stopped 30, valid 30 >= ceil(45 × 30/60) = 23; the 30 running minutes' mass: 20 kg/h × 0.5 h
        assertThat(hour.stoppedCount).isEqualTo(30);
        assertThat(hour.validCount).isEqualTo(30);
        assertThat(hour.valid).isTrue();
        assertThat(hour.massKg).isCloseTo(10.0, within(1e-9));
        assertThat(hour.massAccountedKg).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void aStopScheduleCoversTimeWithoutData() throws Exception {
        String mn3 = "TESTMN000000000000000003";
        // 15-minute records (registry minute_interval) at 10:00 and 10:15, then nothing until 12:00;
        // the schedule says stopped 10:30-12:00: hour 10 has 30 valid and 30 stopped minutes, hour 11 is stopped
        send(reading(mn3, "2051", HOUR10, 40, "N", 1_000_000));
        send(reading(mn3, "2051", HOUR10 + 15 * MINUTE, 40, "N", 1_000_000));
        harness.setProcessingTime(2 * HOUR); // the 12:00 record arrives 2 h later: a resumed source, not a clock jump
        send(reading(mn3, "2051", HOUR10 + 2 * HOUR, 40, "N", 1_000_000));
        send(reading(mn3, "2051", HOUR10 + 3 * HOUR, 40, "N", 1_000_000));
        List<EmissionRecord> hours = harness.extractOutputValues().stream()
                .filter(r -> r.source.equals("u3-stack") && r.window.equals("1h"))
                .toList();
        EmissionRecord h10 = hours.stream()
                .filter(r -> r.windowStartMillis == HOUR10)
                .reduce((a, b) -> b)
                .orElseThrow();
        EmissionRecord h11 = hours.stream()
                .filter(r -> r.windowStartMillis == HOUR10 + HOUR)
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(h10.validCount).isEqualTo(30);
        assertThat(h10.stoppedCount).isEqualTo(30);
        assertThat(h10.valid).isTrue();
        assertThat(h10.massKg).isCloseTo(20.0, within(1e-9)); // 40 kg/h × 0.5 h
        // hour 11: no data, all stopped: emitted, not substituted, nothing emitted
        assertThat(h11.stoppedCount).isEqualTo(60);
        assertThat(h11.valid).isFalse();
        assertThat(h11.substituted).isFalse();
        assertThat(h11.massAccountedKg).isEqualTo(0.0);
    }

    /**
     * The first hour of a source, invalid (every minute flagged D, HJ 75-2017 11.2.1) with no valid
     * hour before it: each of the three substituted pollutants is a {@code substitution_no_history}
     * event, sent as one note that counts three.
     */
    @Test
    void aFirstHourWithoutHistoryIsOneQualityNoteCountingItsSubstitutedPollutants() throws Exception {
        for (int m = 0; m < 60; m++) {
            Reading r = reading(MN1, "2011", HOUR10 + m * MINUTE, 20, "D", 1_000_000);
            r.values.put("a21002", value(50, "D"));
            r.values.put("a34013", value(5, "D"));
            send(r);
        }
        send(reading(MN1, "2011", HOUR10 + HOUR, 1, "N", 1_000_000));
        assertThat(last("1h", HOUR10).substituted).isTrue();
        List<DeadLetter> notes = harness.getSideOutput(SourceWindows.QUALITY).stream()
                .map(rec -> (DeadLetter) rec.getValue())
                .toList();
        assertThat(notes).singleElement().satisfies(n -> {
            assertThat(n.reason).isEqualTo(AccountingNote.SUBSTITUTION_NO_HISTORY.wireName());
            assertThat(n.count).isEqualTo(3);
            assertThat(n.source).isEqualTo("u1-stack");
        });
    }

    @Test
    void missingHoursAreEmittedAndSubstitutedByThe180HourMaximum() throws Exception {
        long day = OffsetDateTime.parse("2026-11-26T00:00:00+08:00").toInstant().toEpochMilli();
        double[] so2 = {10, 30, 20, 25, 15};
        for (int h = 0; h < so2.length; h++) {
            send(reading(MN1, "2061", day + h * HOUR, so2[h], "N", 1_000_000));
        }
        // 05:00, 06:00 and 07:00 never come; 08:00 arrives when it is due (not a clock jump)
        harness.setProcessingTime(4 * HOUR);
        send(reading(MN1, "2061", day + 8 * HOUR, 12, "N", 1_000_000));
        send(reading(MN1, "2061", day + 9 * HOUR, 12, "N", 1_000_000));
        for (int h = 5; h <= 7; h++) {
            EmissionRecord missing = last("1h", day + h * HOUR);
            // α = 5/5 = 100 %, N = 1..3 <= 24: the maximum of the previous valid hours, 30 kg (01:00)
            assertThat(missing.valid).isFalse();
            assertThat(missing.validCount).isZero();
            assertThat(missing.massKg).isNull();
            assertThat(missing.substituted).isTrue();
            assertThat(missing.massAccountedKg).isEqualTo(30.0);
        }
        assertThat(last("1h", day + 8 * HOUR).substituted).isFalse();
        assertThat(last("1h", day + 8 * HOUR).massAccountedKg).isCloseTo(12.0, within(1e-9));
    }

    @Test
    void aDaySentOnlyAs2031HasTheLoggersMass() throws Exception {
        long day = OffsetDateTime.parse("2026-11-26T00:00:00+08:00").toInstant().toEpochMilli();
        Reading d1 = new Reading(MN1, "2031", day, new LinkedHashMap<>(Map.of("a21026", withCou(25, 600.0))));
        Reading d2 =
                new Reading(MN1, "2031", day + 24 * HOUR, new LinkedHashMap<>(Map.of("a21026", withCou(25, 580.0))));
        send(d1);
        send(d2);
        EmissionRecord d = last("1d", day);
        // no flow: the job cannot compute the mass; the logger's Cou is it
        assertThat(d.fromLogger).isTrue();
        assertThat(d.massKg).isEqualTo(600.0);
        assertThat(d.massLoggerKg).isEqualTo(600.0);
        assertThat(d.massAccountedKg).isEqualTo(600.0);
        // its hours are the logger's day, not missing: none emitted
        assertThat(emitted("1h", day)).isZero();
    }

    static ReadingValue withCou(double avg, double couKg) {
        ReadingValue v = new ReadingValue();
        v.avg = avg;
        v.cou = couKg;
        v.flag = "N";
        return v;
    }
}
