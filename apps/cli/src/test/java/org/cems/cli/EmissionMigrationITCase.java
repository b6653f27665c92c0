package org.cems.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.job.carbon.CarbonRecord;
import org.cems.job.emission.EmissionRecord;
import org.cems.job.points.CarbonPoints;
import org.cems.job.points.EmissionPoints;
import org.cems.job.points.TotalPoints;
import org.cems.job.rollup.TotalRecord;
import org.cems.testkit.InfluxDbServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The printed migration, run statement by statement on a real InfluxDB 1.x holding narrow
 * {@code emission} points as earlier versions wrote them, leaves exactly what {@link EmissionPoints}
 * writes for the same records into an empty database; narrow {@code emission_total} points become
 * the ones {@link TotalPoints} writes. Run again, it writes nothing.
 */
class EmissionMigrationITCase {
    private static final String SO2 = "a21026";
    private static final String NOX = "a21002";
    private static final String PM = "a34013";
    /** A pollutant an earlier catalogue had: converted only when named with --pollutants. */
    private static final String RETIRED = "a99999";

    private static final long DAY = Instant.parse("2026-11-25T16:00:00Z").toEpochMilli();
    private static final long H0 = Instant.parse("2026-11-26T02:00:00Z").toEpochMilli();
    private static final long H1 = Instant.parse("2026-11-26T03:00:00Z").toEpochMilli();
    private static final long H2 = Instant.parse("2026-11-26T04:00:00Z").toEpochMilli();
    private static final long H3 = Instant.parse("2026-11-26T05:00:00Z").toEpochMilli();
    private static final long M0 = Instant.parse("2026-11-26T02:00:00Z").toEpochMilli();
    private static final String TAGS = "\"enterprise\", \"park\", \"industry\", \"source\", \"window\"";
    private static final String TOTAL_TAGS = "\"scope\", \"id\", \"window\"";

    static InfluxDbServer influx;
    static MigrationDatabases db;

    @BeforeAll
    static void start() {
        influx = InfluxDbServer.start();
        db = new MigrationDatabases(influx);
    }

    @AfterAll
    static void stop() {
        influx.close();
    }

    @Test
    void narrowPointsBecomeTheWidePointsTheJobWrites() throws Exception {
        List<EmissionRecord> records = List.of(
                // s1's hour H0: SO2 over its limit, NOx within it, PM without a limit (not judged)
                judged(hour("s1", SO2, H0, 40.0), 35.0, true),
                judged(hour("s1", NOX, H0, 20.0), 50.0, false),
                hour("s1", PM, H0, 5.0),
                // H1: both judged within; H2: no valid data, substituted, nothing judged, no flow
                judged(hour("s1", SO2, H1, 30.0), 35.0, false),
                judged(hour("s1", NOX, H1, 25.0), 50.0, false),
                hour("s1", SO2, H2, null),
                hour("s1", NOX, H2, null),
                // s2 has no flow meter; its minute's O2 was capped
                capped(minute("s2", SO2, M0, 12.0, null)),
                capped(minute("s2", RETIRED, M0, 3.0, null)),
                minute("s1", SO2, M0, 41.0, 120_000.0),
                fromLogger(minute("s1", NOX, M0, 21.0, 120_000.0)),
                day("s1", SO2, 55.0, 60.5),
                day("s1", NOX, 30.0, 30.0),
                // written by this version before the migration ran: kept as it is
                judged(hour("s1", SO2, H3, 10.0), 35.0, false));
        List<EmissionRecord> old = records.subList(0, records.size() - 1);
        influx.createDatabase("narrow");
        db.write("narrow", old.stream().map(EmissionMigrationITCase::narrow).toList());
        db.write("narrow", EmissionWindows.points(records.subList(records.size() - 1, records.size())));

        List<String> statements = MigrationDatabases.printed(EmissionMigration::run, "--pollutants", RETIRED);
        assertThat(statements.subList(statements.size() - 3, statements.size()))
                .containsExactly(
                        "DROP SERIES FROM \"emission\" WHERE \"pollutant\" != ''",
                        "DROP SERIES FROM \"emission_total\" WHERE \"pollutant\" != ''",
                        "DROP MEASUREMENT \"carbon\"");
        db.runEach("narrow", statements);
        assertRerunWritesNothing("narrow", statements);

        influx.createDatabase("wide");
        db.write("wide", EmissionWindows.points(records));
        db.assertSameWidePoints("narrow", "wide", "emission", TAGS);
        // checked by hand: s1's hours carry their pollutants' count and the number over a limit
        assertThat(db.series(
                                "narrow",
                                "SELECT pollutant_count, exceeded_count, a21026_exceeded, a21002_exceeded, a34013_conc_mg_m3, flow_m3_h "
                                        + "FROM emission WHERE source = 's1' AND \"window\" = '1h'")
                        .path(0)
                        .path("values")
                        .toString())
                .isEqualTo("[[" + H0 + ",3,1,true,false,5,120000]," + "[" + H1 + ",2,0,false,false,null,120000]," + "["
                        + H2 + ",2,null,null,null,null,null]," + "[" + H3 + ",1,0,false,null,null,120000]]");
    }

    @Test
    void aPeriodAtATimeLeavesTheDropOut() {
        List<String> statements = EmissionMigration.statements(new MigrationCommand.Options(
                Set.of(SO2), Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")));
        String period = " AND time >= '2026-01-01T00:00:00Z' AND time < '2026-02-01T00:00:00Z'";
        assertThat(statements)
                .containsExactly(
                        "SELECT \"conc_mg_m3\" AS \"a21026_conc_mg_m3\", \"conc_ref_mg_m3\" AS \"a21026_conc_ref_mg_m3\", "
                                + "\"rate_kg_h\" AS \"a21026_rate_kg_h\", \"mass_kg\" AS \"a21026_mass_kg\", "
                                + "\"mass_accounted_kg\" AS \"a21026_mass_accounted_kg\", \"substituted\" AS \"a21026_substituted\", "
                                + "\"mass_logger_kg\" AS \"a21026_mass_logger_kg\", \"valid_count\" AS \"a21026_valid_count\", "
                                + "\"stopped_count\" AS \"a21026_stopped_count\", \"valid\" AS \"a21026_valid\", "
                                + "\"limit_mg_m3\" AS \"a21026_limit_mg_m3\", \"exceeded\" AS \"a21026_exceeded\", "
                                + "\"flow_m3_h\", \"from_logger\", \"o2_capped\", \"duration_min\" "
                                + "INTO \"emission\" FROM \"emission\" WHERE \"pollutant\" = 'a21026'" + period
                                + " GROUP BY " + TAGS,
                        "SELECT count(\"valid_count\") AS \"pollutant_count\", count(\"exceeded\") * 0 AS \"exceeded_count\" "
                                + "INTO \"emission\" FROM \"emission\" WHERE \"pollutant\" != ''" + period
                                + " GROUP BY time(1ms), " + TAGS + " fill(none)",
                        "SELECT count(\"exceeded\") AS \"exceeded_count\" INTO \"emission\" FROM \"emission\" "
                                + "WHERE \"pollutant\" != '' AND \"exceeded\" = true" + period
                                + " GROUP BY time(1ms), " + TAGS + " fill(none)",
                        "SELECT \"mass_kg\" AS \"a21026_mass_kg\", \"sources\" AS \"a21026_sources\" "
                                + "INTO \"emission_total\" FROM \"emission_total\" WHERE \"pollutant\" = 'a21026'"
                                + period + " GROUP BY " + TOTAL_TAGS,
                        "SELECT * INTO \"emission\" FROM \"carbon\" WHERE \"source\" != ''" + period + " GROUP BY *");
    }

    @Test
    void carbonPointsBecomeFieldsOfTheSourcesEmissionPoints() throws Exception {
        List<EmissionRecord> records =
                List.of(judged(hour("s1", SO2, H0, 40.0), 35.0, true), day("s1", SO2, 55.0, 60.5));
        CarbonRecord hourCarbon = carbon("s1", "1h", H0, 700.5, 600.0);
        CarbonRecord dayCarbon = carbon("s1", "1d", DAY, 16_000.25, 14_400.0);
        // a unit with load but no CO2 CEMS and no pollutant windows: its point has carbon fields alone
        CarbonRecord loadOnly = carbon("s2", "1h", H0, null, 300.0);
        influx.createDatabase("carbon");
        db.write("carbon", EmissionWindows.points(records));
        // as earlier versions wrote them: measurement carbon, the emission points' tags
        db.write(
                "carbon",
                String.join(
                        "\n",
                        "carbon,enterprise=e1,park=p1,industry=thermal_power,source=s1,window=1h "
                                + "co2_t=700.5,load_mw=600,energy_mwh=600 " + H0,
                        "carbon,enterprise=e1,park=p1,industry=thermal_power,source=s1,window=1d "
                                + "co2_t=16000.25,load_mw=14400,energy_mwh=14400 " + DAY,
                        "carbon,enterprise=e2,park=p1,industry=thermal_power,source=s2,window=1h "
                                + "load_mw=300,energy_mwh=300 " + H0));

        List<String> statements = MigrationDatabases.printed(EmissionMigration::run);
        db.runEach("carbon", statements);
        assertRerunWritesNothing("carbon", statements);

        influx.createDatabase("carbon_now");
        List<InfluxPoint> now = new ArrayList<>(EmissionWindows.points(records));
        for (CarbonRecord c : List.of(hourCarbon, dayCarbon, loadOnly)) {
            now.add(CarbonPoints.point(c));
        }
        db.write("carbon_now", now);
        db.assertSameWidePoints("carbon", "carbon_now", "emission", TAGS);
        assertThat(db.series("carbon", "SHOW MEASUREMENTS").toString()).doesNotContain("\"carbon\"");
    }

    private static CarbonRecord carbon(String source, String window, long start, Double co2T, double loadMw) {
        CarbonRecord c = new CarbonRecord();
        c.enterprise = source.equals("s1") ? "e1" : "e2";
        c.park = "p1";
        c.industry = "thermal_power";
        c.source = source;
        c.window = window;
        c.windowStartMillis = start;
        c.co2T = co2T;
        c.loadMw = loadMw;
        c.energyMwh = loadMw;
        return c;
    }

    @Test
    void narrowTotalsBecomeOnePointPerScopeAndWindow() throws Exception {
        influx.createDatabase("totals");
        // as earlier versions wrote them: mass_kg a float (also where it is whole), sources an integer
        db.write(
                "totals",
                String.join(
                        "\n",
                        "emission_total,scope=city,id=ordos,pollutant=a21026,window=1h mass_kg=12.5,sources=3i " + H0,
                        "emission_total,scope=city,id=ordos,pollutant=a21002,window=1h mass_kg=20,sources=3i " + H0,
                        "emission_total,scope=city,id=ordos,pollutant=a21026,window=1h mass_kg=11.25,sources=2i " + H1,
                        "emission_total,scope=park,id=dalate,pollutant=a21026,window=1d mass_kg=300.5,sources=2i "
                                + DAY,
                        "emission_total,scope=park,id=dalate,pollutant=a34013,window=1d mass_kg=41.75,sources=1i "
                                + DAY,
                        "emission_total,scope=enterprise,id=e2,pollutant=a99999,window=1h mass_kg=0.75,sources=1i "
                                + H0));
        // written by this version before the migration ran: kept as it is, in the series the others join
        db.write("totals", List.of(new TotalPoints().map(new TotalRecord("city", "ordos", SO2, "1h", H3, 9.5, 3))));

        List<String> statements = MigrationDatabases.printed(EmissionMigration::run, "--pollutants", RETIRED);
        db.runEach("totals", statements);
        assertRerunWritesNothing("totals", statements);

        List<String> fields = new ArrayList<>();
        for (String p : List.of(SO2, NOX, PM, RETIRED)) {
            fields.add("\"" + p + "_mass_kg\"");
            fields.add("\"" + p + "_sources\"");
        }
        // checked by hand: a window's pollutants in one point, no pollutant tag, one series per scope and window
        assertThat(totals("SELECT " + String.join(", ", fields) + " FROM \"emission_total\" GROUP BY " + TOTAL_TAGS))
                .containsExactly(
                        "{\"id\":\"dalate\",\"scope\":\"park\",\"window\":\"1d\"} " + "[[" + DAY
                                + ",300.5,2,null,null,41.75,1,null,null]]",
                        "{\"id\":\"e2\",\"scope\":\"enterprise\",\"window\":\"1h\"} " + "[[" + H0
                                + ",null,null,null,null,null,null,0.75,1]]",
                        "{\"id\":\"ordos\",\"scope\":\"city\",\"window\":\"1h\"} "
                                + "[[" + H0 + ",12.5,3,20,3,null,null,null,null],"
                                + "[" + H1 + ",11.25,2,null,null,null,null,null,null],"
                                + "[" + H3 + ",9.5,3,null,null,null,null,null,null]]");
        assertThat(db.series("totals", "SHOW SERIES FROM \"emission_total\"")
                        .path(0)
                        .path("values")
                        .toString())
                .isEqualTo("[[\"emission_total,id=dalate,scope=park,window=1d\"],"
                        + "[\"emission_total,id=e2,scope=enterprise,window=1h\"],"
                        + "[\"emission_total,id=ordos,scope=city,window=1h\"]]");
        // INTO keeps a field's type: the counts stay integers, as TotalPoints writes them
        List<String> keys = new ArrayList<>();
        db.series("totals", "SHOW FIELD KEYS FROM \"emission_total\"")
                .path(0)
                .path("values")
                .forEach(k -> keys.add(k.path(0).asText() + " " + k.path(1).asText()));
        assertThat(keys)
                .contains(
                        "a21026_mass_kg float",
                        "a21026_sources integer",
                        "a21002_mass_kg float",
                        "a21002_sources integer",
                        "a34013_mass_kg float",
                        "a34013_sources integer",
                        "a99999_mass_kg float",
                        "a99999_sources integer");
    }

    /**
     * Run again, the statements find no narrow series: every SELECT INTO answers that it wrote
     * nothing and the drops find nothing to drop, so a repeated or resumed migration is harmless.
     */
    private static void assertRerunWritesNothing(String database, List<String> statements) throws Exception {
        for (String q : statements) {
            if (q.startsWith("DROP")) {
                db.runEach(database, List.of(q));
            } else {
                assertThat(db.series(database, q).path(0).path("values").toString())
                        .as(q)
                        .isEqualTo("[[0,0]]");
            }
        }
    }

    /** Each series of {@code q}'s answer on the totals database: its tags, then its rows. */
    private static List<String> totals(String q) throws Exception {
        List<String> series = new ArrayList<>();
        for (JsonNode s : db.series("totals", q)) {
            series.add(s.path("tags") + " " + s.path("values"));
        }
        return series;
    }

    // --- records -------------------------------------------------------------------------------------

    private static EmissionRecord record(String source, String pollutant, String window, long start) {
        EmissionRecord r = new EmissionRecord();
        r.enterprise = source.equals("s1") ? "e1" : "e2";
        r.park = "p1";
        r.industry = "thermal_power";
        r.source = source;
        r.stack = true;
        r.pollutant = pollutant;
        r.window = window;
        r.windowStartMillis = start;
        return r;
    }

    /** An hour at 120,000 m3/h, valid with a concentration, else substituted (HJ 75-2017). */
    private static EmissionRecord hour(String source, String pollutant, long start, Double concMgM3) {
        EmissionRecord r = record(source, pollutant, "1h", start);
        r.valid = concMgM3 != null;
        r.validCount = r.valid ? 60 : 0;
        if (r.valid) {
            r.concMgM3 = concMgM3;
            r.concRefMgM3 = concMgM3 * 1.1;
            r.flowM3H = 120_000.0;
            r.rateKgH = concMgM3 * 0.12;
            r.massKg = r.rateKgH;
        }
        r.massAccountedKg = r.valid ? r.massKg : 7.5;
        r.substituted = !r.valid;
        return r;
    }

    private static EmissionRecord judged(EmissionRecord r, double limitMgM3, boolean exceeded) {
        r.limitMgM3 = limitMgM3;
        r.exceeded = exceeded;
        return r;
    }

    private static EmissionRecord minute(String source, String pollutant, long start, double concMgM3, Double flowM3H) {
        EmissionRecord r = record(source, pollutant, "1m", start);
        r.valid = true;
        r.validCount = 1;
        r.durationMinutes = 1;
        r.concMgM3 = concMgM3;
        r.concRefMgM3 = concMgM3 * 1.1;
        if (flowM3H != null) {
            r.flowM3H = flowM3H;
            r.rateKgH = concMgM3 * flowM3H / 1e6;
            r.massKg = r.rateKgH / 60;
        }
        return r;
    }

    private static EmissionRecord capped(EmissionRecord r) {
        r.o2Capped = true;
        return r;
    }

    private static EmissionRecord fromLogger(EmissionRecord r) {
        r.fromLogger = true;
        r.massLoggerKg = 0.04;
        return r;
    }

    private static EmissionRecord day(String source, String pollutant, double massKg, double accountedKg) {
        EmissionRecord r = record(source, pollutant, "1d", DAY);
        r.valid = true;
        r.validCount = 23;
        r.stoppedCount = 1;
        r.massKg = massKg;
        r.massAccountedKg = accountedKg;
        r.substituted = accountedKg != massKg;
        return r;
    }

    // --- points ---------------------------------------------------------------------------------------

    /** A record as versions before one point per source and window wrote it: a point per pollutant. */
    private static InfluxPoint narrow(EmissionRecord r) {
        InfluxPoint.Builder p = InfluxPoint.measurement("emission")
                .tag("enterprise", r.enterprise)
                .tag("park", r.park)
                .tag("industry", r.industry)
                .tag("source", r.source)
                .tag("pollutant", r.pollutant)
                .tag("window", r.window)
                .field("valid_count", (long) r.validCount)
                .field("valid", r.valid)
                .field("stopped_count", (long) r.stoppedCount)
                .field("from_logger", r.fromLogger)
                .field("o2_capped", r.o2Capped)
                .timeMillis(r.windowStartMillis);
        Map<String, Double> optional = new LinkedHashMap<>();
        optional.put("conc_mg_m3", r.concMgM3);
        optional.put("conc_ref_mg_m3", r.concRefMgM3);
        optional.put("flow_m3_h", r.flowM3H);
        optional.put("rate_kg_h", r.rateKgH);
        optional.put("mass_kg", r.massKg);
        optional.put("mass_accounted_kg", r.massAccountedKg);
        optional.put("mass_logger_kg", r.massLoggerKg);
        optional.put("limit_mg_m3", r.limitMgM3);
        optional.forEach((field, value) -> {
            if (value != null) {
                p.field(field, value);
            }
        });
        if (r.substituted != null && r.massAccountedKg != null) {
            p.field("substituted", r.substituted);
        }
        if (r.durationMinutes != null) {
            p.field("duration_min", (long) r.durationMinutes);
        }
        if (r.exceeded != null) {
            p.field("exceeded", r.exceeded);
        }
        return p.build();
    }
}
