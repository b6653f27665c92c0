package org.cems.job.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.cems.core.normalize.Measure;
import org.cems.core.normalize.SourceReading;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryLoader;
import org.cems.job.config.JobConfig;
import org.cems.job.efficiency.EfficiencyRecord;
import org.cems.job.emission.EmissionRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each alert type fires once and resolves once, with hysteresis, on hand-made input. */
class AlertEnginesTest {
    static final long T0 =
            OffsetDateTime.parse("2026-11-26T10:00:00+08:00").toInstant().toEpochMilli();
    static final long MINUTE = 60_000L;
    static final long HOUR = 3_600_000L;

    private Registry registry;
    private AlertSettings settings;

    @BeforeEach
    void load() throws Exception {
        registry = RegistryLoader.load(
                Path.of(getClass().getResource("/registry-devices.yaml").toURI()));
        settings = AlertSettings.of(new JobConfig.Alerts(), "Asia/Shanghai");
    }

    static <I> KeyedOneInputStreamOperatorTestHarness<String, I, AlertEvent> harness(
            KeyedProcessFunction<String, I, AlertEvent> f, KeySelector<I, String> key) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, I, AlertEvent> h =
                new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(f), key, Types.STRING);
        h.open();
        return h;
    }

    /** The reading alerts (no data, instrument, clock skew): input 1 reading flags, input 2 clock samples. */
    static KeyedTwoInputStreamOperatorTestHarness<String, SourceReading, SourceReading, AlertEvent> readingAlerts(
            Registry registry, AlertSettings settings) throws Exception {
        KeyedTwoInputStreamOperatorTestHarness<String, SourceReading, SourceReading, AlertEvent> h =
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        new KeyedCoProcessOperator<>(new ReadingAlerts(registry, settings)),
                        r -> r.mn,
                        r -> r.mn,
                        Types.STRING);
        h.open();
        return h;
    }

    static EmissionRecord hour(long start, double refMgM3, boolean valid) {
        EmissionRecord r = new EmissionRecord();
        r.enterprise = "power";
        r.source = "u1-stack";
        r.stack = true;
        r.pollutant = "a21026";
        r.window = "1h";
        r.windowStartMillis = start;
        r.valid = valid;
        r.concRefMgM3 = refMgM3;
        r.limitMgM3 = 35.0;
        r.exceeded = valid ? refMgM3 > 35.0 : null;
        return r;
    }

    @Test
    void exceedanceFiresOnAnHourOverTheLimitAndResolvesAfterAValidHourWithin() throws Exception {
        var h = harness(new ExceedanceAlerts(registry, settings), ExceedanceAlerts::key);
        h.processElement(hour(T0, 30, true), 0);
        h.processElement(hour(T0 + HOUR, 80, true), 0);
        h.processElement(hour(T0 + HOUR, 81, true), 0); // the same hour again (corrected): counted once
        h.processElement(hour(T0 + 2 * HOUR, 60, true), 0); // still over: no second FIRING
        h.processElement(hour(T0 + 3 * HOUR, 20, false), 0); // invalid: says nothing
        h.processElement(hour(T0 + 4 * HOUR, 20, true), 0);
        List<AlertEvent> out = h.extractOutputValues();
        assertThat(out).extracting(a -> a.state).containsExactly("firing", "resolved");
        AlertEvent fired = out.get(0);
        assertThat(fired.id)
                .isEqualTo("exceedance:power/u1-stack/a21026:2026-11-26T03:00:00Z")
                .isEqualTo(out.get(1).id);
        assertThat(fired.value).isEqualTo(80.0);
        assertThat(fired.threshold).isEqualTo(35.0);
        assertThat(fired.severity).isEqualTo("critical");
        assertThat(fired.message)
                .isEqualTo("【超标】测试电厂 u1-stack 二氧化硫小时均值（折算）80.0 mg/m³，超过排放限值35.0 mg/m³（2026-11-26 11:00时段）");
        assertThat(out.get(1).timeMillis).isEqualTo(T0 + 4 * HOUR);
    }

    static EfficiencyRecord minute(int m, double pct) {
        EfficiencyRecord e = new EfficiencyRecord();
        e.enterprise = "power";
        e.source = "u1-stack";
        e.device = "u1-fgd";
        e.deviceType = "fgd";
        e.pollutant = "a21026";
        e.window = "1m";
        e.windowStartMillis = T0 + m * MINUTE;
        e.valid = true;
        e.running = true;
        e.efficiencyPct = pct;
        e.baselinePct = 98.0;
        e.minEfficiencyPct = 95.0;
        return e;
    }

    /**
     * u1-fgd: minimum 95 %, baseline 98 % − 2 points = 96 %, the threshold. Flapping around it
     * before and after a sustained drop gives one FIRING (the 15th low minute in a row) and one
     * RESOLVED (the 15th normal minute in a row).
     */
    @Test
    void flappingEfficiencyGivesOneFiringAndOneResolved() throws Exception {
        var h = harness(new EfficiencyDropAlerts(registry, settings), EfficiencyDropAlerts::key);
        int m = 0;
        for (; m < 30; m++) {
            h.processElement(minute(m, m % 2 == 0 ? 95.5 : 97.0), 0); // flapping: never 15 low in a row
        }
        for (; m < 50; m++) {
            EfficiencyRecord e = minute(m, 90.0);
            e.running = m != 40; // a stopped minute neither counts nor resets
            h.processElement(e, 0);
        }
        for (; m < 80; m++) {
            h.processElement(minute(m, m % 3 == 0 ? 95.9 : 97.5), 0); // flapping while firing: never 15 normal in a row
        }
        for (; m < 100; m++) {
            h.processElement(minute(m, 97.5), 0);
        }
        List<AlertEvent> out = h.extractOutputValues();
        assertThat(out).extracting(a -> a.state).containsExactly("firing", "resolved");
        assertThat(out.get(0).timeMillis).isEqualTo(T0 + 45 * MINUTE); // minutes 30..44 low (40 stopped), 45 the 15th
        assertThat(out.get(0).startMillis).isEqualTo(T0 + 30 * MINUTE);
        assertThat(out.get(0).value).isEqualTo(90.0);
        assertThat(out.get(0).threshold).isCloseTo(96.0, within(1e-9));
        assertThat(out.get(0).device).isEqualTo("u1-fgd");
        assertThat(out.get(1).timeMillis).isEqualTo(T0 + 93 * MINUTE); // 78 (78 % 3 == 0) the last low; 79..93 normal
        assertThat(out.get(1).id).isEqualTo(out.get(0).id);
    }

    static SourceReading reading(long time, String flag) {
        SourceReading r = new SourceReading();
        r.enterprise = "power";
        r.source = "u1-fgd-in";
        r.mn = "DEVMN0000000000000000002";
        r.cn = "2011";
        r.timeMillis = time;
        Map<String, Measure> values = new LinkedHashMap<>();
        values.put("a21026", new Measure(2000, null, "N".equals(flag), flag));
        values.put("a00000", new Measure(1.8e6, null, true, "N"));
        r.reported = values;
        r.measures = values;
        return r;
    }

    /** Fault D allowed 10 min, hold 10 min: a 5-minute D stays quiet; a 20-minute one fires once and resolves once. */
    @Test
    void instrumentFaultLongerThanAllowedFiresAndResolvesAfterTheHold() throws Exception {
        var h = readingAlerts(registry, settings);
        long t = T0;
        for (int i = 0; i < 30; i++, t += 10_000) {
            h.processElement1(reading(t, "D"), 0); // 5 min of D
        }
        for (int i = 0; i < 6; i++, t += 10_000) {
            h.processElement1(reading(t, "N"), 0);
        }
        long faultStart = t;
        for (int i = 0; i < 120; i++, t += 10_000) {
            h.processElement1(reading(t, "D"), 0); // 20 min of D
        }
        long back = t;
        for (int i = 0; i < 2; i++, t += 10_000) {
            h.processElement1(reading(t, "N"), 0);
        }
        h.processElement1(reading(t, "D"), 0); // a relapse restarts the hold
        t += 10_000;
        long clear = t;
        for (int i = 0; i < 70; i++, t += 10_000) {
            h.processElement1(reading(t, "N"), 0);
        }
        List<AlertEvent> out = h.extractOutputValues();
        assertThat(out)
                .extracting(a -> a.type + " " + a.state)
                .containsExactly("instrument_fault firing", "instrument_fault resolved");
        assertThat(out.get(0).timeMillis).isEqualTo(faultStart + 10 * MINUTE);
        assertThat(out.get(0).value).isEqualTo(10.0);
        assertThat(out.get(0).threshold).isEqualTo(10.0);
        assertThat(out.get(1).timeMillis).isEqualTo(clear).isGreaterThan(back);
    }

    @Test
    void noDataFiresWhenARunningPointFallsSilentAndResolvesOnItsNextReading() throws Exception {
        var h = readingAlerts(registry, settings);
        h.setProcessingTime(0);
        h.processElement1(reading(T0, "N"), 0);
        h.setProcessingTime(9 * MINUTE);
        h.processElement1(reading(T0 + MINUTE, "N"), 0);
        h.setProcessingTime(18 * MINUTE); // 9 min after the last reading: quiet
        assertThat(h.extractOutputValues()).isEmpty();
        h.setProcessingTime(19 * MINUTE + 1);
        h.setProcessingTime(40 * MINUTE); // fires once, not again while silent
        h.processElement1(reading(T0 + 30 * MINUTE, "N"), 0);
        // this processing clock starts at 0, far from the DataTimes: the clock-skew rule fires too
        List<AlertEvent> out = h.extractOutputValues().stream()
                .filter(a -> a.type.equals("no_data"))
                .toList();
        assertThat(out).extracting(a -> a.state).containsExactly("firing", "resolved");
        assertThat(out.get(0).timeMillis).isEqualTo(T0 + MINUTE);
        assertThat(out.get(1).timeMillis).isEqualTo(T0 + 30 * MINUTE);
        assertThat(out.get(0).value).isCloseTo(10.0, within(1e-3)); // minutes silent when it fired
        assertThat(out.get(1).value).isCloseTo(31.0, within(1e-3)); // and when it came back
        assertThat(out.get(0).message).contains("数据中断");
    }

    /** F with the flow about zero (under 1000 m3/h) is a source stop: the point may fall silent. */
    @Test
    void aStoppedSourceMayFallSilent() throws Exception {
        var h = readingAlerts(registry, settings);
        h.setProcessingTime(0);
        SourceReading stopped = reading(T0, "F");
        stopped.reported.put("a00000", new Measure(400, null, false, "F"));
        h.processElement1(NoDataAlerts.withoutValues(stopped), 0);
        h.setProcessingTime(60 * MINUTE);
        assertThat(h.extractOutputValues()).isEmpty();
    }

    /**
     * A logger retransmitting an older minute (HJ 212-2017 CN 2051 on request, or its own backlog):
     * both rules judge by the newest DataTime. The backfill flagged D starts no fault run, and the
     * silence after it is judged on the newest reading, a source stop (F with flow 400 m3/h).
     */
    @Test
    void aBackfilledOlderReadingChangesNeitherRule() throws Exception {
        var h = readingAlerts(registry, settings);
        h.setProcessingTime(0);
        SourceReading stopped = reading(T0 + 30 * MINUTE, "F");
        stopped.reported.put("a00000", new Measure(400, null, false, "F"));
        h.processElement1(NoDataAlerts.withoutValues(stopped), 0);
        for (int m = 0; m < 20; m++) {
            h.processElement1(NoDataAlerts.withoutValues(reading(T0 + m * MINUTE, "D")), 0);
        }
        h.setProcessingTime(60 * MINUTE);
        assertThat(h.extractOutputValues()).extracting(a -> a.type).doesNotContain("no_data", "instrument_fault");
    }

    /** Every value F but the flow running (1.8e6 m3/h): the instrument stopped, not the source; its silence fires. */
    @Test
    void aStoppedInstrumentMayNotFallSilent() throws Exception {
        var h = readingAlerts(registry, settings);
        h.setProcessingTime(0);
        SourceReading stopped = reading(T0, "F");
        stopped.reported.get("a00000").flag = "F";
        h.processElement1(NoDataAlerts.withoutValues(stopped), 0);
        h.setProcessingTime(60 * MINUTE);
        assertThat(h.extractOutputValues())
                .extracting(a -> a.type + " " + a.state)
                .containsExactly("no_data firing");
    }

    /**
     * SO2 flagged F with the flow running, allowed 10 min, hold 10 min: fires 10 min after the first F
     * and resolves at the first N that stays; the same F with the flow at 0 (a source stop) is quiet.
     */
    @Test
    void instrumentStoppedWithoutCorroborationFiresAndResolves() throws Exception {
        var h = readingAlerts(registry, settings);
        long t = T0;
        for (int i = 0; i < 90; i++, t += 10_000) {
            h.processElement1(NoDataAlerts.withoutValues(reading(t, "F")), 0); // 15 min of F, flow 1.8e6
        }
        long back = t;
        for (int i = 0; i < 61; i++, t += 10_000) {
            h.processElement1(NoDataAlerts.withoutValues(reading(t, "N")), 0);
        }
        for (int i = 0; i < 120; i++, t += 10_000) {
            SourceReading stopped = reading(t, "F");
            stopped.reported.put("a00000", new Measure(0, null, false, "F"));
            h.processElement1(NoDataAlerts.withoutValues(stopped), 0);
        }
        List<AlertEvent> out = h.extractOutputValues();
        assertThat(out)
                .extracting(a -> a.type + " " + a.state)
                .containsExactly("instrument_stopped firing", "instrument_stopped resolved");
        assertThat(out.get(0).timeMillis).isEqualTo(T0 + 10 * MINUTE);
        assertThat(out.get(0).startMillis).isEqualTo(T0);
        assertThat(out.get(0).threshold).isEqualTo(10.0);
        assertThat(out.get(0).message).contains("停运");
        assertThat(out.get(1).timeMillis).isEqualTo(back);
    }

    @Test
    void englishMessages() throws Exception {
        JobConfig.Alerts en = new JobConfig.Alerts();
        en.language = "en";
        var h = harness(new ExceedanceAlerts(registry, AlertSettings.of(en, "Asia/Shanghai")), ExceedanceAlerts::key);
        h.processElement(hour(T0, 80, true), 0);
        assertThat(h.extractOutputValues().get(0).message)
                .isEqualTo(
                        "EXCEEDANCE: 测试电厂 u1-stack SO2 hourly average 80.0 mg/m³ (ref. O2) is above the limit 35.0 mg/m³, hour from 2026-11-26 10:00");
    }
}
