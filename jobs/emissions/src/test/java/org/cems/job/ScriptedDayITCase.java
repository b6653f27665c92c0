package org.cems.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingJson;
import org.cems.core.reading.ReadingValue;
import org.cems.job.config.JobConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A scripted day of three sources (a coal unit with CO2, load and coal feed; its FGD inlet; a
 * coal-chemical vent with NMHC), every even minute over MQTT and every odd one over Kafka, with a
 * late reading and repeated ones: the day's emission, carbon, total and kpi points equal the values
 * computed here independently from the same script, to a relative error below 1e-9.
 */
class ScriptedDayITCase {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    static final long DAY_START = DAY.atStartOfDay(ZONE).toInstant().toEpochMilli();
    static final long MINUTE = 60_000L;
    static final int MINUTES = 1440;
    static final String STACK = "DAYMN0000000000000000001";
    static final String INLET = "DAYMN0000000000000000002";
    static final String VENT = "DAYMN0000000000000000003";
    static final int LATE_MINUTE = 615; // 10:15, held back until after 12:09
    static final double CO2_MG_PER_M3_PER_PCT = 1.0e4 * 44.01 / 22.4; // eq. (20)
    static final double REL = 1e-9;

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineServers.flink();

    @RegisterExtension
    static final PipelineServers SERVERS = new PipelineServers();

    // the script: every value a function of the minute of the day
    static final IntToDoubleFunction STACK_SO2 = m -> 20 + m % 7;
    static final IntPredicate STACK_SO2_VALID = m -> !(m / 60 == 3 && m % 60 < 20); // 03:00-03:19 flagged D
    static final IntToDoubleFunction STACK_NOX = m -> 35 + m % 5;
    static final IntToDoubleFunction STACK_O2 = m -> 6 + 0.5 * (m % 3);
    static final IntToDoubleFunction STACK_FLOW = m -> 1.8e6 + 1000 * (m % 11);
    static final IntToDoubleFunction STACK_CO2_PCT = m -> 12 + 0.1 * (m % 4);
    static final IntToDoubleFunction STACK_LOAD = m -> 500 + m % 13;
    static final IntToDoubleFunction STACK_COAL = m -> 250 + m % 3;
    static final IntToDoubleFunction INLET_SO2 = m -> 2000 + 10 * (m % 17);
    static final IntToDoubleFunction VENT_NMHC = m -> 10 + 0.5 * (m % 9);

    static ReadingValue v(double value, boolean valid) {
        ReadingValue rv = new ReadingValue();
        rv.rtd = value;
        rv.flag = valid ? "N" : "D";
        return rv;
    }

    static Reading stack(int m) {
        Map<String, ReadingValue> values = new LinkedHashMap<>();
        values.put("a21026", v(STACK_SO2.applyAsDouble(m), STACK_SO2_VALID.test(m)));
        values.put("a21002", v(STACK_NOX.applyAsDouble(m), true));
        values.put("a19001", v(STACK_O2.applyAsDouble(m), true));
        values.put("a00000", v(STACK_FLOW.applyAsDouble(m), true));
        values.put("a05001", v(STACK_CO2_PCT.applyAsDouble(m), true));
        values.put("load_mw", v(STACK_LOAD.applyAsDouble(m), true));
        values.put("coal_t_h", v(STACK_COAL.applyAsDouble(m), true));
        values.put("coal_ncv_mj_kg", v(20.9, true));
        return new Reading(STACK, "2011", DAY_START + m * MINUTE, values);
    }

    static Reading inlet(int m) {
        Map<String, ReadingValue> values = new LinkedHashMap<>();
        values.put("a21026", v(INLET_SO2.applyAsDouble(m), true));
        values.put("a19001", v(7.0, true));
        values.put("a00000", v(1.75e6, true));
        return new Reading(INLET, "2011", DAY_START + m * MINUTE, values);
    }

    static Reading vent(int m) {
        Map<String, ReadingValue> values = new LinkedHashMap<>();
        values.put("a24088", v(VENT_NMHC.applyAsDouble(m), true));
        values.put("a00000", v(50_000.0, true));
        return new Reading(VENT, "2011", DAY_START + m * MINUTE, values);
    }

    @Test
    void aScriptedDayGivesTheHandComputedValues() throws Exception {
        JobConfig config = SERVERS.config("/registry-day.yaml");
        config.maxOutOfOrderness = "1h";
        // the whole day is published in seconds over two transports that deliver at their own pace, so
        // one may run hours of event time ahead of the other: a lateness of two days turns that into
        // corrections (which the final values must survive) instead of dead letters
        config.allowedLateness = "2d";
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        EmissionsJob.build(env, config);
        JobClient job = env.executeAsync("scripted-day");
        try {
            publishTheDay();
            // readings cross two transports and late ones correct closed windows: wait until the
            // corrections have landed
            SERVERS.awaitAsserted(this::assertDay);
        } finally {
            job.cancel().get();
        }
    }

    /** Ten minutes at a time, Kafka then MQTT; then the late and the repeated readings. */
    private void publishTheDay() throws Exception {
        ReadingJson json = new ReadingJson(ZONE);
        // the day goes on past midnight by more than the out-of-orderness, so the day closes by data
        for (int chunk = 0; chunk < MINUTES + 70; chunk += 10) {
            List<Map.Entry<String, String>> kafka = new ArrayList<>();
            List<Map.Entry<String, String>> mqtt = new ArrayList<>();
            for (int m = chunk; m < chunk + 10; m++) {
                List<Map.Entry<String, String>> to = m % 2 == 0 ? mqtt : kafka;
                if (m != LATE_MINUTE) {
                    to.add(Map.entry(STACK, json.encode(List.of(stack(m)))));
                }
                to.add(Map.entry(INLET, json.encode(List.of(inlet(m)))));
                to.add(Map.entry(VENT, json.encode(List.of(vent(m)))));
            }
            if (chunk == 720) {
                // 10:15 arrives after 12:09: with 1 h out-of-orderness its hour has closed, so it
                // corrects the closed minute, hour and day
                kafka.add(Map.entry(STACK, json.encode(List.of(stack(LATE_MINUTE)))));
            }
            if (chunk == 100) {
                // retransmissions: the same reading again on the same transport and on the other one
                kafka.add(Map.entry(VENT, json.encode(List.of(vent(101)))));
                mqtt.add(Map.entry(STACK, json.encode(List.of(stack(103)))));
            }
            SERVERS.publishToKafka(kafka);
            SERVERS.publishToMqtt(mqtt);
        }
    }

    private void assertDay() {
        Expected stack = Expected.of(STACK_SO2, STACK_SO2_VALID, STACK_O2, STACK_FLOW, 6.0);
        Expected nox = Expected.of(STACK_NOX, m -> true, STACK_O2, STACK_FLOW, 6.0);
        Expected inlet = Expected.of(INLET_SO2, m -> true, m -> 7.0, m -> 1.75e6, 6.0);
        Expected vent = Expected.of(VENT_NMHC, m -> true, null, m -> 50_000.0, null);
        Expected co2 = Expected.of(
                m -> STACK_CO2_PCT.applyAsDouble(m) * CO2_MG_PER_M3_PER_PCT, m -> true, STACK_O2, STACK_FLOW, 6.0);

        String day = "time = " + DAY_START + "ms AND \"window\" = '1d'";
        assertEmission("u1-stack", "a21026", day, stack);
        assertEmission("u1-stack", "a21002", day, nox);
        assertEmission("u1-fgd-in", "a21026", day, inlet);
        assertEmission("vent", "a24088", day, vent);
        assertThat(stack.validHours()).isEqualTo(23);

        Map<String, JsonNode> hour3 = SERVERS.emission(
                "u1-stack", "a21026", "\"window\" = '1h' AND time = " + (DAY_START + 3 * 60 * MINUTE) + "ms");
        assertThat(hour3.get("valid").asBoolean()).isFalse();
        assertThat(hour3.get("valid_count").asLong()).isEqualTo(40);
        Map<String, JsonNode> hour10 = SERVERS.emission(
                "u1-stack", "a21026", "\"window\" = '1h' AND time = " + (DAY_START + 10 * 60 * MINUTE) + "ms");
        assertThat(hour10.get("valid_count").asLong()).isEqualTo(60); // the late 10:15 reading was applied

        Map<String, JsonNode> carbon = firstRow("SELECT * FROM emission WHERE source = 'u1-stack' AND " + day);
        double co2T = co2.dayMassKg() / 1000;
        double energyMwh = Expected.sumOfHourlyMeans(STACK_LOAD);
        assertClose(carbon, "co2_t", co2T);
        assertClose(carbon, "energy_mwh", energyMwh);
        assertClose(carbon, "intensity_t_mwh", co2T / energyMwh);
        // the day's standard coal over the generation of the same hours (every hour has coal, NCV and load):
        // gross (发电煤耗) per generated kWh, net (供电煤耗) per supplied kWh with 5 % auxiliary power
        double standardCoalT = Expected.sumOfHourlyMeans(STACK_COAL) * 20.9 / 29.3076;
        double grossGceKwh = standardCoalT * 1e6 / (energyMwh * 1000);
        assertClose(carbon, "coal_rate_gross_gce_kwh", grossGceKwh);
        assertClose(carbon, "coal_rate_net_gce_kwh", grossGceKwh / 0.95);
        // fuel method: coal × NCV × 0.03085 tC/GJ × 99 % × 44/12, against the CEMS CO2 of the same (all) hours
        double fuelCo2T = Expected.sumOfHourlyMeans(STACK_COAL) * 20.9 * 0.03085 * 0.99 * 44 / 12;
        assertClose(carbon, "co2_fuel_t", fuelCo2T);
        assertClose(carbon, "co2_diff_pct", (co2T - fuelCo2T) / fuelCo2T * 100);
        assertThat(carbon).doesNotContainKey("coal_gce_kwh");
        for (String scope : List.of("unit", "enterprise", "park", "city")) {
            Map<String, JsonNode> net = firstRow("SELECT * FROM kpi WHERE scope = '" + scope
                    + "' AND indicator = 'coal_rate_net_gce_kwh' AND time = " + DAY_START + "ms");
            assertClose(net, "value", grossGceKwh / 0.95); // one unit of 600 MW: the average is its own
            assertClose(net, "target", 290);
            assertClose(
                    firstRow("SELECT * FROM kpi WHERE scope = '" + scope
                            + "' AND indicator = 'coal_rate_gross_gce_kwh' AND time = " + DAY_START + "ms"),
                    "value",
                    grossGceKwh);
        }
        // the FGD's day: gain = reduction of the penetration (η − 98) / (100 − 98) × 100, the registry's default
        double efficiency = firstRow("SELECT * FROM efficiency WHERE device = 'u1-fgd' AND " + day)
                .get("efficiency_pct")
                .asDouble();
        for (String scope : List.of("device", "enterprise", "park", "city")) {
            Map<String, JsonNode> gain = firstRow("SELECT * FROM kpi WHERE scope = '" + scope
                    + "' AND indicator = 'equipment_efficiency_gain_pct' AND time = " + DAY_START + "ms");
            assertClose(gain, "value", (efficiency - 98) / 2 * 100);
        }
        assertClose(
                firstRow(
                        "SELECT * FROM kpi WHERE scope = 'city' AND indicator = 'equipment_efficiency_gain_pct' AND time = "
                                + DAY_START + "ms"),
                "target",
                10);

        Map<String, JsonNode> total =
                EmissionRows.view(firstRow("SELECT * FROM emission_total WHERE scope = 'city' AND " + day), "a21002");
        assertClose(total, "mass_kg", nox.dayMassKg());
        assertThat(total.get("sources").asLong()).isEqualTo(1); // inlet points are not emissions

        // one day covered of the 329 since 1 January (25 November): the baseline of that day is 4200 / 365,
        // the year projected from it 365 × the day's tonnes (no monthly baseline: an even spread)
        Map<String, JsonNode> noxYtd = firstRow(
                "SELECT * FROM kpi WHERE scope = 'city' AND indicator = 'nox_ytd_t' AND time = " + DAY_START + "ms");
        assertClose(noxYtd, "value", nox.dayMassKg() / 1000);
        assertClose(noxYtd, "baseline", 4200.0 / 365);
        assertClose(noxYtd, "coverage_pct", 100.0 / 329);
        Map<String, JsonNode> noxReduction =
                firstRow("SELECT * FROM kpi WHERE scope = 'city' AND indicator = 'nox_reduction_t' AND time = "
                        + DAY_START + "ms");
        double reduction = 4200 - nox.dayMassKg() / 1000 * 365;
        assertClose(noxReduction, "value", reduction);
        assertClose(noxReduction, "baseline", 4200);
        assertClose(noxReduction, "target", 923);
        assertClose(noxReduction, "progress_pct", reduction / 923 * 100);
        assertClose(noxReduction, "coverage_pct", 100.0 / 329);
        Map<String, JsonNode> vocs =
                firstRow("SELECT * FROM kpi WHERE scope = 'city' AND indicator = 'vocs_reduction_t' AND time = "
                        + DAY_START + "ms");
        assertClose(vocs, "value", 800 - vent.dayMassKg() / 1000 * 365);
        // park and enterprise scopes: the park dalu is the chem enterprise's, without the city's target
        Map<String, JsonNode> parkVocs = firstRow(
                "SELECT * FROM kpi WHERE scope = 'park' AND id = 'dalu' AND indicator = 'vocs_reduction_t' AND time = "
                        + DAY_START + "ms");
        assertClose(parkVocs, "value", 800 - vent.dayMassKg() / 1000 * 365);
        assertThat(parkVocs.get("target").isNull()).as("a park has no target").isTrue();

        List<String> reasons = SERVERS.kafka.readAll("cems.deadletter").stream()
                .map(r -> r.value().replaceAll(".*\"reason\":\"([a-z_]+)\".*", "$1"))
                .toList();
        assertThat(reasons).containsExactlyInAnyOrder("duplicate", "duplicate");
    }

    private void assertEmission(String source, String pollutant, String day, Expected e) {
        Map<String, JsonNode> row = SERVERS.emission(source, pollutant, day);
        assertClose(row, "conc_mg_m3", e.dayConc());
        assertClose(row, "conc_ref_mg_m3", e.dayConcRef());
        assertClose(row, "flow_m3_h", e.dayFlow());
        assertClose(row, "mass_kg", e.dayMassKg());
        assertThat(row.get("valid").asBoolean()).isTrue();
        assertThat(row.get("valid_count").asLong()).isEqualTo(e.validHours());
    }

    private static Map<String, JsonNode> firstRow(String influxQl) {
        List<Map<String, JsonNode>> rows = SERVERS.rows(influxQl);
        assertThat(rows).as(influxQl).isNotEmpty();
        return rows.get(0);
    }

    static boolean close(double actual, double expected) {
        return Math.abs(actual - expected) <= REL * Math.abs(expected);
    }

    static void assertClose(Map<String, JsonNode> row, String field, double expected) {
        assertThat(row.get(field)).as(field).isNotNull();
        double actual = row.get(field).asDouble();
        assertThat(close(actual, expected))
                .as("%s: %s, expected %s", field, actual, expected)
                .isTrue();
    }

    /**
     * The day of one pollutant, computed straight from the script by HJ 212-2017 App. D: hourly
     * means of valid minutes (eq. 24, valid with 45), hourly rate and mass (eq. 33), the day's
     * mean of valid hours (eq. 25) and its mass, the sum of the valid hours' masses (eq. 34).
     */
    record Expected(double[] hourConc, boolean[] hourValid, double[] hourO2, double[] hourFlow, Double refO2) {
        static Expected of(
                IntToDoubleFunction conc,
                IntPredicate valid,
                IntToDoubleFunction o2,
                IntToDoubleFunction flow,
                Double refO2) {
            double[] c = new double[24];
            boolean[] ok = new boolean[24];
            double[] o = new double[24];
            double[] q = new double[24];
            for (int h = 0; h < 24; h++) {
                double sum = 0;
                int n = 0;
                for (int m = h * 60; m < h * 60 + 60; m++) {
                    if (valid.test(m)) {
                        sum += conc.applyAsDouble(m);
                        n++;
                    }
                }
                c[h] = sum / n;
                ok[h] = n >= 45;
                o[h] = o2 == null ? Double.NaN : hourlyMean(o2, h);
                q[h] = hourlyMean(flow, h);
            }
            return new Expected(c, ok, o, q, refO2);
        }

        static double hourlyMean(IntToDoubleFunction f, int h) {
            double sum = 0;
            for (int m = h * 60; m < h * 60 + 60; m++) {
                sum += f.applyAsDouble(m);
            }
            return sum / 60;
        }

        static double sumOfHourlyMeans(IntToDoubleFunction f) {
            double sum = 0;
            for (int h = 0; h < 24; h++) {
                sum += hourlyMean(f, h);
            }
            return sum;
        }

        static double meanOfHourlyMeans(IntToDoubleFunction f) {
            return sumOfHourlyMeans(f) / 24;
        }

        int validHours() {
            int n = 0;
            for (boolean b : hourValid) {
                n += b ? 1 : 0;
            }
            return n;
        }

        private double meanOverValidHours(double[] values) {
            double sum = 0;
            for (int h = 0; h < 24; h++) {
                sum += hourValid[h] ? values[h] : 0;
            }
            return sum / validHours();
        }

        double dayConc() {
            return meanOverValidHours(hourConc);
        }

        double dayFlow() {
            return meanOfHourlyValues(hourFlow);
        }

        double dayConcRef() {
            if (refO2 == null) {
                return dayConc();
            }
            return dayConc() * (21 - refO2) / (21 - meanOfHourlyValues(hourO2)); // eq. (28)
        }

        /** O2 and flow are valid every hour in the script: their day mean is over all 24 hours. */
        private static double meanOfHourlyValues(double[] values) {
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            return sum / values.length;
        }

        double dayMassKg() {
            double sum = 0;
            for (int h = 0; h < 24; h++) {
                if (hourValid[h]) {
                    sum += hourConc[h] * hourFlow[h] * 1e-6; // eq. (33), one hour
                }
            }
            return sum;
        }
    }
}
