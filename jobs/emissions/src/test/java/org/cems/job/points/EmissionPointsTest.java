package org.cems.job.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.job.emission.EmissionRecord;
import org.junit.jupiter.api.Test;

/** A window of a source is one point: its tags, the period's figures once, each pollutant's figures under its code. */
class EmissionPointsTest {
    private static final long HOUR = 1_795_658_400_000L;

    @Test
    void oneHourOfTwoPollutantsIsOnePointWithAFieldSetPerPollutant() {
        EmissionRecord so2 = record("a21026");
        so2.valid = true;
        so2.validCount = 52;
        so2.concMgM3 = 30.0;
        so2.concRefMgM3 = 36.0;
        so2.flowM3H = 1_000_000.0;
        so2.rateKgH = 30.0;
        so2.massKg = 30.0;
        so2.massAccountedKg = 30.0;
        so2.substituted = false;
        so2.limitMgM3 = 35.0;
        so2.exceeded = true;
        EmissionRecord nox = record("a21002");
        nox.valid = false;
        nox.validCount = 20;
        nox.stoppedCount = 40;
        nox.massAccountedKg = 12.5;
        nox.substituted = true;
        nox.limitMgM3 = 50.0;

        InfluxPoint p = EmissionPoints.point(List.of(so2, nox), null);

        assertThat(p.measurement()).isEqualTo("emission");
        assertThat(p.tags())
                .isEqualTo(Map.of(
                        "enterprise", "e1", "park", "p1", "industry", "power", "source", "u1-stack", "window", "1h"));
        assertThat(p.timeMillis()).isEqualTo(HOUR);
        assertThat(p.fields())
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("pollutant_count", 2L),
                        Map.entry("from_logger", false),
                        Map.entry("o2_capped", false),
                        Map.entry("flow_m3_h", 1_000_000.0),
                        // NOx has no judged hour (invalid): one judged pollutant, exceeded
                        Map.entry("exceeded_count", 1L),
                        Map.entry("a21026_valid_count", 52L),
                        Map.entry("a21026_valid", true),
                        Map.entry("a21026_stopped_count", 0L),
                        Map.entry("a21026_conc_mg_m3", 30.0),
                        Map.entry("a21026_conc_ref_mg_m3", 36.0),
                        Map.entry("a21026_rate_kg_h", 30.0),
                        Map.entry("a21026_mass_kg", 30.0),
                        Map.entry("a21026_mass_accounted_kg", 30.0),
                        Map.entry("a21026_substituted", false),
                        Map.entry("a21026_limit_mg_m3", 35.0),
                        Map.entry("a21026_exceeded", true),
                        Map.entry("a21002_valid_count", 20L),
                        Map.entry("a21002_valid", false),
                        Map.entry("a21002_stopped_count", 40L),
                        Map.entry("a21002_mass_accounted_kg", 12.5),
                        Map.entry("a21002_substituted", true),
                        Map.entry("a21002_limit_mg_m3", 50.0)));
    }

    @Test
    void aMinuteOfALoggerCarriesItsDurationAndNoExceedance() {
        EmissionRecord so2 = record("a21026");
        so2.window = "1m";
        so2.fromLogger = true;
        so2.durationMinutes = 10;
        so2.valid = true;
        so2.validCount = 1;
        so2.massLoggerKg = 4.2;

        InfluxPoint p = EmissionPoints.point(List.of(so2), null);

        assertThat(p.tags()).containsEntry("window", "1m");
        assertThat(p.fields())
                .containsEntry("duration_min", 10L)
                .containsEntry("from_logger", true)
                .containsEntry("pollutant_count", 1L)
                .containsEntry("a21026_mass_logger_kg", 4.2)
                .doesNotContainKeys("exceeded_count", "flow_m3_h", "a21026_substituted");
    }

    private static EmissionRecord record(String pollutant) {
        EmissionRecord r = new EmissionRecord();
        r.enterprise = "e1";
        r.park = "p1";
        r.industry = "power";
        r.source = "u1-stack";
        r.stack = true;
        r.pollutant = pollutant;
        r.window = "1h";
        r.windowStartMillis = HOUR;
        return r;
    }
}
