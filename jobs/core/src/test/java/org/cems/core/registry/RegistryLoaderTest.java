package org.cems.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RegistryLoaderTest {
    static final String CONTRACT_EXAMPLE = """
            city: Ordos
            timezone: Asia/Shanghai
            baseline_year: 2023
            targets:
              2024: {nox_reduction_t: 200, vocs_reduction_t: 100, equipment_efficiency_gain_pct: 3}
              2026: {nox_reduction_t: 923, vocs_reduction_t: 553, equipment_efficiency_gain_pct: 10, coal_rate_net_gce_kwh: 290}
            enterprises:
              - id: dlt-power
                name: 达拉特电厂
                park: dalate
                industry: thermal_power
                baseline_t: {a21002: 4200, a24088: 0}
                sources:
                  - id: u1-stack
                    mn: "010000A8900016F000169DC0"
                    kind: coal_boiler
                    capacity_mw: 600
                    units: {a00000: m3/h}
                    limits_mg_m3: {a34013: 10, a21026: 35, a21002: 50}
                  - id: u1-scr-in
                    mn: "010000A8900016F000169DC1"
                    kind: coal_boiler
                    role: inlet
                devices:
                  - id: u1-scr
                    type: scr
                    pollutant: a21002
                    inlet: u1-scr-in
                    outlet: u1-stack
                    baseline_efficiency_pct: 85.0
                    alert: {min_efficiency_pct: 80, max_drop_pct_points: 5}
            """;

    static Registry parse(String yaml) {
        return RegistryLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    @Test
    void loadsTheContractExample() {
        Registry r = parse(CONTRACT_EXAMPLE);
        assertThat(r.target(2026, "nox_reduction_t")).isEqualTo(923);
        assertThat(r.target(2024, "equipment_efficiency_gain_pct")).isEqualTo(3);
        assertThat(r.target(2025, "nox_reduction_t")).isNull();
        assertThat(r.efficiencyGainDefinition()).isEqualTo(EfficiencyGainDefinition.PENETRATION);
        SourceRef stack = r.byMn("010000A8900016F000169DC0");
        assertThat(stack.enterprise().id).isEqualTo("dlt-power");
        assertThat(stack.source().effectiveReferenceO2Pct()).isEqualTo(6.0);
        assertThat(stack.source().limitsMgM3).containsEntry("a21026", 35.0);
        assertThat(r.byMn("010000A8900016F000169DC1").source().isStack()).isFalse();
        assertThat(r.enterprises.get(0).devices.get(0).deviceType()).isEqualTo(DeviceType.SCR);
        assertThat(r.byMn("nope")).isNull();
    }

    @Test
    void reportsEveryProblemWithItsPlace() {
        String bad = CONTRACT_EXAMPLE
                .replace("mn: \"010000A8900016F000169DC1\"", "mn: \"010000A8900016F000169DC0\"")
                .replace("kind: coal_boiler\n        capacity_mw", "kind: steam_engine\n        capacity_mw")
                .replace("inlet: u1-scr-in", "inlet: u9-scr-in")
                .replace("a00000: m3/h", "a00000: l/min");
        assertThatThrownBy(() -> parse(bad))
                .isInstanceOf(RegistryException.class)
                .satisfies(e -> assertThat(((RegistryException) e).problems())
                        .containsExactlyInAnyOrder(
                                "enterprises[0].sources[1]: duplicate mn \"010000A8900016F000169DC0\" (also at enterprises[0].sources[0])",
                                "enterprises[0].sources[0]: unknown kind \"steam_engine\" (one of coal_boiler, gas_turbine, oil_boiler, gas_boiler, process_heater, coke_oven, process_vent, other)",
                                "enterprises[0].sources[0].units.a00000: unit \"l/min\" is not one of [m3/s, m3/h]",
                                "enterprises[0].devices[0]: inlet \"u9-scr-in\" is not a source of this enterprise"));
    }

    /** Units come from the parameter catalogue: O2 in %, and none for a code it does not describe. */
    @Test
    void unitsAreTheCataloguesForTheCode() {
        assertThat(parse(CONTRACT_EXAMPLE.replace("a00000: m3/h", "a00000: m3/h, a19001: pct, a21026: ppm")))
                .isNotNull();
        assertThatThrownBy(() ->
                        parse(CONTRACT_EXAMPLE.replace("a00000: m3/h", "a00000: m3/h, a25003: mg/m3, a19001: ppm")))
                .satisfies(e -> assertThat(((RegistryException) e).problems())
                        .containsExactlyInAnyOrder(
                                "enterprises[0].sources[0].units.a25003: the parameter catalogue gives no units for this code",
                                "enterprises[0].sources[0].units.a19001: unit \"ppm\" is not one of [pct]"));
    }

    @Test
    void unknownKeysAreNamed() {
        assertThatThrownBy(() -> parse(CONTRACT_EXAMPLE.replace("capacity_mw: 600", "capacity_mvv: 600")))
                .hasMessageContaining("unknown key \"capacity_mvv\"");
    }

    @Test
    void aDevicesInletAndOutletNeedOneReferenceO2() {
        String ventInlet = CONTRACT_EXAMPLE.replace(
                "kind: coal_boiler\n        role: inlet", "kind: process_vent\n        role: inlet");
        assertThatThrownBy(() -> parse(ventInlet))
                .satisfies(
                        e -> assertThat(((RegistryException) e).problems())
                                .containsExactly(
                                        "enterprises[0].devices[0]: inlet \"u1-scr-in\" has reference O2 none but outlet \"u1-stack\" has 6.0 %;"
                                                + " efficiency needs both on one basis: give the inlet the outlet's kind or reference_o2_pct"));
        String overridden = ventInlet.replace("kind: process_vent", "kind: process_vent\n        reference_o2_pct: 6");
        assertThat(parse(overridden).enterprises.get(0).devices).hasSize(1);
    }

    @Test
    void facilitiesAreTheProductionUnitOrADeviceOfTheEnterprise() {
        String mapped = CONTRACT_EXAMPLE.replace(
                "limits_mg_m3: {a34013: 10, a21026: 35, a21002: 50}",
                "limits_mg_m3: {a34013: 10, a21026: 35, a21002: 50}\n        facilities: {SB1: production, SB2: u1-scr}");
        assertThat(parse(mapped).byMn("010000A8900016F000169DC0").source().facilities)
                .containsExactly(java.util.Map.entry("SB1", "production"), java.util.Map.entry("SB2", "u1-scr"));
        assertThatThrownBy(() -> parse(mapped.replace("SB2: u1-scr", "SB2: u1-fgd, boiler: production")))
                .satisfies(
                        e -> assertThat(((RegistryException) e).problems())
                                .containsExactly(
                                        "enterprises[0].sources[0].facilities.SB2: \"u1-fgd\" is neither production nor a device of enterprise"
                                                + " \"dlt-power\" (devices: u1-scr)",
                                        "enterprises[0].sources[0].facilities: \"boiler\" is not a facility number as stations send it (SB and its number, e.g. SB1)"));
    }

    @Test
    void workingStateAndFlowFromVelocityNeedTheSitePressure() {
        String workingState =
                CONTRACT_EXAMPLE.replace("capacity_mw: 600", "capacity_mw: 600\n        working_state: true");
        assertThatThrownBy(() -> parse(workingState))
                .satisfies(
                        e -> assertThat(((RegistryException) e).problems())
                                .containsExactly(
                                        "enterprises[0].sources[0]: working_state (eq. 18 of HJ 212-2017 App. D) needs the site's ambient pressure:"
                                                + " set ambient_pressure_kpa or altitude_m on the source or its enterprise (Ordos: 1,100-1,500 m, 85-89 kPa)"));
        String ductArea = CONTRACT_EXAMPLE.replace("role: inlet", "role: inlet\n        duct_area_m2: 30");
        assertThatThrownBy(() -> parse(ductArea))
                .hasMessageContaining("enterprises[0].sources[1]: duct_area_m2 (flow from velocity, eq. 30/31)");

        // the enterprise's altitude is its sources' default; a source's own pressure wins
        Registry r = parse(workingState
                .replace("industry: thermal_power", "industry: thermal_power\n    altitude_m: 1300")
                .replace("role: inlet", "role: inlet\n        ambient_pressure_kpa: 88.5"));
        assertThat(r.byMn("010000A8900016F000169DC0").source().sitePressureKpa())
                .isCloseTo(86.652, org.assertj.core.api.Assertions.within(0.001));
        assertThat(r.byMn("010000A8900016F000169DC1").source().sitePressureKpa())
                .isEqualTo(88.5);
    }

    @Test
    void siteAndPlausibilityKeysAreChecked() {
        String bad = CONTRACT_EXAMPLE.replace(
                "capacity_mw: 600",
                "capacity_mw: 600\n        ambient_pressure_kpa: 101325\n"
                        + "        max_flow_m3_h: 0\n        o2_ceiling_pct: 21");
        assertThatThrownBy(() -> parse(bad))
                .satisfies(e -> assertThat(((RegistryException) e).problems())
                        .containsExactlyInAnyOrder(
                                "enterprises[0].sources[0]: ambient_pressure_kpa 101325.0 is not an ambient pressure in kPa (50-110)",
                                "enterprises[0].sources[0]: max_flow_m3_h must be a positive number",
                                "enterprises[0].sources[0]: o2_ceiling_pct must be in (0, 21)"));
        Source stack = parse(CONTRACT_EXAMPLE).byMn("010000A8900016F000169DC0").source();
        assertThat(stack.effectiveMaxFlowM3H()).isEqualTo(6.0e6); // 600 MW × 10,000 m3/h per MW
        assertThat(stack.effectiveO2CeilingPct()).isEqualTo(14.0); // boiler diluent cap, 40 CFR 75 App. F
    }

    @Test
    void positionIsOptionalButWholeAndInRange() {
        Registry r = parse(CONTRACT_EXAMPLE.replace("park: dalate", "park: dalate\n    lat: 40.39\n    lon: 110.03"));
        assertThat(r.enterprises.get(0).lat).isEqualTo(40.39);
        assertThat(r.enterprises.get(0).lon).isEqualTo(110.03);
        assertThat(parse(CONTRACT_EXAMPLE).enterprises.get(0).lat).isNull();
        assertThatThrownBy(() ->
                        parse(CONTRACT_EXAMPLE.replace("park: dalate", "park: dalate\n    lat: 109.8\n    lon: 39.6")))
                .satisfies(e -> assertThat(((RegistryException) e).problems())
                        .containsExactly("enterprises[0]: lat 109.8 is not a latitude in degrees (-90 to 90)"));
        assertThatThrownBy(() -> parse(CONTRACT_EXAMPLE.replace("park: dalate", "park: dalate\n    lon: 181")))
                .satisfies(e -> assertThat(((RegistryException) e).problems())
                        .containsExactlyInAnyOrder(
                                "enterprises[0]: give both lat and lon (WGS 84 degrees) or neither",
                                "enterprises[0]: lon 181.0 is not a longitude in degrees (-180 to 180)"));
    }

    /** SnakeYAML's default limit is 3 MB; a province's registry is larger (100,000 sources: about 17 MB). */
    @Test
    void registriesLargerThanSnakeYamlsDefaultLimitLoad() {
        StringBuilder y = new StringBuilder("city: Big\ntimezone: Asia/Shanghai\nenterprises:\n");
        int sources = 0;
        for (int e = 0; y.length() < 4 << 20; e++) {
            y.append("  - id: e").append(e).append("\n    park: p\n    industry: thermal_power\n    sources:\n");
            for (int k = 0; k < 4; k++, sources++) {
                y.append("      - {id: e")
                        .append(e)
                        .append('-')
                        .append(k)
                        .append(", mn: \"MN")
                        .append(sources)
                        .append("\", kind: coal_boiler, units: {a00000: m3/h}, limits_mg_m3: {a21026: 35}}\n");
            }
        }
        assertThat(parse(y.toString()).allSources()).hasSize(sources);
    }

    @Test
    void minuteIntervalAndStopSchedule() {
        Registry r = parse(CONTRACT_EXAMPLE.replace(
                "        limits_mg_m3: {a34013: 10, a21026: 35, a21002: 50}\n",
                "        limits_mg_m3: {a34013: 10, a21026: 35, a21002: 50}\n"
                        + "        minute_interval: 10\n"
                        + "        stop_schedule:\n"
                        + "          - {from: \"2026-11-26T08:00:00\", to: \"2026-11-26T09:00:00+08:00\"}\n"));
        Source s = r.byMn("010000A8900016F000169DC0").source();
        assertThat(s.minuteInterval).isEqualTo(10);
        long eight = java.time.OffsetDateTime.parse("2026-11-26T08:00:00+08:00")
                .toInstant()
                .toEpochMilli();
        assertThat(s.scheduledStop(eight)).isTrue();
        assertThat(s.scheduledStop(eight - 1)).isFalse();
        assertThat(s.scheduledStop(eight + 3_600_000L)).isFalse();
        assertThatThrownBy(
                        () -> parse(
                                CONTRACT_EXAMPLE.replace(
                                        "        kind: coal_boiler\n        capacity_mw: 600\n",
                                        "        kind: coal_boiler\n        capacity_mw: 600\n        minute_interval: 7\n"
                                                + "        stop_schedule: [{from: \"2026-11-26T09:00:00\", to: \"2026-11-26T08:00:00\"}, {from: soon, to: later}]\n")))
                .hasMessageContaining("enterprises[0].sources[0].minute_interval: 7 is not a HJ 212-2017 MinInterval")
                .hasMessageContaining("enterprises[0].sources[0].stop_schedule[0]: from must be before to")
                .hasMessageContaining("enterprises[0].sources[0].stop_schedule[1]: from and to must be ISO-8601 times");
    }

    @Test
    void theSingleTargetShapeOfEarlierVersionsSaysHowToMigrate() {
        String old = CONTRACT_EXAMPLE.replaceAll(
                "targets:\n( {2}20.*\n)+", "targets: {nox_reduction_t: 923, vocs_reduction_t: 553}\n");
        assertThat(old).contains("targets: {nox_reduction_t: 923");
        assertThatThrownBy(() -> parse(old))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("targets: give the plan's targets by year")
                .hasMessageContaining("moves them under the year they are for");
    }

    @Test
    void targetsNameAKpiAndMonthlyBaselinesGiveEveryMonth() {
        String bad = CONTRACT_EXAMPLE
                        .replace("coal_rate_net_gce_kwh: 290}", "coal_rate_gce_kwh: 290}")
                        .replace("2024: {nox_reduction_t: 200", "2024: {nox_reduction_t: -200")
                        .replace(
                                "baseline_t: {a21002: 4200, a24088: 0}",
                                "baseline_t: {a21002: 4200, a24088: 0}\n"
                                        + "    baseline_monthly_t: {a21002: {1: 400, 2: 400}, a24088: {1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1, 9: 1, 10: 1, 11: 1, 12: 1}}")
                + "efficiency_gain: absolute\n";
        assertThatThrownBy(() -> parse(bad))
                .isInstanceOf(RegistryException.class)
                .satisfies(
                        e -> assertThat(((RegistryException) e).problems())
                                .containsExactlyInAnyOrder(
                                        "targets.2026.coal_rate_gce_kwh: no KPI of that name (one of coal_rate_net_gce_kwh, equipment_efficiency_gain_pct,"
                                                + " nox_reduction_t, vocs_reduction_t)",
                                        "targets.2024.nox_reduction_t: a target must be a positive number",
                                        "efficiency_gain: unknown definition \"absolute\" (penetration or relative)",
                                        "enterprises[0].baseline_monthly_t.a21002: give the tonnes of each month 1 to 12",
                                        "enterprises[0].baseline_monthly_t.a24088: the months add up to 12.0 t but baseline_t gives 0.0 t"));
    }

    @Test
    void theYearlyBaselineIsTheSumOfTheMonthsWhenNotGiven() {
        Registry r = parse(
                CONTRACT_EXAMPLE.replace(
                        "baseline_t: {a21002: 4200, a24088: 0}",
                        "baseline_monthly_t: {a21002: {1: 500, 2: 450, 3: 400, 4: 300, 5: 250, 6: 250, 7: 250, 8: 250, 9: 250, 10: 300, 11: 450, 12: 550}}"));
        assertThat(r.enterprises.get(0).baselineT).containsEntry("a21002", 4200.0);
    }

    @Test
    void anHj212PasswordIsSetOneWayOnly() {
        String registry = CONTRACT_EXAMPLE.replaceFirst(
                "(\\n( *)capacity_mw: 600\\n)", "$1$2password: \"123456\"\n$2password_env: CEMS_PW_U1\n");
        assertThatThrownBy(() -> RegistryLoader.parse(
                        new ByteArrayInputStream(registry.getBytes(StandardCharsets.UTF_8)), "registry.yaml"))
                .hasMessageContaining("enterprises[0].sources[0]: set one of password, password_env and password_file");
        // the variable itself is read by the gateway and the simulator, not here: the job's machines need not hold it
        String byVariable =
                CONTRACT_EXAMPLE.replaceFirst("(\\n( *)capacity_mw: 600\\n)", "$1$2password_env: CEMS_PW_UNSET\n");
        Registry r = RegistryLoader.parse(
                new ByteArrayInputStream(byVariable.getBytes(StandardCharsets.UTF_8)), "registry.yaml");
        assertThat(r.allSources().get(0).source().passwordEnv).isEqualTo("CEMS_PW_UNSET");
    }
}
