package org.cems.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the demo wrote, read back from InfluxDB at its end: points per measurement (split by
 * window, indicator, reason or type), and every alert incident with when it fired and resolved.
 *
 * @param points measurement, then the tag value it is split by (or {@link #ALL}), to the number of points
 * @param incidents alert incidents in the order they fired
 */
record DemoSummary(Map<String, Map<String, Long>> points, List<Incident> incidents) {
    static final String ALL = "all";
    /** The carbon figures: fields of {@code emission} points, listed on a line of their own. */
    static final String CARBON = "carbon";

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    /**
     * One alert incident (its {@code firing} and {@code resolved} events share an id).
     *
     * @param device the device tag, {@code -} for alerts without one
     * @param fired event time of the firing event; null when only the resolved one is in InfluxDB
     * @param resolved null while it is open
     */
    record Incident(String type, String source, String device, Instant fired, Instant resolved) {
        static final Comparator<Incident> BY_TIME = Comparator.comparing(
                (Incident i) -> i.fired != null ? i.fired : i.resolved,
                Comparator.nullsLast(Comparator.naturalOrder()));

        Incident withFired(Instant time) {
            return new Incident(type, source, device, time, resolved);
        }

        Incident withResolved(Instant time) {
            return new Incident(type, source, device, fired, time);
        }
    }

    /** Reads everything the summary lists; empty when InfluxDB did not answer every query. */
    static Optional<DemoSummary> read(InfluxCounts influx) {
        long failedBefore = influx.failedQueries();
        Map<String, Map<String, Long>> points = new LinkedHashMap<>();
        points.put("reading", Map.of(ALL, influx.total("reading")));
        for (String windowed : List.of("emission", "efficiency", "emission_total")) {
            points.put(windowed, influx.byTag(windowed, "window", ""));
        }
        points.put(CARBON, influx.carbonByWindow());
        points.put("kpi", influx.byTag("kpi", "indicator", ""));
        points.put("quality", influx.byTag("quality", "reason", ""));
        points.put("alert", influx.byTag("alert", "state", ""));
        DemoSummary summary = new DemoSummary(points, influx.alerts());
        return influx.failedQueries() == failedBefore ? Optional.of(summary) : Optional.empty();
    }

    /** Points of a measurement with this tag value (window, indicator, ...), 0 when none. */
    long count(String measurement, String key) {
        return points.getOrDefault(measurement, Map.of()).getOrDefault(key, 0L);
    }

    /** Points of a measurement, all tag values together. */
    long total(String measurement) {
        return points.getOrDefault(measurement, Map.of()).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /** Alert types of the incidents that both fired and resolved, with how many. */
    Map<String, Long> firedAndResolved() {
        Map<String, Long> types = new TreeMap<>();
        incidents.stream()
                .filter(i -> i.fired != null && i.resolved != null)
                .forEach(i -> types.merge(i.type, 1L, Long::sum));
        return types;
    }

    void print(PrintStream out, ZoneId zone) {
        out.println("[cems] summary: points written to InfluxDB");
        points.forEach((measurement, counts) -> {
            StringBuilder line = new StringBuilder(String.format("  %-15s", measurement));
            if (counts.isEmpty()) {
                line.append("none");
            }
            counts.forEach((key, n) ->
                    line.append(ALL.equals(key) ? String.format("%,d", n) : String.format("%s %,d  ", key, n)));
            out.println(line.toString().stripTrailing());
        });
        out.println("[cems] summary: alerts (event time, " + zone + ")");
        if (incidents.isEmpty()) {
            out.println("  none");
        }
        for (Incident i : incidents) {
            String subject = "-".equals(i.device) || i.device.isEmpty() ? i.source : i.source + "/" + i.device;
            out.printf(
                    "  %-24s %-22s fired %s  %s%n",
                    i.type,
                    subject,
                    at(i.fired, zone),
                    i.resolved == null ? "still open" : "resolved " + at(i.resolved, zone));
        }
    }

    private static String at(Instant time, ZoneId zone) {
        return time == null ? "(before the data)" : LOCAL.format(time.atZone(zone));
    }
}
