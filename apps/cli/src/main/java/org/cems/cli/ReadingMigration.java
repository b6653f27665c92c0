package org.cems.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.cems.hj212.Parameter;
import org.cems.hj212.ParameterCatalogue;
import org.cems.job.points.ReadingPoints;

/**
 * {@code cems migrate-readings}: the InfluxQL that turns the narrow {@code reading} points of
 * earlier versions (one point per code, tag {@code code}, fields value, zs, flag, valid) into the
 * wide ones {@link ReadingPoints} writes (one point per reading, a field set per code), one
 * statement a line, for the parameter catalogue's codes (docs/migration.md).
 */
final class ReadingMigration {
    static final String USAGE = """
            usage: cems migrate-readings [--codes CODE,...] [--from TIME --to TIME]
              prints, one a line, the InfluxQL statements that copy the narrow `reading` points of
              earlier versions (tag code) into one point per reading (a field set per code), then
              the statement that drops the narrow series; it connects to nothing (docs/migration.md)
              --codes CODE,...     codes besides the parameter catalogue's (SHOW TAG VALUES FROM "reading" WITH KEY = "code")
              --from, --to TIME    copy only [from, to) (ISO-8601 instants, e.g. 2026-01-01T00:00:00Z), a
                                   period at a time on a large database; the drop is then left out
              --help               this text
            exit: 0 printed, 2 wrong usage
            """;
    private static final NarrowMeasurement READING =
            new NarrowMeasurement(ReadingPoints.MEASUREMENT, "code", List.of("enterprise", "source", "mn", "cn"));

    private ReadingMigration() {}

    static int run(String[] args) {
        return run(args, System.out);
    }

    static int run(String[] args, PrintStream out) {
        List<String> catalogue = ParameterCatalogue.standard().all().stream()
                .map(Parameter::code)
                .toList();
        return MigrationCommand.run(
                "migrate-readings", USAGE, "--codes", catalogue, args, out, ReadingMigration::statements);
    }

    /**
     * Per code, a SELECT INTO that rewrites its points with the code's field names (the codes of
     * one reading become one point); then {@code value_count}; then, for the whole history only,
     * the DROP of every series that has a {@code code} tag.
     */
    static List<String> statements(MigrationCommand.Options o) {
        List<String> out = new ArrayList<>();
        for (String code : o.codes()) {
            out.add(READING.copy(
                    code,
                    "\"value\" AS " + NarrowMeasurement.quoted(code)
                            + ", \"zs\" AS " + NarrowMeasurement.quoted(code + ReadingPoints.ZS)
                            + ", \"flag\" AS " + NarrowMeasurement.quoted(code + ReadingPoints.FLAG)
                            + ", \"valid\" AS " + NarrowMeasurement.quoted(code + ReadingPoints.VALID),
                    o));
        }
        out.add(READING.perInstant(
                "count(\"value\") AS " + NarrowMeasurement.quoted(ReadingPoints.VALUE_COUNT), "", o));
        if (o.wholeHistory()) {
            out.add(READING.drop());
        }
        return out;
    }
}
