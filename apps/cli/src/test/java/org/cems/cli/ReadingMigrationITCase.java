package org.cems.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.core.normalize.Measure;
import org.cems.core.normalize.SourceReading;
import org.cems.job.points.ReadingPoints;
import org.cems.testkit.InfluxDbServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The printed migration, run statement by statement on a real InfluxDB 1.x holding narrow
 * {@code reading} points as earlier versions wrote them, leaves exactly what {@link ReadingPoints}
 * writes for the same readings into an empty database.
 */
class ReadingMigrationITCase {
    private static final long T1 = Instant.parse("2026-11-26T02:00:00Z").toEpochMilli();
    private static final long T2 = Instant.parse("2026-11-26T02:00:30.250Z").toEpochMilli();
    private static final long T3 = Instant.parse("2026-11-26T02:01:00Z").toEpochMilli();

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
        influx.createDatabase("narrow");
        // earlier versions: a point per code, tag code, fields value, zs (where sent), flag, valid
        db.write(
                "narrow",
                String.join(
                        "\n",
                        "reading,cn=2011,code=a21026,enterprise=e1,mn=MN1,source=s1 value=20.5,zs=28.4,flag=\"N\",valid=true "
                                + T1,
                        "reading,cn=2011,code=a19001,enterprise=e1,mn=MN1,source=s1 value=7.2,flag=\"N\",valid=true "
                                + T1,
                        "reading,cn=2011,code=load_mw,enterprise=e1,mn=MN1,source=s1 value=310,flag=\"N\",valid=true "
                                + T1,
                        "reading,cn=2011,code=a21026,enterprise=e1,mn=MN1,source=s1 value=99,flag=\"C\",valid=false "
                                + T2,
                        "reading,cn=2061,code=a21002,enterprise=e1,mn=MN2,source=s2 value=41,zs=50.5,flag=\"N\",valid=true "
                                + T1));
        // written by this version before the migration ran: kept as it is
        List<SourceReading> readings = List.of(
                reading(
                        "s1",
                        "MN1",
                        "2011",
                        T1,
                        "a21026",
                        new Measure(20.5, 28.4, true, "N"),
                        "a19001",
                        new Measure(7.2, null, true, "N"),
                        "load_mw",
                        new Measure(310, null, true, "N")),
                reading("s1", "MN1", "2011", T2, "a21026", new Measure(99, null, false, "C")),
                reading("s2", "MN2", "2061", T1, "a21002", new Measure(41, 50.5, true, "N")),
                reading("s1", "MN1", "2011", T3, "a21026", new Measure(21, 29.0, true, "N")));
        db.write("narrow", points(readings.subList(3, 4)));

        List<String> statements = MigrationDatabases.printed(ReadingMigration::run);
        assertThat(statements.get(statements.size() - 1))
                .isEqualTo("DROP SERIES FROM \"reading\" WHERE \"code\" != ''");
        db.runEach("narrow", statements);

        influx.createDatabase("wide");
        db.write("wide", points(readings));
        assertThat(db.series("wide", "SHOW FIELD KEYS FROM \"reading\"").path(0).path("values"))
                .hasSize(15);
        db.assertSameWidePoints("narrow", "wide", "reading", "\"enterprise\", \"source\", \"mn\", \"cn\"");
        assertThat(db.series("narrow", "SHOW SERIES FROM \"reading\"").path(0).path("values"))
                .extracting(JsonNode::toString)
                .containsExactly(
                        "[\"reading,cn=2011,enterprise=e1,mn=MN1,source=s1\"]",
                        "[\"reading,cn=2061,enterprise=e1,mn=MN2,source=s2\"]");
        // checked by hand: the first reading's three codes in one point, value_count 3, no 折算 value for O2
        JsonNode first = db.series(
                        "narrow",
                        "SELECT a21026, a21026_zs, a21026_flag, a21026_valid, a19001, a19001_zs, load_mw, value_count "
                                + "FROM \"reading\" WHERE source = 's1' AND time = " + T1 + "ms")
                .path(0)
                .path("values")
                .path(0);
        assertThat(first.toString()).isEqualTo("[" + T1 + ",20.5,28.4,\"N\",true,7.2,null,310,3]");
    }

    @Test
    void aPeriodAtATimeLeavesTheDropOut() {
        List<String> statements = ReadingMigration.statements(new MigrationCommand.Options(
                Set.of("a21026"), Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")));
        assertThat(statements)
                .containsExactly(
                        "SELECT \"value\" AS \"a21026\", \"zs\" AS \"a21026_zs\", \"flag\" AS \"a21026_flag\", \"valid\" AS \"a21026_valid\" "
                                + "INTO \"reading\" FROM \"reading\" WHERE \"code\" = 'a21026' AND time >= '2026-01-01T00:00:00Z' "
                                + "AND time < '2026-02-01T00:00:00Z' GROUP BY \"enterprise\", \"source\", \"mn\", \"cn\"",
                        "SELECT count(\"value\") AS \"value_count\" INTO \"reading\" FROM \"reading\" WHERE \"code\" != '' "
                                + "AND time >= '2026-01-01T00:00:00Z' AND time < '2026-02-01T00:00:00Z' "
                                + "GROUP BY time(1ms), \"enterprise\", \"source\", \"mn\", \"cn\" fill(none)");
    }

    private static SourceReading reading(String source, String mn, String cn, long time, Object... codesAndMeasures) {
        SourceReading r = new SourceReading();
        r.enterprise = "e1";
        r.source = source;
        r.mn = mn;
        r.cn = cn;
        r.timeMillis = time;
        for (int i = 0; i < codesAndMeasures.length; i += 2) {
            r.reported.put((String) codesAndMeasures[i], (Measure) codesAndMeasures[i + 1]);
        }
        return r;
    }

    private static List<InfluxPoint> points(List<SourceReading> readings) throws Exception {
        List<InfluxPoint> points = new ArrayList<>();
        for (SourceReading r : readings) {
            new ReadingPoints().flatMap(r, new ListCollector<>(points));
        }
        return points;
    }
}
