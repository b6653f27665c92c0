package org.cems.cli;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cems.testkit.InfluxDbServer;

/** Point counts read back from InfluxDB, for the demo's progress line and summary. */
final class InfluxCounts {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final InfluxDbServer influx;
    private final String database;

    InfluxCounts(InfluxDbServer influx, String database) {
        this.influx = influx;
        this.database = database;
    }

    /** Number of points of a measurement, counted on one of its always-present fields. */
    long total(String measurement, String field) {
        return bySource(measurement, field, "").values().stream().mapToLong(Long::longValue).sum();
    }

    /** Points per {@code source} tag value, optionally filtered by a WHERE clause. */
    Map<String, Long> bySource(String measurement, String field, String where) {
        String q = "SELECT count(\"" + field + "\") FROM \"" + measurement + "\"" + (where.isEmpty() ? "" : " WHERE " + where)
                + " GROUP BY \"source\"";
        Map<String, Long> counts = new HashMap<>();
        try {
            JsonNode series = MAPPER.readTree(influx.query(database, q)).path("results").path(0).path("series");
            for (JsonNode s : series) {
                counts.put(s.path("tags").path("source").asText(), s.path("values").path(0).path(1).asLong());
            }
        } catch (Exception e) {
            // a measurement not written yet, or InfluxDB busy: report no points rather than fail the demo
        }
        return counts;
    }
}
