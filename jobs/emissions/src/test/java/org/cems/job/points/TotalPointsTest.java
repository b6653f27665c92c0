package org.cems.job.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.job.rollup.TotalRecord;
import org.junit.jupiter.api.Test;

/** A pollutant's total goes in its code's fields of the scope's window point. */
class TotalPointsTest {
    @Test
    void aPollutantsTotalIsTwoFieldsOfTheScopesWindowPoint() {
        TotalRecord t = new TotalRecord(TotalRecord.PARK, "dalate", "a21002", "1d", 1_795_622_400_000L, 812.5, 3);

        InfluxPoint p = new TotalPoints().map(t);

        assertThat(p.measurement()).isEqualTo("emission_total");
        assertThat(p.tags()).isEqualTo(Map.of("scope", "park", "id", "dalate", "window", "1d"));
        assertThat(p.fields()).isEqualTo(Map.of("a21002_mass_kg", 812.5, "a21002_sources", 3L));
        assertThat(p.timeMillis()).isEqualTo(1_795_622_400_000L);
    }
}
