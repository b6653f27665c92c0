package org.cems.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cems.job.points.EmissionPoints;
import org.cems.testkit.InfluxDbServer;

/** What the demo reads back from InfluxDB: point counts, the job's progress, the alert events. */
final class InfluxCounts {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** A field every point of the measurement has: counting it counts the points. */
    private static final Map<String, String> ON_EVERY_POINT =
            Map.of(EmissionPoints.MEASUREMENT, EmissionPoints.POLLUTANT_COUNT);

    private final InfluxDbServer influx;
    private final String database;
    private long failedQueries;

    InfluxCounts(InfluxDbServer influx, String database) {
        this.influx = influx;
        this.database = database;
    }

    /** Number of points of a measurement. */
    long total(String measurement) {
        return byTag(measurement, "source", "").values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /** Points per {@code source} tag value, optionally filtered by a WHERE clause. */
    Map<String, Long> bySource(String measurement, String where) {
        return byTag(measurement, "source", where);
    }

    /**
     * Points per value of a tag, sorted by it, optionally filtered by a WHERE clause. A point is
     * counted on the field every point has, else on whichever of its fields it has most of
     * ({@code count(*)} counts each field apart).
     */
    Map<String, Long> byTag(String measurement, String tag, String where) {
        String counted = ON_EVERY_POINT.containsKey(measurement)
                ? "count(\"" + ON_EVERY_POINT.get(measurement) + "\")"
                : "count(*)";
        return counts(counted, measurement, tag, where);
    }

    /**
     * The source windows with carbon figures, per window: the {@code emission} points carrying
     * {@code co2_t} or {@code load_mw} (a carbon record has CO2, load or both).
     */
    Map<String, Long> carbonByWindow() {
        return counts("count(\"co2_t\"), count(\"load_mw\")", EmissionPoints.MEASUREMENT, "window", "");
    }

    /** Per value of a tag, the largest of the counted columns. */
    private Map<String, Long> counts(String counted, String measurement, String tag, String where) {
        String q = "SELECT " + counted + " FROM \"" + measurement + "\"" + (where.isEmpty() ? "" : " WHERE " + where)
                + " GROUP BY \"" + tag + "\"";
        Map<String, Long> counts = new TreeMap<>();
        for (JsonNode s : series(q)) {
            long most = 0;
            JsonNode row = s.path("values").path(0);
            for (int i = 1; i < row.size(); i++) {
                most = Math.max(most, row.path(i).asLong());
            }
            counts.put(s.path("tags").path(tag).asText(), most);
        }
        return counts;
    }

    /** The time of the latest 1-minute emission point: how far the job's windows have closed. */
    Optional<Instant> latestMinute() {
        for (JsonNode s : series("SELECT last(\"" + EmissionPoints.POLLUTANT_COUNT + "\") FROM \""
                + EmissionPoints.MEASUREMENT + "\" WHERE \"window\" = '1m'")) {
            return Optional.of(
                    Instant.ofEpochMilli(s.path("values").path(0).path(0).asLong()));
        }
        return Optional.empty();
    }

    /** Every alert incident in InfluxDB, by id in the order they fired, with its firing and resolved times. */
    List<DemoSummary.Incident> alerts() {
        Map<String, DemoSummary.Incident> byId = new LinkedHashMap<>();
        for (JsonNode s : series("SELECT \"id\" FROM \"alert\" GROUP BY \"type\", \"source\", \"device\", \"state\"")) {
            JsonNode tags = s.path("tags");
            boolean resolved = "resolved".equals(tags.path("state").asText());
            for (JsonNode row : s.path("values")) {
                Instant time = Instant.ofEpochMilli(row.path(0).asLong());
                String id = row.path(1).asText();
                DemoSummary.Incident known = byId.getOrDefault(
                        id,
                        new DemoSummary.Incident(
                                tags.path("type").asText(),
                                tags.path("source").asText(),
                                tags.path("device").asText(),
                                null,
                                null));
                byId.put(id, resolved ? known.withResolved(time) : known.withFired(time));
            }
        }
        List<DemoSummary.Incident> incidents = new ArrayList<>(byId.values());
        incidents.sort(DemoSummary.Incident.BY_TIME);
        return incidents;
    }

    /** Queries that got no answer so far: a read is whole when this did not change during it. */
    long failedQueries() {
        return failedQueries;
    }

    private Iterable<JsonNode> series(String influxQl) {
        try {
            return MAPPER.readTree(influx.query(database, influxQl))
                    .path("results")
                    .path(0)
                    .path("series");
        } catch (Exception e) {
            // InfluxDB busy or stopped (Ctrl-C reaches it too): report no points rather than fail the demo
            failedQueries++;
            return List.of();
        }
    }
}
