package org.cems.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.cems.core.reading.Reading;
import org.cems.core.registry.Registry;
import org.cems.hj212.ParameterCodes;
import org.junit.jupiter.api.Test;

/** The incidents change exactly their point, code and time span, by the documented amounts. */
class ScenariosTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final long START =
            LocalDateTime.of(2026, 11, 26, 10, 0).atZone(SHANGHAI).toInstant().toEpochMilli();
    static final long TICK = 10_000;
    static final long MINUTE = 60_000;
    static final long HOUR = 3_600_000;
    static final String U1_STACK = "150621A89001D3F3A51C0001";
    static final String U1_FGD_IN = "150621A89001D3F3A51C0002";
    static final String U1_SCR_IN = "150621A89001D3F3A51C0003";
    static final String U2_STACK = "150621A89001D3F3A51C0011";

    final Registry registry = RegistryFileTest.demoRegistry();
    final PlantModel model = new PlantModel(registry, 7);

    Scenarios place(String... specs) {
        return Scenarios.place(
                List.of(specs).stream().map(ScenarioSpec::parse).toList(),
                Optional.empty(),
                model,
                registry,
                START,
                TICK);
    }

    /** The one real-time reading the point sends at a tick; null when it sends none. */
    Reading readingAt(Scenarios s, String mn, long t) {
        List<Upload> uploads = s.uploadsAt(model.point(mn), t).stream()
                .filter(Upload::isRealTime)
                .toList();
        assertThat(uploads).hasSizeLessThanOrEqualTo(1);
        return uploads.isEmpty() ? null : uploads.get(0).reading;
    }

    double ratio(Scenarios s, String mn, String code, long t) {
        Reading plain = model.point(mn).readingAt(t);
        return readingAt(s, mn, t).values.get(code).rtd / plain.values.get(code).rtd;
    }

    @Test
    void parsesNameStartAndTarget() {
        ScenarioSpec s = ScenarioSpec.parse("fgd-pump-trip@20m:u2-fgd");
        assertThat(s.type().name()).isEqualTo("fgd-pump-trip");
        assertThat(s.after()).isEqualTo(Duration.ofMinutes(20));
        assertThat(s.target()).contains("u2-fgd");
        ScenarioSpec at = ScenarioSpec.parse("gateway-silent@2026-11-26T10:20:00+08:00");
        assertThat(at.at()).contains(Instant.parse("2026-11-26T02:20:00Z"));
        assertThat(at.target()).isEmpty();
        assertThat(ScenarioSpec.parse("scr-fouling").after()).isEqualTo(Duration.ofMinutes(10));
        assertThat(ScenarioSpec.parse("over-range@-20h:h1-stack").after()).isEqualTo(Duration.ofHours(-20));
        assertThat(ScenarioSpec.parse("interval-10m").type().name()).isEqualTo("interval-10m");
        assertThatThrownBy(() -> ScenarioSpec.parse("meltdown"))
                .hasMessageContaining("one of scr-fouling, fgd-pump-trip");
        assertThatThrownBy(() -> ScenarioSpec.parse("interval-7m"))
                .hasMessageContaining("[1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30]");
        assertThatThrownBy(() -> place("fgd-pump-trip:u9-fgd")).hasMessageContaining("no fgd device with id u9-fgd");
        assertThatThrownBy(() -> place("gap:u9-stack")).hasMessageContaining("no source with id u9-stack");
    }

    @Test
    void withoutScenariosEveryPointSendsItsModelReadingAtEveryTick() {
        Scenarios none = place();
        for (MonitoringPoint p : model.points()) {
            List<Upload> uploads = none.uploadsAt(p, START);
            assertThat(uploads).hasSize(1);
            assertThat(uploads.get(0).reading).isEqualTo(p.readingAt(START));
            assertThat(uploads.get(0).textItems).isEmpty();
        }
    }

    @Test
    void scrFoulingRampsOutletNoxToFourTimesThenRecovers() {
        Scenarios s = place("scr-fouling@0m:u1-scr");
        assertThat(ratio(s, U1_STACK, ParameterCodes.NOX, START - MINUTE)).isEqualTo(1.0);
        assertThat(ratio(s, U1_STACK, ParameterCodes.NOX, START + 30 * MINUTE)).isCloseTo(2.5, within(0.01));
        assertThat(ratio(s, U1_STACK, ParameterCodes.NOX, START + 75 * MINUTE)).isCloseTo(4.0, within(0.01));
        assertThat(ratio(s, U1_STACK, ParameterCodes.NOX, START + 90 * MINUTE)).isEqualTo(1.0);
        assertThat(ratio(s, U1_STACK, ParameterCodes.SO2, START + 75 * MINUTE)).isEqualTo(1.0);
    }

    @Test
    void pumpTripFaultAndSilenceLastTheirTime() {
        Scenarios s = place("fgd-pump-trip@20m:u1-fgd", "analyser-fault@0m:u1-fgd-in", "gateway-silent@1h:u1-fgd-in");
        assertThat(ratio(s, U1_STACK, ParameterCodes.SO2, START + 20 * MINUTE)).isCloseTo(12.0, within(0.01));
        assertThat(ratio(s, U1_STACK, ParameterCodes.SO2, START + 50 * MINUTE)).isEqualTo(1.0);
        Reading faulty = readingAt(s, U1_FGD_IN, START + 19 * MINUTE);
        assertThat(faulty.values.get(ParameterCodes.SO2).flag).isEqualTo("D");
        assertThat(faulty.values.get(ParameterCodes.FLOW).flag).isEqualTo("N");
        assertThat(readingAt(s, U1_FGD_IN, START + 20 * MINUTE).values.get(ParameterCodes.SO2).flag)
                .isNotEqualTo("D");
        assertThat(readingAt(s, U1_FGD_IN, START + 74 * MINUTE)).isNull();
        assertThat(readingAt(s, U1_FGD_IN, START + 75 * MINUTE)).isNotNull();
    }
}
