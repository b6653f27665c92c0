package org.cems.job.efficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryLoader;
import org.cems.job.emission.EmissionRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Efficiency, mass efficiency, removed mass, baseline delta and operating rate of device u1-fgd, worked by hand. */
class DeviceEfficiencyTest {
    static final long HOUR10 =
            OffsetDateTime.parse("2026-11-26T10:00:00+08:00").toInstant().toEpochMilli();
    static final long MINUTE = 60_000L;

    private KeyedOneInputStreamOperatorTestHarness<String, DeviceSide, EfficiencyRecord> harness;

    @BeforeEach
    void open() throws Exception {
        Registry registry = RegistryLoader.load(
                Path.of(getClass().getResource("/registry-devices.yaml").toURI()));
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DeviceEfficiency(registry, "Asia/Shanghai", 2 * 3_600_000L)),
                DeviceSide::deviceKey,
                Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    static EmissionRecord record(
            String source,
            String window,
            long start,
            double refMgM3,
            double rateKgH,
            Double massKg,
            boolean valid,
            boolean stopped) {
        EmissionRecord r = new EmissionRecord();
        r.enterprise = "power";
        r.source = source;
        r.pollutant = "a21026";
        r.window = window;
        r.windowStartMillis = start;
        r.concRefMgM3 = refMgM3;
        r.rateKgH = rateKgH;
        r.massKg = massKg;
        r.valid = valid;
        r.validCount = stopped ? 0 : 1;
        r.stoppedCount = stopped ? 1 : 0;
        return r;
    }

    void send(String side, EmissionRecord r) throws Exception {
        DeviceSide s = new DeviceSide();
        s.enterprise = "power";
        s.device = "u1-fgd";
        s.side = side;
        s.record = r;
        harness.processElement(s, r.windowStartMillis);
    }

    List<EfficiencyRecord> out() {
        return harness.extractOutputValues();
    }

    @Test
    void efficiencyNeedsBothSidesAndTheLatestVersionWins() throws Exception {
        send(DeviceSide.INLET, record("u1-fgd-in", "1m", HOUR10, 2000, 3000, 50.0, true, false));
        assertThat(out()).isEmpty();
        send(DeviceSide.OUTLET, record("u1-stack", "1m", HOUR10, 30, 54, 0.9, true, false));
        EfficiencyRecord e = out().get(0);
        assertThat(e.efficiencyPct).isCloseTo(98.5, within(1e-9)); // (2000 − 30) / 2000
        assertThat(e.massEfficiencyPct).isCloseTo(98.2, within(1e-9)); // (3000 − 54) / 3000
        assertThat(e.removedKg).isCloseTo(49.1, within(1e-9));
        assertThat(e.deltaPct).isCloseTo(0.5, within(1e-9)); // baseline 98
        assertThat(e.valid).isTrue();
        assertThat(e.running).isTrue();
        assertThat(e.source).isEqualTo("u1-stack");
        assertThat(e.deviceType).isEqualTo("fgd");
        assertThat(e.operatingRatePct).isNull();
        // the outlet minute is corrected (re-emitted after late data): efficiency follows
        send(DeviceSide.OUTLET, record("u1-stack", "1m", HOUR10, 100, 180, 3.0, true, false));
        assertThat(out().get(1).efficiencyPct).isCloseTo(95.0, within(1e-9));
    }

    /**
     * An hour of 60 minutes: 10 stopped (flag F), 40 in service, 5 bypassed (efficiency 20 % under
     * half the 95 % minimum), 5 without inlet data. Ran 50, in service 40: operating rate 80 %.
     */
    @Test
    void operatingRateCountsMinutesInServiceOverMinutesRunning() throws Exception {
        for (int m = 0; m < 60; m++) {
            long t = HOUR10 + m * MINUTE;
            boolean stopped = m < 10;
            send(
                    DeviceSide.OUTLET,
                    record("u1-stack", "1m", t, m >= 50 && m < 55 ? 1600 : 30, 50, 1.0, !stopped, stopped));
            if (m < 55) {
                send(DeviceSide.INLET, record("u1-fgd-in", "1m", t, 2000, 3000, 50.0, !stopped, stopped));
            }
        }
        send(DeviceSide.INLET, record("u1-fgd-in", "1h", HOUR10, 2000, 3000, 50.0, true, false));
        send(DeviceSide.OUTLET, record("u1-stack", "1h", HOUR10, 300, 500, 10.0, true, false));
        EfficiencyRecord hour = out().get(out().size() - 1);
        assertThat(hour.window).isEqualTo("1h");
        assertThat(hour.efficiencyPct).isCloseTo(85.0, within(1e-9));
        assertThat(hour.operatingRatePct).isCloseTo(80.0, within(1e-9));
    }

    void status(long time, int rs) throws Exception {
        DeviceSide s = new DeviceSide();
        s.enterprise = "power";
        s.device = "u1-fgd";
        s.side = DeviceSide.STATUS;
        s.status = new org.cems.core.reading.FacilityStatus("DEVMN0000000000000000001", "SB2", time, rs);
        harness.processElement(s, time);
    }

    /**
     * A day with two running hours in which the FGD always removes 98.5 % (by efficiency: in
     * service both hours, 100 %). The station reports it running at 10:00 and off at 10:30: hour 10
     * is in service 30 of 60 minutes; in hour 11 the off report holds its minutes up to 11:29 (an
     * hour after it, {@link DeviceEfficiency#STATUS_HOLD_MS}), the 30 minutes after fall back to
     * the efficiency, in service. Day: (0.5 + 0.5) / 2 hours = 50 %.
     */
    @Test
    void reportedStatusDecidesTheMinutesItCoversAndEfficiencyTheRest() throws Exception {
        long day = OffsetDateTime.parse("2026-11-26T00:00:00+08:00").toInstant().toEpochMilli();
        status(HOUR10, org.cems.core.reading.FacilityStatus.RUNNING);
        status(HOUR10 + 30 * MINUTE, org.cems.core.reading.FacilityStatus.OFF);
        for (long hour : new long[] {HOUR10, HOUR10 + 60 * MINUTE}) {
            send(DeviceSide.INLET, record("u1-fgd-in", "1h", hour, 2000, 3000, 50.0, true, false));
            send(DeviceSide.OUTLET, record("u1-stack", "1h", hour, 30, 54, 0.9, true, false));
        }
        send(DeviceSide.INLET, record("u1-fgd-in", "1d", day, 2000, 3000, 100.0, true, false));
        send(DeviceSide.OUTLET, record("u1-stack", "1d", day, 30, 54, 1.8, true, false));
        EfficiencyRecord d = out().get(out().size() - 1);
        assertThat(d.window).isEqualTo("1d");
        assertThat(d.efficiencyPct).isCloseTo(98.5, within(1e-9));
        assertThat(d.operatingRatePct).isCloseTo(50.0, within(1e-9));
    }

    /**
     * Five hours of minutes, lateness 2 h: at 14:59 the horizon is 12:59, so the minutes of hours
     * before 12:00 are gone (a re-emitted 10:30 outlet finds no inlet) and those after are kept.
     */
    @Test
    void windowsNoLateReadingCanChangeLeaveTheState() throws Exception {
        for (int m = 0; m < 300; m++) {
            long t = HOUR10 + m * MINUTE;
            send(DeviceSide.INLET, record("u1-fgd-in", "1m", t, 2000, 3000, 50.0, true, false));
            send(DeviceSide.OUTLET, record("u1-stack", "1m", t, 30, 54, 0.9, true, false));
        }
        int before = out().size();
        send(DeviceSide.OUTLET, record("u1-stack", "1m", HOUR10 + 30 * MINUTE, 40, 60, 1.0, true, false));
        assertThat(out()).hasSize(before);
        send(DeviceSide.OUTLET, record("u1-stack", "1m", HOUR10 + 150 * MINUTE, 40, 60, 1.0, true, false));
        assertThat(out()).hasSize(before + 1);
        assertThat(out().get(before).efficiencyPct).isCloseTo(98.0, within(1e-9)); // (2000 − 40) / 2000
    }
}
