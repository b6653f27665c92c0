package org.cems.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cems.hj212.Parameter;
import org.cems.hj212.ParameterCatalogue;
import org.cems.job.points.ReadingPoints;

/**
 * {@code cems migrate-readings}: the InfluxQL that turns the narrow {@code reading} points of
 * earlier versions (one point per code, tag {@code code}, fields value, zs, flag, valid) into the
 * wide ones {@link ReadingPoints} writes (one point per reading, a field set per code), one
 * statement a line, for the parameter catalogue's codes (docs/migration.md). It only prints: the
 * operator runs the lines against the database and checks before the last one, which drops the
 * narrow series.
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
    /** The tags a reading point keeps: the narrow ones less {@code code}. */
    private static final String TAGS = "\"enterprise\", \"source\", \"mn\", \"cn\"";

    private static final String NARROW = "\"code\" != ''";

    private ReadingMigration() {}

    static int run(String[] args) {
        return run(args, System.out);
    }

    static int run(String[] args, PrintStream out) {
        Set<String> codes = new LinkedHashSet<>();
        ParameterCatalogue.standard().all().stream().map(Parameter::code).forEach(codes::add);
        Instant from = null;
        Instant to = null;
        try {
            for (int i = 0; i < args.length; i += 2) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                if (value == null) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                switch (args[i]) {
                    case "--codes" -> codes.addAll(List.of(value.split(",")));
                    case "--from" -> from = Instant.parse(value);
                    case "--to" -> to = Instant.parse(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if ((from == null) != (to == null) || (from != null && !from.isBefore(to))) {
                throw new IllegalArgumentException("--from and --to go together, --from before --to");
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            System.err.println("cems migrate-readings: " + e.getMessage());
            System.err.print(USAGE);
            return 2;
        }
        statements(codes, from, to).forEach(out::println);
        return 0;
    }

    /**
     * Per code, a SELECT INTO that rewrites its points under the reading's tags with the code's
     * field names (a point of the same series and time merges its fields, so the codes of one
     * reading become one point); then {@code value_count}; then, for the whole history only,
     * the DROP of every series that has a {@code code} tag.
     */
    static List<String> statements(Set<String> codes, Instant from, Instant to) {
        String period = from == null ? "" : " AND time >= '" + from + "' AND time < '" + to + "'";
        String into = " INTO \"" + ReadingPoints.MEASUREMENT + "\" FROM \"" + ReadingPoints.MEASUREMENT + "\" WHERE ";
        List<String> out = new ArrayList<>();
        for (String code : codes) {
            out.add("SELECT \"value\" AS " + quoted(code) + ", \"zs\" AS " + quoted(code + ReadingPoints.ZS)
                    + ", \"flag\" AS "
                    + quoted(code + ReadingPoints.FLAG) + ", \"valid\" AS " + quoted(code + ReadingPoints.VALID) + into
                    + "\"code\" = '" + code.replace("'", "\\'") + "'" + period + " GROUP BY " + TAGS);
        }
        // the codes a reading carried are its narrow points at one time: a bucket of 1 ms is that instant
        out.add("SELECT count(\"value\") AS " + quoted(ReadingPoints.VALUE_COUNT) + into + NARROW + period
                + " GROUP BY time(1ms), " + TAGS + " fill(none)");
        if (from == null) {
            out.add("DROP SERIES FROM \"" + ReadingPoints.MEASUREMENT + "\" WHERE " + NARROW);
        }
        return out;
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\\\"") + "\"";
    }
}
