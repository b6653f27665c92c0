package org.cems.cli.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.cems.cli.EmissionWindows;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.connector.influxdb.LineProtocol;
import org.cems.connector.influxdb.WritePrecision;
import org.cems.job.carbon.CarbonRecord;
import org.cems.job.efficiency.EfficiencyRecord;
import org.cems.job.emission.EmissionRecord;
import org.cems.job.points.CarbonPoints;
import org.cems.job.points.EfficiencyPoints;
import org.cems.job.points.ReadingPoints;
import org.cems.testkit.FreePorts;
import org.cems.testkit.InfluxDbServer;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger on a real InfluxDB holding points shaped as the job writes them (its own point
 * classes) for January and February 2024 of two enterprises, every cell against figures worked
 * by hand below. Enterprise e1 has a stack s1 (SO2, NOx, with limits) and an inlet i1 whose
 * large figures must never count; e2 has a stack s2 (NMHC) that is silent in January.
 */
class LedgerCommandITCase {
    static final String DB = "cems";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String SO2 = "a21026";
    static final String NOX = "a21002";
    static final String NMHC = "a24088";
    /** 1 March 2024 00:00 in Ordos: January and February are whole, March has not begun. */
    static final Clock MARCH_1 = Clock.fixed(Instant.parse("2024-02-29T16:00:00Z"), ZoneOffset.UTC);

    static final int JANUARY_HOURS = 31 * 24;
    static final int FEBRUARY_HOURS = 29 * 24;

    static InfluxDbServer influx;
    static Path registry;

    @TempDir
    Path dir;

    @BeforeAll
    static void fill() throws Exception {
        influx = InfluxDbServer.start();
        influx.createDatabase(DB);
        registry = Files.createTempFile("ledger-registry", ".yaml");
        Files.writeString(registry, """
                city: Testville
                timezone: Asia/Shanghai
                enterprises:
                  - id: e1
                    name: 甲电厂
                    park: p1
                    industry: thermal_power
                    sources:
                      - {id: s1, mn: "LEDGERMN0000000000000001", kind: coal_boiler, limits_mg_m3: {a21026: 35, a21002: 50}}
                      - {id: i1, mn: "LEDGERMN0000000000000002", kind: coal_boiler, role: inlet}
                    devices:
                      - {id: d1, type: fgd, pollutant: a21026, inlet: i1, outlet: s1, baseline_efficiency_pct: 98.0}
                  - id: e2
                    name: 乙化工
                    park: p2
                    industry: coal_chemical
                    sources:
                      - {id: s2, mn: "LEDGERMN0000000000000003", kind: process_vent, limits_mg_m3: {a24088: 60}}
                """);
        // daily masses (kg): s1 SO2 100 + 80 measured, 100 + 95.5 accounted (2 Jan substituted); NOx 250
        List<EmissionRecord> emissions = new ArrayList<>();
        emissions.add(day("e1", "s1", SO2, "2024-01-01", 100.0, 100.0, false));
        emissions.add(day("e1", "s1", SO2, "2024-01-02", 80.0, 95.5, true));
        emissions.add(day("e1", "s1", NOX, "2024-01-01", 250.0, 250.0, false));
        emissions.add(day("e1", "i1", SO2, "2024-01-01", 5000.0, 5000.0, false));
        emissions.add(day("e1", "s1", SO2, "2024-02-10", 60.0, 60.0, false));
        emissions.add(day("e2", "s2", NMHC, "2024-02-01", 12.5, 12.5, false));
        // hours of s1 SO2 on 1 Jan: 00 valid and exceeded, 01 valid, 02 missing (substituted), 03 stopped throughout
        emissions.add(hour("e1", "s1", SO2, "2024-01-01T00:00", true, true, false, 0));
        emissions.add(hour("e1", "s1", SO2, "2024-01-01T01:00", true, false, false, 0));
        emissions.add(hour("e1", "s1", SO2, "2024-01-01T02:00", false, null, true, 0));
        emissions.add(hour("e1", "s1", SO2, "2024-01-01T03:00", false, null, false, 60));
        emissions.add(hour("e1", "s1", NOX, "2024-01-01T00:00", true, false, false, 0));
        emissions.add(hour("e1", "i1", SO2, "2024-01-01T00:00", true, true, true, 0));
        emissions.add(hour("e1", "s1", SO2, "2024-02-10T05:00", true, false, false, 0));
        emissions.add(hour("e2", "s2", NMHC, "2024-02-01T00:00", true, false, false, 0));
        // one point per source and window: s1's SO2 and NOx of 1 Jan and of its hour 00 share one
        List<InfluxPoint> points = new ArrayList<>(EmissionWindows.points(emissions));
        // readings: two in s1's SO2 hour 00, an invalid one in hour 02 (data, not valid), F data in the stopped hour 03
        points.add(reading("e1", "s1", SO2, "2024-01-01T00:10", true));
        points.add(reading("e1", "s1", SO2, "2024-01-01T00:40", true));
        points.add(reading("e1", "s1", SO2, "2024-01-01T01:00", true));
        points.add(reading("e1", "s1", SO2, "2024-01-01T02:30", false));
        points.add(reading("e1", "s1", SO2, "2024-01-01T03:30", false));
        points.add(reading("e1", "s1", NOX, "2024-01-01T00:10", true));
        points.add(reading("e1", "s1", "a01011", "2024-01-01T04:10", true));
        for (int h = 0; h < 10; h++) {
            points.add(reading("e1", "i1", SO2, "2024-01-01T0" + h + ":05", true));
        }
        points.add(reading("e1", "s1", SO2, "2024-02-10T05:59", true));
        points.add(reading("e2", "s2", NMHC, "2024-02-01T00:00", true));
        // carbon: 1 Jan 1000 t, 2000 MWh at 300 gce/kWh; 2 Jan 900 t, 1000 MWh at 320; 3 Jan 50 t without energy
        points.add(carbon("e1", "s1", "2024-01-01", 1000.0, 2000.0, 300.0, 320.0));
        points.add(carbon("e1", "s1", "2024-01-02", 900.0, 1000.0, 320.0, 400.0));
        points.add(carbon("e1", "s1", "2024-01-03", 50.0, null, null, null));
        points.add(carbon("e1", "i1", "2024-01-01", 999.0, 999.0, 999.0, 999.0));
        points.add(carbon("e1", "s1", "2024-02-01", 100.0, 400.0, null, null));
        // FGD d1: 98 % and 96 % on valid days, 50 % on an invalid one; operating rate 100, 90, 40 %
        points.add(efficiency("2024-01-01", true, 98.0, 100.0));
        points.add(efficiency("2024-01-02", true, 96.0, 90.0));
        points.add(efficiency("2024-01-03", false, 50.0, 40.0));
        write(points);
    }

    @AfterAll
    static void stop() throws Exception {
        influx.close();
        Files.deleteIfExists(registry);
    }

    // --- hand-worked figures ---------------------------------------------------------------------------

    /** s1 monitors SO2 and NOx: every hour of January for both, but SO2's stopped hour 03. */
    static final long E1_JAN_EXPECTED = (JANUARY_HOURS - 1) + JANUARY_HOURS;
    /** SO2 hours 00, 01, 02 (the stopped hour 03 is not due), NOx hour 00; the inlet's and the velocity's do not count. */
    static final long E1_JAN_WITH_DATA = 3 + 1;

    static final long E1_JAN_VALID = 2 + 1;
    /** 发电煤耗: standard coal 300 × 2000 + 320 × 1000 = 920000 (gce/kWh × MWh) over 3000 MWh generated = 306.67. */
    static final double E1_JAN_COAL_GROSS = (300.0 * 2000 + 320.0 * 1000) / (2000 + 1000);
    /**
     * 供电煤耗: the same coal over the supplied energy, each day's coal over its net rate:
     * 600000 / 320 = 1875 MWh and 320000 / 400 = 800 MWh, so 920000 / 2675 = 343.93 (a mean of
     * the days' net rates would say 360, weighted by generated energy 346.67).
     */
    static final double E1_JAN_COAL_NET = (300.0 * 2000 + 320.0 * 1000) / (300.0 * 2000 / 320 + 320.0 * 1000 / 400);

    static final List<String> HEADER = List.of(
            "企业编号 / enterprise",
            "企业名称 / name",
            "月份 / month",
            "二氧化硫实测排放量(t) / SO2 measured (t)",
            "二氧化硫核算排放量(t) / SO2 accounted (t)",
            "氮氧化物实测排放量(t) / NOx measured (t)",
            "氮氧化物核算排放量(t) / NOx accounted (t)",
            "颗粒物实测排放量(t) / PM measured (t)",
            "颗粒物核算排放量(t) / PM accounted (t)",
            "非甲烷总烃实测排放量(t) / NMHC measured (t)",
            "非甲烷总烃核算排放量(t) / NMHC accounted (t)",
            "二氧化碳排放量(t) / CO2 (t)",
            "发电量(MWh) / energy (MWh)",
            "发电煤耗(gce/kWh) / gross coal rate (gce/kWh)",
            "供电煤耗(gce/kWh) / net coal rate (gce/kWh)",
            "超标小时数 / exceedance hours",
            "修约小时数 / substituted hours",
            "应收小时数 / hours expected",
            "实收小时数 / hours with data",
            "有效小时数 / valid hours",
            "数据传输率(%) / transmission rate (%)",
            "数据有效率(%) / validity (%)",
            "传输有效率(%) / valid transmission rate (%)");

    /** Every cell, unrounded; null where there is no data. */
    static List<List<Object>> expectedLedger() {
        return List.of(
                row(
                        "e1",
                        "甲电厂",
                        "2024-01",
                        0.180,
                        0.1955,
                        0.250,
                        0.250,
                        null,
                        null,
                        null,
                        null,
                        1000.0 + 900 + 50,
                        2000.0 + 1000,
                        E1_JAN_COAL_GROSS,
                        E1_JAN_COAL_NET,
                        1L,
                        1L,
                        E1_JAN_EXPECTED,
                        E1_JAN_WITH_DATA,
                        E1_JAN_VALID,
                        100.0 * E1_JAN_WITH_DATA / E1_JAN_EXPECTED,
                        100.0 * E1_JAN_VALID / E1_JAN_WITH_DATA,
                        100.0 * E1_JAN_VALID / E1_JAN_EXPECTED),
                row(
                        "e2",
                        "乙化工",
                        "2024-01",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        0L,
                        0L,
                        (long) JANUARY_HOURS,
                        0L,
                        0L,
                        0.0,
                        null,
                        0.0),
                row(
                        "e1",
                        "甲电厂",
                        "2024-02",
                        0.060,
                        0.060,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        100.0,
                        400.0,
                        null,
                        null,
                        0L,
                        0L,
                        2L * FEBRUARY_HOURS,
                        1L,
                        1L,
                        100.0 / (2 * FEBRUARY_HOURS),
                        100.0,
                        100.0 / (2 * FEBRUARY_HOURS)),
                row(
                        "e2",
                        "乙化工",
                        "2024-02",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        0.0125,
                        0.0125,
                        null,
                        null,
                        null,
                        null,
                        0L,
                        0L,
                        (long) FEBRUARY_HOURS,
                        1L,
                        1L,
                        100.0 / FEBRUARY_HOURS,
                        100.0,
                        100.0 / FEBRUARY_HOURS));
    }

    static List<List<Object>> expectedDevices() {
        return List.of(
                row("e1", "甲电厂", "2024-01", "d1", "fgd", "SO2", "s1", (98.0 + 96.0) / 2, 2L, (100.0 + 90 + 40) / 3, 3L),
                row("e1", "甲电厂", "2024-02", "d1", "fgd", "SO2", "s1", null, 0L, null, 0L));
    }

    // --- tests -------------------------------------------------------------------------------------------

    @Test
    void csvHasEveryCellRoundedAsTheColumnSays() throws Exception {
        Path out = dir.resolve("ledger-2024.csv");
        Run run = ledger("--year", "2024", "--format", "csv", "--out", out.toString());
        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output).contains("reading 2024-01 (1 of 2)", "reading 2024-02 (2 of 2)");

        byte[] bytes = Files.readAllBytes(out);
        assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte-order mark").containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = csvLines(out);
        assertThat(lines.get(0)).isEqualTo(String.join(",", HEADER));
        assertThat(lines.subList(1, lines.size()))
                .containsExactly(
                        // 0.1955 t rounds to 0.196; 4/1487 = 0.269 %, 3/4 = 75 %, 3/1487 = 0.202 %; coal 920000/3000 =
                        // 306.67 and 920000/2675 = 343.93
                        "e1,甲电厂,2024-01,0.180,0.196,0.250,0.250,,,,,1950.000,3000.000,306.7,343.9,1,1,1487,4,3,0.27,75.00,0.20",
                        "e2,乙化工,2024-01,,,,,,,,,,,,,0,0,744,0,0,0.00,,0.00",
                        // 1/1392 = 0.0718 %
                        "e1,甲电厂,2024-02,0.060,0.060,,,,,,,100.000,400.000,,,0,0,1392,1,1,0.07,100.00,0.07",
                        // 12.5 kg = 0.0125 t, half up 0.013; 1/696 = 0.1437 %
                        "e2,乙化工,2024-02,,,,,,,0.013,0.013,,,,,0,0,696,1,1,0.14,100.00,0.14");
        for (int r = 0; r < expectedLedger().size(); r++) {
            List<Object> expected = expectedLedger().get(r);
            String[] cells = lines.get(r + 1).split(",", -1);
            for (int c = 0; c < expected.size(); c++) {
                Column.Kind kind =
                        LedgerTables.enterprises(List.of()).columns().get(c).kind();
                assertThat(cells[c])
                        .as("row %d column %s", r, HEADER.get(c))
                        .isEqualTo(CsvLedgerWriter.format(expected.get(c), kind));
            }
        }

        List<String> devices = csvLines(LedgerCommand.devicesCsv(out));
        assertThat(devices)
                .containsExactly(
                        "企业编号 / enterprise,企业名称 / name,月份 / month,设施编号 / device,设施类型 / device type,污染物 / pollutant,"
                                + "排放口 / outlet,去除效率(%) / efficiency (%),有效天数 / valid days,投运率(%) / operating rate (%),"
                                + "投运率天数 / operating-rate days",
                        "e1,甲电厂,2024-01,d1,fgd,SO2,s1,97.00,2,76.67,3", "e1,甲电厂,2024-02,d1,fgd,SO2,s1,,0,,0");
    }

    @Test
    void xlsxHoldsTheSameCellsAtFullPrecision() throws Exception {
        Path out = dir.resolve("ledger-2024.xlsx");
        Run run = ledger("--year", "2024", "--format", "xlsx", "--out", out.toString());
        assertThat(run.exit).as(run.output).isZero();
        try (InputStream in = Files.newInputStream(out);
                ReadableWorkbook wb = new ReadableWorkbook(in)) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertThat(sheets)
                    .extracting(Sheet::getName)
                    .containsExactly(LedgerTables.LEDGER_SHEET, LedgerTables.DEVICE_SHEET);
            assertSheet(sheets.get(0), HEADER, expectedLedger());
            assertSheet(
                    sheets.get(1),
                    LedgerTables.devices(List.of()).columns().stream()
                            .map(Column::header)
                            .toList(),
                    expectedDevices());
        }
    }

    @Test
    void oneMonthOfOneEnterprise() throws Exception {
        Path out = dir.resolve("e2-2024-02.csv");
        Run run = ledger(
                "--year", "2024", "--month", "2", "--enterprise", "e2", "--format", "csv", "--out", out.toString());
        assertThat(run.exit).as(run.output).isZero();
        assertThat(csvLines(out).subList(1, 2))
                .containsExactly("e2,乙化工,2024-02,,,,,,,0.013,0.013,,,,,0,0,696,1,1,0.14,100.00,0.14");
        assertThat(csvLines(LedgerCommand.devicesCsv(out))).hasSize(1);
    }

    @Test
    void aYearWithoutDataIsAnErrorThatSaysSo() {
        Run run = ledger(
                "--year",
                "2023",
                "--format",
                "csv",
                "--out",
                dir.resolve("2023.csv").toString());
        assertThat(run.exit).isEqualTo(LedgerCommand.NO_DATA);
        assertThat(run.output).contains("no data for 2023", influx.url());
        assertThat(dir.resolve("2023.csv")).doesNotExist();
    }

    @Test
    void anUnreachableInfluxDbNamesItsUrlAndHowToSetIt() {
        String url = "http://127.0.0.1:" + FreePorts.next();
        Run run = ledgerAt(
                url,
                "--year",
                "2024",
                "--format",
                "xlsx",
                "--out",
                dir.resolve("x.xlsx").toString());
        assertThat(run.exit).isEqualTo(LedgerCommand.FAILED);
        assertThat(run.output).contains("not reachable at " + url, "--influx URL --database DB", "--config FILE");
    }

    @Test
    void badArgumentsPrintTheUsage() {
        Run run = ledger(
                "--year",
                "24x",
                "--format",
                "csv",
                "--out",
                dir.resolve("x.csv").toString());
        assertThat(run.exit).isEqualTo(LedgerCommand.USAGE);
        assertThat(run.output).contains("--year: a number from 2000 to 2100", "usage: cems ledger");
        run = ledger(
                "--year",
                "2024",
                "--enterprise",
                "nobody",
                "--format",
                "csv",
                "--out",
                dir.resolve("x.csv").toString());
        assertThat(run.exit).isEqualTo(LedgerCommand.USAGE);
        assertThat(run.output).contains("no enterprise \"nobody\" in the registry; its enterprises: e1, e2");
    }

    // --- helpers -----------------------------------------------------------------------------------------

    static void assertSheet(Sheet sheet, List<String> header, List<List<Object>> expected) throws Exception {
        List<Row> rows = sheet.read();
        assertThat(rows).hasSize(expected.size() + 1);
        for (int c = 0; c < header.size(); c++) {
            assertThat(rows.get(0).getCellText(c)).isEqualTo(header.get(c));
        }
        for (int r = 0; r < expected.size(); r++) {
            Row row = rows.get(r + 1);
            for (int c = 0; c < expected.get(r).size(); c++) {
                Object want = expected.get(r).get(c);
                String where = "sheet " + sheet.getName() + " row " + (r + 1) + " column " + header.get(c);
                if (want == null) {
                    assertThat(row.getOptionalCell(c).map(Cell::getRawValue).orElse(null))
                            .as(where)
                            .isNull();
                } else if (want instanceof Number n) {
                    BigDecimal got =
                            row.getCellAsNumber(c).orElseThrow(() -> new AssertionError(where + ": no number"));
                    assertThat(got.doubleValue()).as(where).isCloseTo(n.doubleValue(), within(1e-9));
                } else {
                    assertThat(row.getCellText(c)).as(where).isEqualTo(want);
                }
            }
        }
    }

    record Run(int exit, String output) {}

    Run ledger(String... args) {
        return ledgerAt(influx.url(), args);
    }

    Run ledgerAt(String url, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String[] all = Stream.concat(
                        Stream.of(args),
                        Stream.of("--influx", url, "--database", DB, "--registry", registry.toString()))
                .toArray(String[]::new);
        int exit = new LedgerCommand(MARCH_1, new PrintStream(bytes, true, StandardCharsets.UTF_8)).execute(all);
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    static List<String> csvLines(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF").endsWith("\r\n");
        return List.of(text.substring(1).split("\r\n"));
    }

    static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    static long at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant().toEpochMilli();
    }

    static EmissionRecord emission(String enterprise, String source, String pollutant, String window, long start) {
        EmissionRecord r = new EmissionRecord();
        r.enterprise = enterprise;
        r.park = enterprise.equals("e1") ? "p1" : "p2";
        r.industry = "x";
        r.source = source;
        r.pollutant = pollutant;
        r.window = window;
        r.windowStartMillis = start;
        return r;
    }

    static EmissionRecord day(
            String enterprise,
            String source,
            String pollutant,
            String date,
            double massKg,
            double accountedKg,
            boolean substituted) {
        EmissionRecord r = emission(enterprise, source, pollutant, "1d", at(date + "T00:00"));
        r.massKg = massKg;
        r.massAccountedKg = accountedKg;
        r.substituted = substituted;
        r.valid = true;
        r.validCount = 24;
        return r;
    }

    static EmissionRecord hour(
            String enterprise,
            String source,
            String pollutant,
            String start,
            boolean valid,
            Boolean exceeded,
            boolean substituted,
            int stoppedMinutes) {
        EmissionRecord r = emission(enterprise, source, pollutant, "1h", at(start));
        r.valid = valid;
        r.validCount = valid ? 60 : 0;
        r.stoppedCount = stoppedMinutes;
        r.massKg = valid ? 4.0 : null;
        r.massAccountedKg = valid ? 4.0 : stoppedMinutes == 60 ? 0.0 : 5.0;
        r.substituted = substituted;
        r.exceeded = exceeded;
        return r;
    }

    /** A {@code reading} point of one code as ReadingPoints writes it. */
    static InfluxPoint reading(String enterprise, String source, String code, String time, boolean valid) {
        InfluxPoint.Builder p = ReadingPoints.point(enterprise, source, "MN-" + source, "2011", at(time))
                .field(ReadingPoints.VALUE_COUNT, 1L);
        ReadingPoints.parameter(p, code, 10.0, null, valid ? "N" : "D", valid);
        return p.build();
    }

    static InfluxPoint carbon(
            String enterprise,
            String source,
            String date,
            Double co2T,
            Double energyMwh,
            Double coalRateGrossGceKwh,
            Double coalRateNetGceKwh) {
        CarbonRecord c = new CarbonRecord();
        c.enterprise = enterprise;
        c.park = "p1";
        c.industry = "x";
        c.source = source;
        c.window = "1d";
        c.windowStartMillis = at(date + "T00:00");
        c.co2T = co2T;
        c.energyMwh = energyMwh;
        c.coalRateGrossGceKwh = coalRateGrossGceKwh;
        c.coalRateNetGceKwh = coalRateNetGceKwh;
        return CarbonPoints.point(c);
    }

    static InfluxPoint efficiency(String date, boolean valid, double efficiencyPct, double operatingRatePct) {
        EfficiencyRecord e = new EfficiencyRecord();
        e.enterprise = "e1";
        e.source = "s1";
        e.inlet = "i1";
        e.device = "d1";
        e.deviceType = "fgd";
        e.pollutant = SO2;
        e.window = "1d";
        e.windowStartMillis = at(date + "T00:00");
        e.valid = valid;
        e.running = true;
        e.efficiencyPct = efficiencyPct;
        e.operatingRatePct = operatingRatePct;
        return new EfficiencyPoints().map(e);
    }

    static void write(List<InfluxPoint> points) throws Exception {
        StringBuilder body = new StringBuilder();
        points.forEach(p ->
                body.append(LineProtocol.encode(p, WritePrecision.MILLISECONDS)).append('\n'));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(influx.url() + "/write?db=" + DB + "&precision=ms"))
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }
}
