package org.cems.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cems.testkit.InfluxDbServer;

/**
 * What a job phase left InfluxDB with: the series it created per measurement (each new series costs
 * InfluxDB an index entry and memory, so the job's schema shows here against "InfluxDB alone",
 * which creates one per source), the CPU influxd used over the phase and its resident memory after it.
 *
 * @param seriesByMeasurement exact series cardinality of each measurement, largest first
 * @param cpuCores influxd's CPU time over the phase divided by its wall time (2.0 = both cores of this machine)
 * @param rssBytes influxd's resident memory after the phase, -1 where /proc does not tell
 */
record InfluxLoad(Map<String, Long> seriesByMeasurement, double cpuCores, long rssBytes) {
    static final InfluxLoad NOT_MEASURED = new InfluxLoad(Map.of(), Double.NaN, -1);

    long totalSeries() {
        return seriesByMeasurement.values().stream().mapToLong(Long::longValue).sum();
    }

    /** influxd's CPU time so far, to take before a phase and pass to {@link #after}. */
    static CpuMark mark(Rig rig) {
        return new CpuMark(rig.influxCpuNanos().orElse(0), System.nanoTime());
    }

    /** The load of the phase since {@code before}, with the series of {@code database}. */
    static InfluxLoad after(Rig rig, CpuMark before, String database) throws Exception {
        double cores =
                (rig.influxCpuNanos().orElse(0) - before.cpuNanos) / (double) (System.nanoTime() - before.wallNanos);
        return new InfluxLoad(series(rig.influx, database), cores, rssBytes(rig.influx.pid()));
    }

    record CpuMark(long cpuNanos, long wallNanos) {}

    private static Map<String, Long> series(InfluxDbServer influx, String database) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (JsonNode m : rows(influx, database, "SHOW MEASUREMENTS")) {
            String name = m.path(0).asText();
            JsonNode count = rows(influx, database, "SHOW SERIES EXACT CARDINALITY FROM \"" + name + "\"");
            counts.put(name, count.path(0).path(0).asLong());
        }
        Map<String, Long> largestFirst = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> largestFirst.put(e.getKey(), e.getValue()));
        return largestFirst;
    }

    /** The rows of a SHOW statement's one series (the server's own 30 s timeout: a census of millions of series is slow). */
    private static JsonNode rows(InfluxDbServer influx, String database, String show) throws Exception {
        return Rig.JSON
                .readTree(influx.query(database, show))
                .path("results")
                .path(0)
                .path("series")
                .path(0)
                .path("values");
    }

    /** VmRSS from /proc (Linux, where the bench runs); -1 elsewhere. */
    private static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** "emission 440,519, data_rate 250,002, ...": the {@code top} largest, then the rest summed. */
    String seriesLine(int top) {
        StringBuilder b = new StringBuilder();
        long rest = 0;
        int i = 0;
        for (Map.Entry<String, Long> e : seriesByMeasurement.entrySet()) {
            if (i++ < top) {
                b.append(b.isEmpty() ? "" : ", ").append(String.format("%s %,d", e.getKey(), e.getValue()));
            } else {
                rest += e.getValue();
            }
        }
        if (rest > 0) {
            b.append(String.format(", others %,d", rest));
        }
        return b.toString();
    }

    String rssShown() {
        return rssBytes < 0 ? "—" : String.format("%,d MB", rssBytes >> 20);
    }
}
