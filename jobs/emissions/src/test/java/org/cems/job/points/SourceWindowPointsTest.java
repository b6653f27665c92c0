package org.cems.job.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.core.registry.Enterprise;
import org.cems.core.registry.Registry;
import org.cems.job.carbon.CarbonRecord;
import org.cems.job.emission.EmissionRecord;
import org.cems.job.emission.SourceWindow;
import org.cems.job.rate.DataRate;
import org.junit.jupiter.api.Test;

/**
 * A source's carbon figures and data rates of a window land in its {@code emission} point: the
 * carbon figures in the same line as the pollutants', the rates in a write of the same
 * measurement, tags and time, which InfluxDB merges into that point of one series.
 */
class SourceWindowPointsTest {
    private static final long HOUR = 1_795_658_400_000L;

    @Test
    void aWindowsCarbonFiguresAreFieldsOfItsEmissionPoint() {
        InfluxPoint pollutantsAlone = EmissionPoints.point(List.of(emissionRecord()), null);
        InfluxPoint p = new EmissionPoints().map(new SourceWindow(List.of(emissionRecord()), carbonRecord()));

        assertThat(p.tags()).isEqualTo(pollutantsAlone.tags());
        assertThat(p.timeMillis()).isEqualTo(HOUR);
        assertThat(p.fields())
                .containsAllEntriesOf(pollutantsAlone.fields())
                .containsEntry("co2_t", 700.0)
                .containsEntry("load_mw", 600.0)
                .containsEntry("energy_mwh", 600.0)
                .hasSize(pollutantsAlone.fields().size() + 3);
    }

    @Test
    void aWindowWithCarbonAloneIsAPointOfTheSameSeries() {
        InfluxPoint pollutants = EmissionPoints.point(List.of(emissionRecord()), null);
        InfluxPoint carbon = new EmissionPoints().map(new SourceWindow(List.of(), carbonRecord()));

        assertThat(carbon.measurement()).isEqualTo("emission");
        assertThat(carbon.tags()).isEqualTo(pollutants.tags());
        assertThat(carbon.timeMillis()).isEqualTo(HOUR);
        assertThat(carbon.fields()).containsOnlyKeys("co2_t", "load_mw", "energy_mwh");
    }

    @Test
    void ratesShareTheEmissionPointsSeriesAndTime() {
        InfluxPoint emission = EmissionPoints.point(List.of(emissionRecord()), carbonRecord());
        InfluxPoint rate = new DataRatePoints(registry()).map(rate(DataRate.SOURCE, "u1-stack"));

        assertThat(rate.measurement()).isEqualTo(emission.measurement());
        assertThat(rate.tags()).isEqualTo(emission.tags());
        assertThat(rate.timeMillis()).isEqualTo(emission.timeMillis());
        assertThat(rate.fields().keySet())
                .doesNotContainAnyElementsOf(emission.fields().keySet());
    }

    @Test
    void aSourcesRatesAreRecordCountsAndPercentages() {
        InfluxPoint p = new DataRatePoints(registry()).map(rate(DataRate.SOURCE, "u1-stack"));

        assertThat(p.fields())
                .containsOnlyKeys(
                        "records_expected",
                        "records_received",
                        "records_valid",
                        "interval_min",
                        "transmission_pct",
                        "validity_pct",
                        "transmission_validity_pct");
        assertThat(p.fields().get("records_expected")).isEqualTo(60L);
        assertThat(p.fields().get("records_received")).isEqualTo(54L);
        assertThat(p.fields().get("records_valid")).isEqualTo(45L);
        assertThat(p.fields().get("interval_min")).isEqualTo(1L);
        // 传输率 54 / 60, 有效率 45 / 54, 传输有效率 45 / 60
        assertThat((Double) p.fields().get("transmission_pct")).isCloseTo(90.0, within(1e-9));
        assertThat((Double) p.fields().get("validity_pct")).isCloseTo(83.333_333_333, within(1e-6));
        assertThat((Double) p.fields().get("transmission_validity_pct")).isCloseTo(75.0, within(1e-9));
    }

    @Test
    void anEnterprisesRatesStayInDataRate() {
        InfluxPoint p = new DataRatePoints(registry()).map(rate(DataRate.ENTERPRISE, "-"));

        assertThat(p.measurement()).isEqualTo("data_rate");
        assertThat(p.tags())
                .isEqualTo(Map.of("scope", "enterprise", "enterprise", "e1", "source", "-", "window", "1h"));
        assertThat(p.fields()).containsEntry("expected", 60L).containsEntry("valid", 45L);
        assertThat(p.fields()).doesNotContainKey("interval_min");
    }

    @Test
    void aSourceOfAnEnterpriseWithoutParkHasNoParkTag() {
        Registry registry = registry();
        registry.enterprises.get(0).park = null;

        InfluxPoint p = new DataRatePoints(registry).map(rate(DataRate.SOURCE, "u1-stack"));

        assertThat(p.tags()).doesNotContainKey("park").containsEntry("industry", "power");
    }

    private static Registry registry() {
        Enterprise e = new Enterprise();
        e.id = "e1";
        e.park = "p1";
        e.industry = "power";
        Registry r = new Registry();
        r.enterprises.add(e);
        return r;
    }

    private static DataRate rate(String scope, String source) {
        DataRate r = new DataRate();
        r.scope = scope;
        r.enterprise = "e1";
        r.source = source;
        r.window = "1h";
        r.windowStartMillis = HOUR;
        r.intervalMinutes = 1;
        r.expected = 60;
        r.received = 54;
        r.valid = 45;
        return r;
    }

    private static EmissionRecord emissionRecord() {
        EmissionRecord r = new EmissionRecord();
        r.enterprise = "e1";
        r.park = "p1";
        r.industry = "power";
        r.source = "u1-stack";
        r.stack = true;
        r.pollutant = "a21026";
        r.window = "1h";
        r.windowStartMillis = HOUR;
        r.valid = true;
        r.validCount = 60;
        r.massKg = 30.0;
        return r;
    }

    private static CarbonRecord carbonRecord() {
        CarbonRecord c = new CarbonRecord();
        c.enterprise = "e1";
        c.park = "p1";
        c.industry = "power";
        c.source = "u1-stack";
        c.window = "1h";
        c.windowStartMillis = HOUR;
        c.co2T = 700.0;
        c.loadMw = 600.0;
        c.energyMwh = 600.0;
        return c;
    }
}
