package org.cems.connector.influxdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cems.testkit.InfluxDbServer;

/** Reads query results of the real server back as rows, for exact comparisons. */
final class InfluxQl {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InfluxQl() {}

    /** The rows of the first series of {@code influxQl}, each column name to value; none if no series. */
    static List<Map<String, JsonNode>> rows(InfluxDbServer influx, String db, String influxQl) {
        JsonNode result = parse(influx.query(db, influxQl)).path("results").path(0);
        if (result.has("error")) {
            throw new IllegalStateException(influxQl + ": " + result.get("error"));
        }
        List<Map<String, JsonNode>> rows = new ArrayList<>();
        JsonNode series = result.path("series").path(0);
        for (JsonNode values : series.path("values")) {
            Map<String, JsonNode> row = new LinkedHashMap<>();
            for (int i = 0; i < series.path("columns").size(); i++) {
                row.put(series.path("columns").get(i).asText(), values.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** A single number, e.g. of {@code SELECT count(f) FROM m}; 0 when the measurement is empty. */
    static long scalar(InfluxDbServer influx, String db, String influxQl) {
        List<Map<String, JsonNode>> rows = rows(influx, db, influxQl);
        return rows.isEmpty()
                ? 0
                : rows.get(0).values().stream()
                        .skip(1)
                        .findFirst()
                        .orElseThrow()
                        .asLong();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
