package org.cems.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * A simulated year of 2026 through the job on real servers, fast-forwarded: each plant's data
 * logger sends its daily records (CN 2031, NOx total as Cou) one after the other over Kafka. The
 * old plant reports from 1 January to 4 December except 10 days in March, and has a monthly
 * baseline; the new plant's monitoring starts on 26 November (the example: a linear pro
 * rata from 1 January showed a 2,473 t "reduction" for such a start). The year-to-date, projection
 * and coverage of each scope are worked here by hand from the script and compared with InfluxDB.
 */
class YearOfKpisITCase {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String OLD = "YEARMN000000000000000001";
    static final String NEW = "YEARMN000000000000000002";
    static final LocalDate LAST = LocalDate.of(2026, 12, 4);
    static final LocalDate NEW_START = LocalDate.of(2026, 11, 26);
    static final double[] OLD_MONTHLY_T = {45, 40, 35, 30, 28, 27, 27, 27, 28, 33, 38, 42};
    static final double REL = 1e-9;

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineServers.flink();

    @RegisterExtension
    static final PipelineServers SERVERS = new PipelineServers();

    static boolean oldReports(LocalDate d) {
        return !(d.getMonthValue() == 3 && d.getDayOfMonth() >= 10 && d.getDayOfMonth() < 20);
    }

    static double oldKg(LocalDate d) {
        return 900 + 50 * (d.getDayOfYear() % 7);
    }

    static double newKg(LocalDate d) {
        return 8000 + 100 * (d.getDayOfMonth() % 3);
    }

    static Reading day(String mn, LocalDate d, double kg) {
        ReadingValue nox = new ReadingValue();
        nox.avg = 40.0;
        nox.cou = kg;
        nox.flag = "N";
        return new Reading(
                mn,
                "2031",
                d.atStartOfDay(ZONE).toInstant().toEpochMilli(),
                new LinkedHashMap<>(Map.of("a21002", nox)));
    }

    @Test
    void aYearGivesHonestYearToDateProjectionAndCoverage() throws Exception {
        JobConfig config = SERVERS.config("/registry-year.yaml");
        config.idleTimeout = "2s";
        // the old plant's logger resumes after 10 silent days: with the default 1 h the clock-jump
        // guard refuses its daily records from then on (seen, left to the guard's owners)
        config.clock.jumpThreshold = "30d";
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        EmissionsJob.build(env, config);
        JobClient job = env.executeAsync("year-of-kpis");
        try {
            ReadingJson json = new ReadingJson(ZONE);
            List<Map.Entry<String, String>> records = new ArrayList<>();
            for (LocalDate d = LocalDate.of(2026, 1, 1); !d.isAfter(LAST); d = d.plusDays(1)) {
                if (oldReports(d)) {
                    records.add(Map.entry(OLD, json.encode(List.of(day(OLD, d, oldKg(d))))));
                }
                if (!d.isBefore(NEW_START)) {
                    records.add(Map.entry(NEW, json.encode(List.of(day(NEW, d, newKg(d))))));
                }
            }
            SERVERS.publishToKafka(records);
            SERVERS.awaitAsserted(this::assertYear);
        } finally {
            job.cancel().get();
        }
    }

    private void assertYear() {
        long at = LAST.atStartOfDay(ZONE).toInstant().toEpochMilli();
        int dayOfYear = LAST.getDayOfYear(); // 338
        // old plant: its covered days' tonnes over the baseline year's share of them (month's share / days in the
        // month)
        double oldKg = 0;
        double oldShare = 0;
        int oldDays = 0;
        for (LocalDate d = LocalDate.of(2026, 1, 1); !d.isAfter(LAST); d = d.plusDays(1)) {
            if (oldReports(d)) {
                oldKg += oldKg(d);
                oldShare += OLD_MONTHLY_T[d.getMonthValue() - 1] / 400.0 / d.lengthOfMonth();
                oldDays++;
            }
        }
        assertThat(oldDays).isEqualTo(328);
        double oldProjectedT = oldKg / 1000 / oldShare;
        // new plant: 9 days of 365 (no monthly baseline): projected 365 / 9 × its tonnes, not 365 / 338
        double newKg = 0;
        for (LocalDate d = NEW_START; !d.isAfter(LAST); d = d.plusDays(1)) {
            newKg += newKg(d);
        }
        double newProjectedT = newKg / 1000 * 365 / 9;

        Map<String, JsonNode> newReduction = row("park", "p2", "nox_reduction_t", at);
        assertClose(newReduction, "value", 2600 - newProjectedT);
        assertThat(newReduction.get("value").asDouble())
                .isLessThan(0); // a linear pro rata would have shown a 2,522 t reduction
        assertClose(newReduction, "coverage_pct", 9.0 / dayOfYear * 100);
        assertThat(newReduction.get("target") == null
                        || newReduction.get("target").isNull())
                .as("a park has no target")
                .isTrue();
        assertClose(row("enterprise", "old-plant", "nox_ytd_t", at), "baseline", 400 * oldShare);
        assertClose(row("park", "p1", "nox_reduction_t", at), "value", 400 - oldProjectedT);

        Map<String, JsonNode> ytd = row("city", "Yeartown", "nox_ytd_t", at);
        assertClose(ytd, "value", (oldKg + newKg) / 1000);
        assertClose(ytd, "baseline", 400 * oldShare + 2600 * 9.0 / 365);
        assertClose(ytd, "coverage_pct", (oldDays + 9.0) / (2 * dayOfYear) * 100);
        Map<String, JsonNode> reduction = row("city", "Yeartown", "nox_reduction_t", at);
        double reductionT = 400 - oldProjectedT + 2600 - newProjectedT;
        assertClose(reduction, "value", reductionT);
        assertClose(reduction, "baseline", 3000); // the monitored enterprises' baseline
        assertClose(reduction, "target", 923);
        assertClose(reduction, "progress_pct", reductionT / 923 * 100);

        // 25 November, before the new plant: the old plant alone, as of that day
        LocalDate nov25 = LocalDate.of(2026, 11, 25);
        double kgToNov25 = 0;
        double shareToNov25 = 0;
        int daysToNov25 = 0;
        for (LocalDate d = LocalDate.of(2026, 1, 1); !d.isAfter(nov25); d = d.plusDays(1)) {
            if (oldReports(d)) {
                kgToNov25 += oldKg(d);
                shareToNov25 += OLD_MONTHLY_T[d.getMonthValue() - 1] / 400.0 / d.lengthOfMonth();
                daysToNov25++;
            }
        }
        Map<String, JsonNode> nov25Reduction = row(
                "city",
                "Yeartown",
                "nox_reduction_t",
                nov25.atStartOfDay(ZONE).toInstant().toEpochMilli());
        assertClose(nov25Reduction, "value", 400 - kgToNov25 / 1000 / shareToNov25);
        assertClose(nov25Reduction, "baseline", 400);
        assertClose(nov25Reduction, "coverage_pct", daysToNov25 * 100.0 / nov25.getDayOfYear());
    }

    private static Map<String, JsonNode> row(String scope, String id, String indicator, long timeMillis) {
        List<Map<String, JsonNode>> rows = SERVERS.rows("SELECT * FROM kpi WHERE scope = '" + scope + "' AND id = '"
                + id + "' AND indicator = '" + indicator + "' AND time = " + timeMillis + "ms");
        assertThat(rows)
                .as(() -> scope + " " + id + " " + indicator + " at " + timeMillis + "; newest written: "
                        + SERVERS.rows("SELECT value FROM kpi WHERE scope = '" + scope + "' AND id = '" + id
                                + "' AND indicator = '" + indicator + "' ORDER BY time DESC LIMIT 2")
                        + "; quality: " + SERVERS.rows("SELECT sum(count) FROM quality GROUP BY reason, source"))
                .isNotEmpty();
        return rows.get(0);
    }

    private static void assertClose(Map<String, JsonNode> row, String field, double expected) {
        assertThat(row).as(field).containsKey(field);
        double actual = row.get(field).asDouble();
        assertThat(Math.abs(actual - expected))
                .as(field + ": " + actual + " vs " + expected)
                .isLessThanOrEqualTo(REL * Math.max(1, Math.abs(expected)));
    }
}
