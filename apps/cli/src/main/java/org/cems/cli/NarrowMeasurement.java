package org.cems.cli;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A measurement that earlier versions wrote a point per code of (tag {@code narrowTag}) and this
 * one writes a point per the other tags, a field set per code: the InfluxQL that converts it in
 * place, as InfluxDB 1.x runs it itself (docs/migration.md). A point written under the same series
 * and time as another merges its fields into it, so the codes' points of one instant become one.
 *
 * @param tags the tags the wide points keep: the narrow ones less {@code narrowTag}
 */
record NarrowMeasurement(String measurement, String narrowTag, List<String> tags) {

    /** Rewrites one code's points under the kept tags at the same times, {@code selection} naming their fields. */
    String copy(String code, String selection, MigrationCommand.Options o) {
        return "SELECT " + selection + into() + quoted(narrowTag) + " = '" + code.replace("'", "\\'") + "'" + o.period()
                + groupBy();
    }

    /**
     * Aggregates over the narrow points of each series and instant (a code's point each; a bucket
     * of 1 ms is that instant), written into the wide point of that instant.
     *
     * @param condition appended to the WHERE clause (" AND ..."), or empty
     */
    String perInstant(String aggregates, String condition, MigrationCommand.Options o) {
        return "SELECT " + aggregates + into() + narrow() + condition + o.period() + " GROUP BY time(1ms), " + tagList()
                + " fill(none)";
    }

    /** The narrow series, every one that has the narrow tag: the last statement, once all is converted. */
    String drop() {
        return "DROP SERIES FROM " + quoted(measurement) + " WHERE " + narrow();
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\\\"") + "\"";
    }

    private String into() {
        return " INTO " + quoted(measurement) + " FROM " + quoted(measurement) + " WHERE ";
    }

    private String narrow() {
        return quoted(narrowTag) + " != ''";
    }

    private String groupBy() {
        return " GROUP BY " + tagList();
    }

    private String tagList() {
        return tags.stream().map(NarrowMeasurement::quoted).collect(Collectors.joining(", "));
    }
}
