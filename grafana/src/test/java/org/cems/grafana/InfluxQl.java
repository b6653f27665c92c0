package org.cems.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.cems.testkit.InfluxDbServer;

/** InfluxQL results: the first statement's result, or the values of one column. */
final class InfluxQl {
    private InfluxQl() {}

    static JsonNode result(InfluxDbServer influx, String db, String query) {
        try {
            return RepoFiles.JSON
                    .readTree(influx.query(db, query))
                    .path("results")
                    .path(0);
        } catch (IOException e) {
            throw new IllegalStateException(query, e);
        }
    }

    /** The values of one column over every series of a query's result. */
    static Set<String> column(InfluxDbServer influx, String db, String query, String name) {
        Set<String> values = new TreeSet<>();
        for (JsonNode series : result(influx, db, query).path("series")) {
            int i = indexOf(series.path("columns"), name);
            series.path("values").forEach(row -> values.add(row.path(i).asText()));
        }
        return values;
    }

    private static int indexOf(JsonNode columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).asText().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("no column " + name + " in " + columns);
    }
}
