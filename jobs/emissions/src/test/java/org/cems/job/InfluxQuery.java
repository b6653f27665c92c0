package org.cems.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cems.testkit.InfluxDbServer;

/** InfluxQL results as rows of column name to value, for assertions. */
final class InfluxQuery {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InfluxQuery() {}

    static List<Map<String, JsonNode>> rows(InfluxDbServer influx, String db, String q) {
        List<Map<String, JsonNode>> rows = new ArrayList<>();
        try {
            JsonNode result =
                    MAPPER.readTree(influx.query(db, q)).path("results").path(0);
            for (JsonNode series : result.path("series")) {
                JsonNode columns = series.path("columns");
                for (JsonNode values : series.path("values")) {
                    Map<String, JsonNode> row = new HashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        row.put(columns.get(i).asText(), values.get(i));
                    }
                    series.path("tags").fields().forEachRemaining(t -> row.put(t.getKey(), t.getValue()));
                    rows.add(row);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(q, e);
        }
        return rows;
    }
}
