package org.cems.job.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.cems.core.reading.StationMeasurement;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryLoader;
import org.cems.job.config.JobConfig;
import org.cems.job.emission.SourcePeriod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * treatment_no_power with the minute flow as the production evidence (no production meter sends):
 * the FGD's meter (d30106) at 0 while the stack's flow is above the stop threshold.
 */
class TreatmentPowerAlertsTest {
    private static final String MN = "PWRMN0000000000000000001";
    private static final long MINUTE = 60_000L;
    /** 2026-11-26 10:00 in Asia/Shanghai. */
    private static final long TEN = 1_795_658_400_000L;

    private KeyedTwoInputStreamOperatorTestHarness<String, StationMeasurement, SourcePeriod, AlertEvent> h;

    @BeforeEach
    void open() throws Exception {
        Registry registry = RegistryLoader.load(
                Path.of(getClass().getResource("/registry-power.yaml").toURI()));
        JobConfig config = new JobConfig();
        var alerts = new TreatmentPowerAlerts(
                registry,
                AlertSettings.of(config.alerts, "Asia/Shanghai"),
                config.facilityPower.noPowerBelow,
                config.stopDetection.flowBelowM3H);
        h = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(alerts),
                new TreatmentPowerAlerts.SourceKey(registry),
                SourcePeriod::sourceKey,
                Types.STRING);
        h.open();
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    @Test
    void flowsCountFromTheSourcesFirstElectricityValueOn() throws Exception {
        // an hour of flows before any electricity: kept by nobody, so the first value has no evidence
        for (int m = 0; m < 60; m++) {
            h.processElement2(flow(TEN + m * MINUTE), 0);
        }
        assertThat(h.numKeyedStateEntries()).isZero();
        for (int m = 60; m <= 80; m++) {
            h.processElement1(fgdPower(TEN + m * MINUTE, 0.0), 0);
            h.processElement2(flow(TEN + m * MINUTE), 0);
        }

        // 11:00 says nothing; from 11:01 the flow of 11:00 on says production runs: 15 minutes to 11:16
        List<AlertEvent> events = h.extractOutputValues();
        assertThat(events).singleElement().satisfies(a -> {
            assertThat(a.type).isEqualTo(AlertType.TREATMENT_NO_POWER.code());
            assertThat(a.state).isEqualTo(AlertEvent.FIRING);
            assertThat(a.startMillis).isEqualTo(TEN + 61 * MINUTE);
        });
    }

    private static StationMeasurement fgdPower(long time, double kw) {
        StationMeasurement m = new StationMeasurement(MN, StationMeasurement.FACILITY_POWER, "2011", time, "d30106");
        m.numbers.put("Rtd", kw);
        return m;
    }

    private static SourcePeriod flow(long minute) {
        SourcePeriod p = new SourcePeriod();
        p.enterprise = "power";
        p.source = "u1-stack";
        p.window = "1m";
        p.windowStartMillis = minute;
        p.flowM3H = 1_000_000.0;
        return p;
    }
}
