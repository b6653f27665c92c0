package org.cems.cli.ledger;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code cems ledger}: the enterprise pollutant and carbon ledger (台账) of a year or a month, read
 * from the job's InfluxDB output and written as CSV or xlsx (docs/ledger.md).
 */
public final class LedgerCommand {
    static final int NO_DATA = 1;
    static final int USAGE = 2;
    static final int FAILED = 3;

    private final Clock clock;
    private final PrintStream progress;

    LedgerCommand(Clock clock, PrintStream progress) {
        this.clock = clock;
        this.progress = progress;
    }

    /** The command line, for {@code cems ledger --help}. */
    public static final String USAGE_TEXT = LedgerOptions.USAGE + "\n";

    public static int run(String[] args) {
        return new LedgerCommand(Clock.systemUTC(), System.err).execute(args);
    }

    int execute(String[] args) {
        LedgerOptions options;
        LedgerScope scope;
        try {
            options = LedgerOptions.parse(args);
            scope = LedgerScope.of(options.registry(), options.enterprise());
        } catch (LedgerException e) {
            progress.println("cems ledger: " + e.getMessage());
            progress.println(LedgerOptions.USAGE);
            return USAGE;
        }
        try {
            return write(options, scope);
        } catch (NoData e) {
            progress.println("cems ledger: " + e.getMessage());
            return NO_DATA;
        } catch (LedgerException e) {
            progress.println("cems ledger: " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            progress.println("cems ledger: cannot write " + options.out() + ": " + e.getMessage());
            return FAILED;
        }
    }

    private int write(LedgerOptions o, LedgerScope scope) throws LedgerException, IOException {
        MonthQuery query = new MonthQuery(o.enterprise(), o.zone().getId());
        Map<LedgerMonth, MonthFigures> months = new LinkedHashMap<>();
        List<LedgerMonth> wanted = months(o);
        long started = clock.millis();
        for (int i = 0; i < wanted.size(); i++) {
            LedgerMonth m = wanted.get(i);
            progress.printf(
                    "cems ledger: reading %s (%d of %d) from %s ...%n",
                    m, i + 1, wanted.size(), o.influx().describe());
            MonthFigures f = query.read(o.influx(), m);
            if (!f.isEmpty() || !months.isEmpty()) {
                months.put(m, f);
            }
        }
        if (months.isEmpty()) {
            throw new NoData(
                    "no data for " + (o.month() == null ? o.year() : YearMonth.of(o.year(), o.month()))
                            + (o.enterprise() == null ? "" : " and enterprise " + o.enterprise()) + " in InfluxDB "
                            + o.influx().describe()
                            + " (no emission, efficiency or reading points); check --year, and --influx/--database or the --config file");
        }
        LedgerRows rows = new LedgerRows(scope, months.values());
        List<EnterpriseMonthRow> enterpriseRows = new ArrayList<>();
        List<DeviceMonthRow> deviceRows = new ArrayList<>();
        months.forEach((m, f) -> {
            enterpriseRows.addAll(rows.enterpriseRows(m, f));
            deviceRows.addAll(rows.deviceRows(m, f));
        });
        LedgerTable ledger = LedgerTables.enterprises(enterpriseRows);
        LedgerTable devices = LedgerTables.devices(deviceRows);
        if (o.format() == LedgerOptions.Format.XLSX) {
            XlsxLedgerWriter.write(List.of(ledger, devices), o.out());
            progress.printf(
                    "cems ledger: wrote %s (sheets \"%s\": %d rows, \"%s\": %d rows) in %s%n",
                    o.out(),
                    ledger.sheetName(),
                    ledger.rows().size(),
                    devices.sheetName(),
                    devices.rows().size(),
                    Duration.ofMillis(clock.millis() - started));
        } else {
            Path devicesFile = devicesCsv(o.out());
            CsvLedgerWriter.write(ledger, o.out());
            CsvLedgerWriter.write(devices, devicesFile);
            progress.printf(
                    "cems ledger: wrote %s (%d rows) and %s (%d rows) in %s%n",
                    o.out(),
                    ledger.rows().size(),
                    devicesFile,
                    devices.rows().size(),
                    Duration.ofMillis(clock.millis() - started));
        }
        return 0;
    }

    /**
     * The months asked for that have begun. A year's ledger starts at its first month with data (a
     * system started in November has no January), and keeps later months without data: they are gaps.
     */
    private List<LedgerMonth> months(LedgerOptions o) throws NoData {
        List<LedgerMonth> months = new ArrayList<>();
        for (int m = o.month() == null ? 1 : o.month(); m <= (o.month() == null ? 12 : o.month()); m++) {
            LedgerMonth month = LedgerMonth.of(YearMonth.of(o.year(), m), o.zone(), clock.instant());
            if (month.started()) {
                months.add(month);
            }
        }
        if (months.isEmpty()) {
            throw new NoData(
                    (o.month() == null ? "" + o.year() : YearMonth.of(o.year(), o.month())) + " has not begun yet");
        }
        return months;
    }

    /** The device table of a CSV ledger: next to it, {@code NAME-devices.csv}. */
    static Path devicesCsv(Path out) {
        String name = out.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return out.resolveSibling(base + "-devices.csv");
    }

    /** Nothing to write: not an error of the tool, but the user must know (non-zero exit). */
    private static final class NoData extends LedgerException {
        private static final long serialVersionUID = 1L;

        NoData(String message) {
            super(message);
        }
    }
}
