package org.cems.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry keys for HJ 212-2025 data: power_meters, production conditions in facilities, production_condition_marks. */
class RegistryHj2025Test {
    private static final String LIMITS = "limits_mg_m3: {a34013: 10, a21026: 35, a21002: 50}";

    private static String with(String sourceKeys, String topKeys) {
        return topKeys + "\n" + RegistryLoaderTest.CONTRACT_EXAMPLE.replace(LIMITS, LIMITS + "\n        " + sourceKeys);
    }

    @Test
    void powerMetersAndConditionMarks() {
        Registry r = RegistryLoaderTest.parse(with(
                "power_meters: {d20105: production, d30106: u1-scr}\n        facilities: {SB1: production, p99101: production}",
                "production_condition_marks: {Sd: stopped, St: startup}"));
        Source s = r.byMn("010000A8900016F000169DC0").source();
        assertThat(s.powerMeters).containsExactly(Map.entry("d20105", "production"), Map.entry("d30106", "u1-scr"));
        assertThat(s.facilities).containsEntry("p99101", "production");
        assertThat(r.productionConditionMarks).containsExactly(Map.entry("Sd", "stopped"), Map.entry("St", "startup"));
    }

    @Test
    void wrongMappingsStopTheJobAtStart() {
        assertThatThrownBy(() -> RegistryLoaderTest.parse(with(
                        "power_meters: {d20105: u1-scr, d30106: u1-fgd, a21026: production}\n        facilities: {p99101: u1-scr}",
                        "production_condition_marks: {St: start}")))
                .satisfies(
                        e -> assertThat(((RegistryException) e).problems())
                                .containsExactly(
                                        "enterprises[0].sources[0].facilities.p99101: a production condition (pxxxxx) can only be production, not \"u1-scr\"",
                                        "enterprises[0].sources[0].power_meters.d20105: a production-facility meter (d2xxxx) is production, not \"u1-scr\"",
                                        "enterprises[0].sources[0].power_meters.d30106: \"u1-fgd\" is not a device of enterprise \"dlt-power\" (devices: u1-scr)",
                                        "enterprises[0].sources[0].power_meters: \"a21026\" is not an electricity code (d2xxxx production, d3xxxx treatment facility)",
                                        "production_condition_marks.St: \"start\" is not one of stopped, startup, shutdown, fault, normal"));
    }
}
