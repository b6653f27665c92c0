package org.cems.job.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryLoader;
import org.cems.job.carbon.CarbonRecord;
import org.cems.job.efficiency.EfficiencyGains;
import org.cems.job.efficiency.EfficiencyRecord;
import org.cems.job.rollup.KpiRecord;
import org.junit.jupiter.api.Test;

/** Efficiency gains weighted by inlet mass and coal rates weighted by energy, per member and scope, worked by hand. */
class WeightedKpisTest {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final long DAY =
            LocalDate.of(2026, 11, 25).atStartOfDay(ZONE).toInstant().toEpochMilli();
    static final String REGISTRY = """
            city: C
            targets: {2026: {equipment_efficiency_gain_pct: 10, coal_rate_net_gce_kwh: 290}}
            %s
            enterprises:
              - id: a
                park: p
                sources:
                  - {id: u1, mn: "M1", kind: coal_boiler, capacity_mw: 600, aux_power_pct: 5}
                  - {id: u2, mn: "M2", kind: coal_boiler, capacity_mw: 660, aux_power_pct: 6}
                  - {id: u3, mn: "M3", kind: coal_boiler, capacity_mw: 1000}
                  - {id: u4, mn: "M4", kind: coal_boiler, capacity_mw: 350, aux_power_pct: 7}
            """;

    static Registry registry(String extra) {
        return RegistryLoader.parse(
                new ByteArrayInputStream(REGISTRY.formatted(extra).getBytes(StandardCharsets.UTF_8)), "test");
    }

    static EfficiencyRecord efficiency(String device, double pct, double baseline, double inletKg) {
        EfficiencyRecord e = new EfficiencyRecord();
        e.enterprise = "a";
        e.device = device;
        e.window = "1d";
        e.windowStartMillis = DAY;
        e.valid = true;
        e.efficiencyPct = pct;
        e.baselinePct = baseline;
        e.inletKg = inletKg;
        return e;
    }

    static CarbonRecord carbon(String source, double grossGceKwh, Double netGceKwh, double energyMwh) {
        CarbonRecord c = new CarbonRecord();
        c.enterprise = "a";
        c.park = "p";
        c.source = source;
        c.window = "1d";
        c.windowStartMillis = DAY;
        c.coalRateGrossGceKwh = grossGceKwh;
        c.coalRateNetGceKwh = netGceKwh;
        c.coalEnergyMwh = energyMwh;
        return c;
    }

    /** Runs the values through the weighted KPI, one harness per KPI key as Flink keys them, and returns the last record of each. */
    static List<KpiRecord> kpis(List<WeightedValue> values) throws Exception {
        List<KpiRecord> last = new ArrayList<>();
        for (String key : values.stream().map(WeightedValue::kpiKey).distinct().toList()) {
            try (KeyedOneInputStreamOperatorTestHarness<String, WeightedValue, KpiRecord> h =
                    new KeyedOneInputStreamOperatorTestHarness<>(
                            new KeyedProcessOperator<>(new WeightedDailyKpi()), WeightedValue::kpiKey, Types.STRING)) {
                h.open();
                for (WeightedValue v : values) {
                    if (v.kpiKey().equals(key)) {
                        h.processElement(v, v.dayStartMillis);
                    }
                }
                List<KpiRecord> out = h.extractOutputValues();
                last.add(out.get(out.size() - 1));
            }
        }
        return last;
    }

    static KpiRecord find(List<KpiRecord> kpis, String scope, String id, String indicator) {
        return kpis.stream()
                .filter(k -> k.scope.equals(scope) && k.id.equals(id) && k.indicator.equals(indicator))
                .findFirst()
                .orElseThrow();
    }

    static List<WeightedValue> collect(java.util.function.Consumer<Collector<WeightedValue>> producer) {
        List<WeightedValue> out = new ArrayList<>();
        producer.accept(new Collector<>() {
            @Override
            public void collect(WeightedValue v) {
                out.add(v);
            }

            @Override
            public void close() {}
        });
        return out;
    }

    @Test
    void efficiencyGainIsWeightedByTheMassEachDeviceTreats() throws Exception {
        EfficiencyGains gains = new EfficiencyGains(registry(""), "Asia/Shanghai");
        List<WeightedValue> values = collect(out -> {
            gains.flatMap(efficiency("fgd", 98.2, 98, 9000), out); // penetration 2 % -> 1.8 %: +10 %
            gains.flatMap(efficiency("scr", 82, 85, 1000), out); // 15 % -> 18 %: −20 %
            EfficiencyRecord corrected = efficiency("scr", 86.5, 85, 1000); // the day corrected: 15 % -> 13.5 %: +10 %
            gains.flatMap(efficiency("scr", 82, 85, 1000), out);
            gains.flatMap(corrected, out);
        });
        List<KpiRecord> kpis = kpis(values);
        assertThat(find(kpis, "device", "a/fgd", "equipment_efficiency_gain_pct").value)
                .isCloseTo(10, within(1e-9));
        assertThat(find(kpis, "device", "a/fgd", "equipment_efficiency_gain_pct").target)
                .isNull();
        assertThat(find(kpis, "device", "a/scr", "equipment_efficiency_gain_pct").value)
                .isCloseTo(10, within(1e-9));
        KpiRecord city = find(kpis, "city", "C", "equipment_efficiency_gain_pct");
        assertThat(city.value).isCloseTo(10, within(1e-9));
        assertThat(city.target).isEqualTo(10);
        assertThat(city.progressPct).isCloseTo(100, within(1e-9));
        // without the correction: (10 × 9000 − 20 × 1000) / 10000 = 7 %, not the unweighted −5 %
        List<KpiRecord> uncorrected = kpis(collect(out -> {
            gains.flatMap(efficiency("fgd", 98.2, 98, 9000), out);
            gains.flatMap(efficiency("scr", 82, 85, 1000), out);
        }));
        assertThat(find(uncorrected, "park", "p", "equipment_efficiency_gain_pct").value)
                .isCloseTo(7, within(1e-9));
        assertThat(find(uncorrected, "enterprise", "a", "equipment_efficiency_gain_pct").value)
                .isCloseTo(7, within(1e-9));
    }

    @Test
    void theRelativeDefinitionIsARegistryChoice() throws Exception {
        EfficiencyGains gains = new EfficiencyGains(registry("efficiency_gain: relative"), "Asia/Shanghai");
        List<KpiRecord> kpis = kpis(collect(out -> gains.flatMap(efficiency("fgd", 98.2, 98, 9000), out)));
        assertThat(find(kpis, "city", "C", "equipment_efficiency_gain_pct").value)
                .isCloseTo(0.2 / 98 * 100, within(1e-9));
    }

    @Test
    void coalRatesOfTheLargeUnitsAreWeightedByEnergyAndNetOnlyWithAuxiliaryPower() throws Exception {
        CoalRates rates = new CoalRates(registry(""), "Asia/Shanghai");
        List<KpiRecord> kpis = kpis(collect(out -> {
            rates.flatMap(carbon("u1", 280, 280 / 0.95, 12000), out);
            rates.flatMap(carbon("u2", 300, 300 / 0.94, 8000), out);
            rates.flatMap(carbon("u3", 270, null, 20000), out); // no aux_power_pct: gross only
            rates.flatMap(carbon("u4", 320, 320 / 0.93, 7000), out); // 350 MW: not in the KPI
        }));
        // net: standard coal over supplied energy = Σ rate × supplied / Σ supplied
        double supplied1 = 12000 * 0.95;
        double supplied2 = 8000 * 0.94;
        double net = (280 / 0.95 * supplied1 + 300 / 0.94 * supplied2) / (supplied1 + supplied2);
        assertThat(net).isCloseTo((280 * 12000 + 300 * 8000) / (supplied1 + supplied2), within(1e-9));
        KpiRecord cityNet = find(kpis, "city", "C", "coal_rate_net_gce_kwh");
        assertThat(cityNet.value).isCloseTo(net, within(1e-9));
        assertThat(cityNet.target).isEqualTo(290);
        assertThat(cityNet.progressPct).isNull(); // a ceiling
        assertThat(find(kpis, "city", "C", "coal_rate_gross_gce_kwh").value)
                .isCloseTo((280 * 12000 + 300 * 8000 + 270 * 20000) / 40000.0, within(1e-9));
        assertThat(find(kpis, "unit", "a/u3", "coal_rate_gross_gce_kwh").value).isCloseTo(270, within(1e-9));
        assertThat(kpis).noneMatch(k -> k.id.equals("a/u3") && k.indicator.equals("coal_rate_net_gce_kwh"));
        assertThat(kpis).noneMatch(k -> k.id.equals("a/u4"));
    }
}
