package org.cems.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cems.core.registry.Device;
import org.cems.core.registry.Enterprise;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryLoader;
import org.cems.core.registry.Source;
import org.cems.core.registry.SourceRef;
import org.junit.jupiter.api.Test;

/** The demo registry in docker/config loads through core's validating loader and holds the plants the issue asks for. */
class RegistryFileTest {
    static final Path DEMO_REGISTRY = Path.of("..", "docker", "config", "registry.yaml");

    static Registry demoRegistry() {
        return RegistryLoader.load(DEMO_REGISTRY);
    }

    @Test
    void loadsWithCityTargetsAndThreeEnterprises() {
        Registry r = demoRegistry();

        assertThat(r.city).isEqualTo("Ordos");
        assertThat(r.timezone).isEqualTo("Asia/Shanghai");
        assertThat(r.baselineYear).isEqualTo(2023);
        assertThat(r.target(2024, "nox_reduction_t")).isEqualTo(200);
        assertThat(r.target(2024, "vocs_reduction_t")).isEqualTo(100);
        assertThat(r.target(2024, "equipment_efficiency_gain_pct")).isEqualTo(3);
        assertThat(r.target(2025, "nox_reduction_t")).isNull();
        assertThat(r.target(2026, "nox_reduction_t")).isEqualTo(923);
        assertThat(r.target(2026, "vocs_reduction_t")).isEqualTo(553);
        assertThat(r.target(2026, "equipment_efficiency_gain_pct")).isEqualTo(10);
        assertThat(r.target(2026, "coal_rate_net_gce_kwh")).isEqualTo(290);
        assertThat(r.enterprises)
                .extracting(e -> e.industry)
                .containsExactly("thermal_power", "coal_chemical", "coking");
        for (Enterprise e : r.enterprises) {
            assertThat(e.baselineT).as(e.id).containsKeys("a21002", "a24088");
        }
    }

    @Test
    void mnsAre24HexCharactersAndUnique() {
        List<String> mns =
                demoRegistry().allSources().stream().map(ref -> ref.source().mn).toList();

        assertThat(mns).hasSize(12).doesNotHaveDuplicates().allMatch(mn -> mn.matches("[0-9A-F]{24}"));
    }

    @Test
    void powerPlantHasTwo600MwUnitsWithFgdAndScrInlets() {
        Enterprise power = demoRegistry().enterprises.get(0);
        List<Source> stacks = power.sources.stream().filter(Source::isStack).toList();

        assertThat(stacks).hasSize(2).allSatisfy(s -> {
            assertThat(s.kind).isEqualTo("coal_boiler");
            assertThat(s.capacityMw).isEqualTo(600.0);
            assertThat(s.limitsMgM3)
                    .containsEntry("a34013", 10.0)
                    .containsEntry("a21026", 35.0)
                    .containsEntry("a21002", 50.0);
            assertThat(s.units).containsEntry("a00000", "m3/h").containsEntry("a05001", "pct");
        });
        Map<String, Double> baselineByType = power.devices.stream()
                .collect(Collectors.toMap(d -> d.type, d -> d.baselineEfficiencyPct, (a, b) -> a));
        assertThat(baselineByType).containsEntry("fgd", 98.0).containsEntry("scr", 85.0);
        assertThat(power.devices)
                .hasSize(4)
                .allSatisfy(d -> assertThat(sourceRole(power, d.inlet)).isEqualTo("inlet"));
    }

    @Test
    void olefinsPlantHasProcessHeatersAndAVocsVent() {
        Enterprise olefins = demoRegistry().enterprises.get(1);

        assertThat(olefins.sources)
                .filteredOn(s -> s.kind.equals("process_heater"))
                .hasSize(2);
        Device vocs = olefins.devices.get(0);
        assertThat(vocs.type).isEqualTo("vocs");
        assertThat(vocs.pollutant).isEqualTo("a24088");
        assertThat(sourceRole(olefins, vocs.inlet)).isEqualTo("inlet");
    }

    @Test
    void cokingPlantHasACokeOvenStack() {
        List<SourceRef> coking = demoRegistry().allSources().stream()
                .filter(ref -> ref.enterprise().industry.equals("coking"))
                .toList();

        assertThat(coking).extracting(ref -> ref.source().kind).containsOnly("coke_oven");
    }

    private static String sourceRole(Enterprise e, String sourceId) {
        return e.sources.stream().filter(s -> s.id.equals(sourceId)).findFirst().orElseThrow().role;
    }
}
