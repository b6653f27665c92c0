package org.cems.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.cems.core.reading.Reading;
import org.cems.core.registry.Registry;
import org.cems.hj212.ParameterCodes;
import org.junit.jupiter.api.Test;

/** The incidents change exactly their point, code and time span, by the documented amounts. */
class ScenariosTest {
    static final long START = LocalDateTime.of(2026, 11, 26, 10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli();
    static final long MINUTE = 60_000;
    static final String U1_STACK = "150621A89001D3F3A51C0001";
    static final String U1_FGD_IN = "150621A89001D3F3A51C0002";

    final Registry registry = RegistryFileTest.demoRegistry();
    final PlantModel model = new PlantModel(registry, 7);

    Scenarios place(String... specs) {
        return Scenarios.place(List.of(specs).stream().map(ScenarioSpec::parse).toList(), registry, START);
    }

    double ratio(Scenarios s, String mn, String code, long t) {
        Reading plain = model.point(mn).readingAt(t);
        Reading changed = s.readingAt(model.point(mn), t);
        return changed.values.get(code).rtd / plain.values.get(code).rtd;
    }

    @Test
    void parsesNameStartAndTarget() {
        ScenarioSpec s = ScenarioSpec.parse("fgd-pump-trip@20m:u2-fgd");
        assertThat(s.kind()).isEqualTo(ScenarioKind.FGD_PUMP_TRIP);
        assertThat(s.after()).isEqualTo(Duration.ofMinutes(20));
        assertThat(s.target()).contains("u2-fgd");
        ScenarioSpec at = ScenarioSpec.parse("gateway-silent@2026-11-26T10:20:00+08:00");
        assertThat(at.at()).contains(Instant.parse("2026-11-26T02:20:00Z"));
        assertThat(at.target()).isEmpty();
        assertThat(ScenarioSpec.parse("scr-fouling").after()).isEqualTo(Duration.ofMinutes(10));
        assertThatThrownBy(() -> ScenarioSpec.parse("meltdown")).hasMessageContaining("one of scr-fouling, fgd-pump-trip");
        assertThatThrownBy(() -> place("fgd-pump-trip:u9-fgd")).hasMessageContaining("no fgd device with id u9-fgd");
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
        Reading faulty = s.readingAt(model.point(U1_FGD_IN), START + 19 * MINUTE);
        assertThat(faulty.values.get(ParameterCodes.SO2).flag).isEqualTo("D");
        assertThat(faulty.values.get(ParameterCodes.FLOW).flag).isEqualTo("N");
        assertThat(s.readingAt(model.point(U1_FGD_IN), START + 20 * MINUTE).values.get(ParameterCodes.SO2).flag).isNotEqualTo("D");
        assertThat(s.readingAt(model.point(U1_FGD_IN), START + 74 * MINUTE)).isNull();
        assertThat(s.readingAt(model.point(U1_FGD_IN), START + 75 * MINUTE)).isNotNull();
    }
}
