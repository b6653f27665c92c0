package org.cems.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.cems.hj212.Parameter;
import org.cems.hj212.ParameterCatalogue;
import org.cems.job.points.EmissionPoints;
import org.cems.job.points.TotalPoints;

/**
 * {@code cems migrate-emissions}: the InfluxQL that turns the narrow {@code emission} points of
 * earlier versions (one point per source, pollutant and window, tag {@code pollutant}) into the
 * wide ones {@link EmissionPoints} writes (one point per source and window, a field set per
 * pollutant), and the narrow {@code emission_total} points (one per scope, pollutant and window)
 * into the wide ones {@link TotalPoints} writes, one statement a line, for the pollutants of the
 * parameter catalogue; and the {@code carbon} points into the sources' emission points, where
 * {@link EmissionPoints} writes them now (docs/migration.md).
 */
final class EmissionMigration {
    static final String USAGE = """
            usage: cems migrate-emissions [--pollutants CODE,...] [--from TIME --to TIME]
              prints, one a line, the InfluxQL statements that copy the narrow `emission` and
              `emission_total` points of earlier versions (tag pollutant) into one point per source,
              or scope, and window (a field set per pollutant), and the `carbon` points into the
              sources' `emission` points, then the statements that drop the narrow series and
              `carbon`; it connects to nothing (docs/migration.md)
              --pollutants CODE,...  pollutants besides the parameter catalogue's
                                     (SHOW TAG VALUES FROM "emission", "emission_total" WITH KEY = "pollutant")
              --from, --to TIME      copy only [from, to) (ISO-8601 instants, e.g. 2026-01-01T00:00:00Z), a
                                     period at a time on a large database; the drops are then left out
              --help                 this text
            exit: 0 printed, 2 wrong usage
            """;
    private static final String POLLUTANT = "pollutant";
    private static final NarrowMeasurement EMISSION = new NarrowMeasurement(
            EmissionPoints.MEASUREMENT, POLLUTANT, List.of("enterprise", "park", "industry", "source", "window"));
    private static final NarrowMeasurement TOTAL =
            new NarrowMeasurement(TotalPoints.MEASUREMENT, POLLUTANT, List.of("scope", "id", "window"));
    /** A narrow point's fields that belong to its pollutant: {@code <code>_<field>} in a wide point. */
    private static final List<String> POLLUTANT_FIELDS = List.of(
            "conc_mg_m3",
            "conc_ref_mg_m3",
            "rate_kg_h",
            "mass_kg",
            "mass_accounted_kg",
            "substituted",
            "mass_logger_kg",
            "valid_count",
            "stopped_count",
            "valid",
            "limit_mg_m3",
            "exceeded");
    /** A narrow point's fields that belong to the period, the same in each pollutant's point: once in a wide one. */
    private static final List<String> PERIOD_FIELDS = List.of("flow_m3_h", "from_logger", "o2_capped", "duration_min");
    /** A narrow total's fields, all its pollutant's: {@code <code>_<field>} in a wide one. */
    private static final List<String> TOTAL_FIELDS = List.of("mass_kg", "sources");

    private static final String EXCEEDED = NarrowMeasurement.quoted("exceeded");
    /** Earlier versions' measurement of the carbon figures, with the emission points' tags. */
    private static final String CARBON = NarrowMeasurement.quoted("carbon");

    private EmissionMigration() {}

    static int run(String[] args) {
        return run(args, System.out);
    }

    static int run(String[] args, PrintStream out) {
        List<String> catalogue = ParameterCatalogue.standard().all().stream()
                .filter(Parameter::isPollutant)
                .map(Parameter::code)
                .toList();
        return MigrationCommand.run(
                "migrate-emissions", USAGE, "--pollutants", catalogue, args, out, EmissionMigration::statements);
    }

    /**
     * Per pollutant, a SELECT INTO that rewrites its emission points with the pollutant's field
     * names and the period's fields (the pollutants of one window become one point); then {@code
     * pollutant_count} and {@code exceeded_count}; then per pollutant a SELECT INTO that does the
     * same to its totals; then the carbon points' copy; then, for the whole history only, the
     * DROP of every series of either measurement that has a {@code pollutant} tag, and of {@code
     * carbon}: last, so that the conversions can be checked before anything is lost.
     */
    static List<String> statements(MigrationCommand.Options o) {
        List<String> out = new ArrayList<>();
        String periodFields =
                PERIOD_FIELDS.stream().map(NarrowMeasurement::quoted).collect(Collectors.joining(", "));
        for (String pollutant : o.codes()) {
            out.add(EMISSION.copy(pollutant, renamed(pollutant, POLLUTANT_FIELDS) + ", " + periodFields, o));
        }
        // every narrow point has valid_count; exceeded_count is 0 where a pollutant was judged (has
        // "exceeded") and absent where none was, then overwritten by the number over the limit
        out.add(EMISSION.perInstant(
                "count(\"valid_count\") AS " + NarrowMeasurement.quoted(EmissionPoints.POLLUTANT_COUNT) + ", count("
                        + EXCEEDED + ") * 0 AS " + NarrowMeasurement.quoted(EmissionPoints.EXCEEDED_COUNT),
                "",
                o));
        out.add(EMISSION.perInstant(
                "count(" + EXCEEDED + ") AS " + NarrowMeasurement.quoted(EmissionPoints.EXCEEDED_COUNT),
                " AND " + EXCEEDED + " = true",
                o));
        for (String pollutant : o.codes()) {
            out.add(TOTAL.copy(pollutant, renamed(pollutant, TOTAL_FIELDS), o));
        }
        // same tags and times as the emission points: GROUP BY * keeps them tags, so the fields merge in
        out.add("SELECT * INTO " + NarrowMeasurement.quoted(EmissionPoints.MEASUREMENT) + " FROM " + CARBON
                + " WHERE \"source\" != ''" + o.period() + " GROUP BY *");
        if (o.wholeHistory()) {
            out.add(EMISSION.drop());
            out.add(TOTAL.drop());
            out.add("DROP MEASUREMENT " + CARBON);
        }
        return out;
    }

    /** The SELECT list that gives a pollutant's figures their wide names. */
    private static String renamed(String pollutant, List<String> fields) {
        return fields.stream()
                .map(f -> NarrowMeasurement.quoted(f) + " AS "
                        + NarrowMeasurement.quoted(EmissionPoints.field(pollutant, f)))
                .collect(Collectors.joining(", "));
    }
}
