package org.cems.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code cems demo} with an 8-hour replay on its embedded servers (Kafka, Mosquitto, InfluxDB,
 * Flink MiniCluster): the summary read back from InfluxDB has hour and day emissions,
 * efficiency, KPIs and the replayed incidents' alerts, fired and resolved.
 */
class DemoReplayITCase {
    static final ZoneId ORDOS = ZoneId.of("Asia/Shanghai");
    static final Duration REPLAY = Duration.ofHours(8);

    @Test
    void replayWritesHoursDaysEfficiencyKpisAndAlertsThatFireAndResolve() throws Exception {
        System.setProperty(
                "cems.home", Path.of("../..").toAbsolutePath().normalize().toString());
        // the replay 20:00-04:00 local crosses a midnight, so a day closes (and with it the day's KPIs)
        ZonedDateTime fourToday = ZonedDateTime.now(ORDOS).with(LocalTime.of(4, 0));
        Instant liveStart =
                (fourToday.isAfter(ZonedDateTime.now(ORDOS)) ? fourToday.minusDays(1) : fourToday).toInstant();

        DemoSummary summary;
        try (Demo demo = new Demo()) {
            summary = demo.run(new DemoOptions(REPLAY, Optional.of(Duration.ofMinutes(5)), liveStart, true));
        }

        assertThat(summary.count("emission", "1m")).isPositive();
        assertThat(summary.count("emission", "1h")).isPositive();
        assertThat(summary.count("emission", "1d")).isPositive();
        assertThat(summary.count("efficiency", "1m")).isPositive();
        assertThat(summary.count("efficiency", "1h")).isPositive();
        assertThat(summary.count(DemoSummary.CARBON, "1h")).isPositive();
        assertThat(summary.points().get("kpi")).isNotEmpty();
        // all six replayed incidents start 7 h before the live start and are over 1 h before it
        assertThat(summary.firedAndResolved())
                .containsKeys(
                        "exceedance",
                        "efficiency_drop",
                        "instrument_fault",
                        "instrument_over_range",
                        "instrument_stopped",
                        "instrument_calibration",
                        "instrument_maintenance");
    }
}
