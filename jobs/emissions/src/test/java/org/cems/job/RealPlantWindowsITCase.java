package org.cems.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cems.job.PipelineServers.HOUR;
import static org.cems.job.PipelineServers.MINUTE;
import static org.cems.job.PipelineServers.ZONE;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingJson;
import org.cems.core.reading.ReadingValue;
import org.cems.job.config.JobConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real plant data through the job on real servers (issue 14, items 1-4 and 11): a data logger
 * sending CN 2051 every 10 minutes over Kafka for a day, with a stop at 10:30 (SO2 and NOx flagged
 * F, the flow meter reading 0), an hour whose SO2 analyser is flagged F while the flow goes on,
 * and three hours with no data at all; and a logger sending only its daily CN 2031 records over
 * MQTT. Every value is computed here from the script by HJ 212-2017 App. D and HJ 75-2017.
 */
class RealPlantWindowsITCase {
    static final long DAY_START =
            LocalDate.of(2026, 11, 25).atStartOfDay(ZONE).toInstant().toEpochMilli();
    static final String TEN_MIN = "REALMN000000000000000001";
    static final String DAILY = "REALMN000000000000000002";
    static final int STOP_HOUR = 10;
    static final int F_HOUR = 14;
    static final List<Integer> GAP = List.of(18, 19, 20);
    static final double DAILY_COU_KG = 600.0;
    static final double REL = 1e-9;

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineServers.flink();

    @RegisterExtension
    static final PipelineServers SERVERS = new PipelineServers();

    /** The script: record k of hour h (DataTime h:10k) of the 10-minute logger. */
    static double so2(int h, int k) {
        return 20 + (h * 6 + k) % 7;
    }

    static double nox(int h, int k) {
        return 35 + (h * 6 + k) % 5;
    }

    static double flow(int h, int k) {
        return stopped(h, k) ? 0.0 : 1.8e6 + 1000 * ((h * 6 + k) % 11);
    }

    static boolean stopped(int h, int k) {
        return h == STOP_HOUR && k >= 3;
    }

    static boolean so2Valid(int h, int k) {
        return !stopped(h, k) && h != F_HOUR;
    }

    static ReadingValue avg(double value, boolean valid) {
        ReadingValue v = new ReadingValue();
        v.avg = value;
        v.flag = valid ? "N" : "F";
        return v;
    }

    static Reading tenMinuteRecord(int h, int k) {
        Map<String, ReadingValue> values = new LinkedHashMap<>();
        values.put("a21026", avg(so2(h, k), so2Valid(h, k)));
        values.put("a21002", avg(nox(h, k), !stopped(h, k)));
        values.put("a19001", avg(6.0, true));
        values.put("a00000", avg(flow(h, k), !stopped(h, k)));
        return new Reading(TEN_MIN, "2051", DAY_START + h * HOUR + k * 10 * MINUTE, values);
    }

    static Reading dailyRecord(long dayStart, double couKg) {
        ReadingValue so2 = avg(25.0, true);
        so2.cou = couKg;
        return new Reading(DAILY, "2031", dayStart, new LinkedHashMap<>(Map.of("a21026", so2)));
    }

    @Test
    void realPlantPatternsGiveTheHandComputedValues() throws Exception {
        JobConfig config = SERVERS.config("/registry-real-plant.yaml");
        JobClient job = SERVERS.startJob(config, "real-plant-windows");
        try {
            publish();
            SERVERS.awaitAsserted(this::assertResults);
        } finally {
            job.cancel().get();
        }
    }

    private void publish() throws Exception {
        ReadingJson json = new ReadingJson(ZONE);
        List<Map.Entry<String, String>> kafka = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            if (GAP.contains(h)) {
                continue;
            }
            for (int k = 0; k < 6; k++) {
                kafka.add(Map.entry(TEN_MIN, json.encode(List.of(tenMinuteRecord(h, k)))));
            }
        }
        // the next day's first record moves the logger's clock past midnight
        kafka.add(Map.entry(TEN_MIN, json.encode(List.of(tenMinuteRecord(24, 0)))));
        SERVERS.publishToKafka(kafka);
        // a logger sends each day's record a day apart: the next one only once this one is in (the job's
        // MQTT readers share the subscription, so two messages in a row may reach it in either order)
        SERVERS.publishToMqtt(List.of(Map.entry(DAILY, json.encode(List.of(dailyRecord(DAY_START, DAILY_COU_KG))))));
        SERVERS.awaitRow("SELECT * FROM reading WHERE source = 'u2-stack' AND cn = '2031'");
        SERVERS.publishToMqtt(List.of(Map.entry(
                DAILY, json.encode(List.of(dailyRecord(DAY_START + 24 * HOUR, 580.0))))));
    }

    /** One pollutant's hours, by HJ 212-2017 App. D (time-weighted means, eq. 33 over the running time) and HJ 75-2017. */
    record Hours(
            double[] massKg,
            boolean[] valid,
            int[] validMinutes,
            int[] stoppedMinutes,
            double[] accountedKg,
            boolean[] substituted) {
        static Hours of(boolean so2) {
            double[] mass = new double[24];
            boolean[] valid = new boolean[24];
            int[] validMinutes = new int[24];
            int[] stoppedMinutes = new int[24];
            double[] accounted = new double[24];
            boolean[] substituted = new boolean[24];
            double maxValidMass = Double.NaN;
            int invalidBefore = 0;
            for (int h = 0; h < 24; h++) {
                double concSum = 0;
                double flowSum = 0;
                int concN = 0;
                int flowN = 0;
                for (int k = 0; k < 6 && !GAP.contains(h); k++) {
                    if (stopped(h, k)) {
                        stoppedMinutes[h] += 10;
                        continue;
                    }
                    flowSum += flow(h, k);
                    flowN++;
                    if (so2 ? so2Valid(h, k) : true) {
                        concSum += so2 ? so2(h, k) : nox(h, k);
                        concN++;
                    }
                }
                int running = 60 - stoppedMinutes[h];
                validMinutes[h] = concN * 10;
                valid[h] = concN > 0 && validMinutes[h] >= Math.ceil(45.0 * running / 60);
                mass[h] = concN == 0 ? Double.NaN : concSum / concN * (flowSum / flowN) * 1e-6 * running / 60.0;
                // HJ 75-2017: α = (hours − invalid) / hours before this one (none stopped throughout).
                // α >= 90 % and N <= 24 take the maximum of the previous 180 valid hours, 75 % <= α < 90 %
                // that of 2160 (from 19:00 here: 17/19 = 89.5 %); fewer than 180 valid hours precede
                // any hour of this day, so both are the largest valid hourly mass so far
                if (valid[h]) {
                    accounted[h] = mass[h];
                    maxValidMass = Double.isNaN(maxValidMass) ? mass[h] : Math.max(maxValidMass, mass[h]);
                } else {
                    assertThat(h == 0 ? 1.0 : (double) (h - invalidBefore) / h).isGreaterThanOrEqualTo(0.75);
                    accounted[h] = maxValidMass;
                    substituted[h] = true;
                    invalidBefore++;
                }
            }
            return new Hours(mass, valid, validMinutes, stoppedMinutes, accounted, substituted);
        }

        double dayMassKg() {
            double sum = 0;
            for (int h = 0; h < 24; h++) {
                sum += valid[h] ? massKg[h] : 0;
            }
            return sum;
        }

        double dayAccountedKg() {
            double sum = 0;
            for (double a : accountedKg) {
                sum += a;
            }
            return sum;
        }
    }

    private void assertResults() {
        Hours so2 = Hours.of(true);
        Hours nox = Hours.of(false);
        for (int h = 0; h < 24; h++) {
            assertHour("a21026", h, so2);
            assertHour("a21002", h, nox);
        }
        // the stop at 10:30: 30 running minutes, all valid, and their mass only
        assertThat(so2.stoppedMinutes()[STOP_HOUR]).isEqualTo(30);
        assertThat(so2.valid()[STOP_HOUR]).isTrue();
        // F without corroboration: invalid, substituted
        assertThat(so2.valid()[F_HOUR]).isFalse();
        assertThat(so2.substituted()[F_HOUR]).isTrue();
        assertThat(nox.valid()[F_HOUR]).isTrue();

        String day = "time = " + DAY_START + "ms AND \"window\" = '1d'";
        Map<String, JsonNode> so2Day = SERVERS.emission("u1-stack", "a21026", day);
        ScriptedDayITCase.assertClose(so2Day, "mass_kg", so2.dayMassKg());
        ScriptedDayITCase.assertClose(so2Day, "mass_accounted_kg", so2.dayAccountedKg());
        assertThat(so2Day.get("substituted").asBoolean()).isTrue();
        assertThat(so2Day.get("valid_count").asLong()).isEqualTo(20); // 24 − hour 14 − three missing
        assertThat(so2Day.get("valid").asBoolean()).isTrue();

        // the day sent only as CN 2031, without flow: the logger's Cou is its mass
        Map<String, JsonNode> daily = SERVERS.emission("u2-stack", "a21026", day);
        ScriptedDayITCase.assertClose(daily, "mass_kg", DAILY_COU_KG);
        ScriptedDayITCase.assertClose(daily, "mass_logger_kg", DAILY_COU_KG);
        ScriptedDayITCase.assertClose(daily, "mass_accounted_kg", DAILY_COU_KG);
        // no hour with pollutants (its hours' points carry the data rates alone: nothing was due at 2031 only)
        assertThat(SERVERS.rows("SELECT pollutant_count FROM emission WHERE source = 'u2-stack' AND \"window\" = '1h'"))
                .isEmpty();

        // totals count accounted masses: the city's day and a missing hour
        Map<String, JsonNode> cityDay =
                EmissionRows.view(firstRow("SELECT * FROM emission_total WHERE scope = 'city' AND " + day), "a21026");
        ScriptedDayITCase.assertClose(cityDay, "mass_kg", so2.dayAccountedKg() + DAILY_COU_KG);
        Map<String, JsonNode> cityGapHour = EmissionRows.view(
                firstRow("SELECT * FROM emission_total WHERE scope = 'city' AND \"window\" = '1h' AND time = "
                        + (DAY_START + GAP.get(0) * HOUR) + "ms"),
                "a21002");
        ScriptedDayITCase.assertClose(cityGapHour, "mass_kg", nox.accountedKg()[GAP.get(0)]);

        // 10-minute sub-periods: rate × 10 minutes
        Map<String, JsonNode> firstRecord = SERVERS.emission(
                "u1-stack", "a21026", "\"window\" = '1m' AND time = " + (DAY_START + 10 * MINUTE) + "ms");
        assertThat(firstRecord.get("duration_min").asLong()).isEqualTo(10);
        ScriptedDayITCase.assertClose(firstRecord, "mass_kg", so2(0, 1) * flow(0, 1) * 1e-6 / 6);
    }

    private void assertHour(String pollutant, int h, Hours expected) {
        Map<String, JsonNode> row = SERVERS.emission(
                "u1-stack", pollutant, "\"window\" = '1h' AND time = " + (DAY_START + h * HOUR) + "ms");
        String at = pollutant + " hour " + h;
        assertThat(row.get("valid").asBoolean()).as(at).isEqualTo(expected.valid()[h]);
        assertThat(row.get("valid_count").asLong()).as(at).isEqualTo(expected.validMinutes()[h]);
        assertThat(row.get("stopped_count").asLong()).as(at).isEqualTo(expected.stoppedMinutes()[h]);
        assertThat(row.get("substituted").asBoolean()).as(at).isEqualTo(expected.substituted()[h]);
        ScriptedDayITCase.assertClose(row, "mass_accounted_kg", expected.accountedKg()[h]);
        if (Double.isNaN(expected.massKg()[h])) {
            assertThat(row.get("mass_kg") == null || row.get("mass_kg").isNull())
                    .as(at + ": no measured mass")
                    .isTrue();
        } else {
            ScriptedDayITCase.assertClose(row, "mass_kg", expected.massKg()[h]);
        }
    }

    private static Map<String, JsonNode> firstRow(String influxQl) {
        List<Map<String, JsonNode>> rows = SERVERS.rows(influxQl);
        assertThat(rows).as(influxQl).isNotEmpty();
        return rows.get(0);
    }
}
