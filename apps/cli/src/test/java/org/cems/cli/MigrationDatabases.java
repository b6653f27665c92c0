package org.cems.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.connector.influxdb.LineProtocol;
import org.cems.connector.influxdb.WritePrecision;
import org.cems.testkit.InfluxDbServer;

/**
 * What the migration tests do on a real InfluxDB: a database of narrow points that the printed
 * statements convert, and one the job writes wide points to, compared field by field.
 */
final class MigrationDatabases {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InfluxDbServer influx;

    MigrationDatabases(InfluxDbServer influx) {
        this.influx = influx;
    }

    /** What a migrate command prints for {@code args}, one statement a line. */
    static List<String> printed(BiFunction<String[], PrintStream, Integer> command, String... args) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertThat(command.apply(args, new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .isZero();
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** Runs each statement on its own, as docs/migration.md tells the operator to, none failing. */
    void runEach(String db, List<String> statements) throws Exception {
        for (String q : statements) {
            JsonNode result = JSON.readTree(influx.query(db, q)).path("results").path(0);
            assertThat(result.path("error").isMissingNode())
                    .as(q + " -> " + result.path("error"))
                    .isTrue();
        }
    }

    /**
     * The converted database holds what the wide one does: the same series, and every field the
     * wide one has, of the same type, at the same times with the same values. The shard keeps the
     * narrow field keys until it expires, so only the wide ones are compared.
     */
    void assertSameWidePoints(String converted, String wide, String measurement, String groupBy) throws Exception {
        List<String> wideKeys = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        JsonNode wideFieldKeys = series(wide, "SHOW FIELD KEYS FROM \"" + measurement + "\"")
                .path(0)
                .path("values");
        wideFieldKeys.forEach(v -> {
            wideKeys.add(v.toString());
            fields.add("\"" + v.path(0).asText() + "\"");
        });
        List<String> convertedKeys = new ArrayList<>();
        series(converted, "SHOW FIELD KEYS FROM \"" + measurement + "\"")
                .path(0)
                .path("values")
                .forEach(v -> convertedKeys.add(v.toString()));
        assertThat(convertedKeys).containsAll(wideKeys);
        String all = "SELECT " + String.join(", ", fields) + " FROM \"" + measurement + "\" GROUP BY " + groupBy;
        assertThat(series(converted, all)).isEqualTo(series(wide, all));
        String seriesKeys = "SHOW SERIES FROM \"" + measurement + "\"";
        assertThat(series(converted, seriesKeys)).isEqualTo(series(wide, seriesKeys));
    }

    JsonNode series(String db, String q) throws Exception {
        return JSON.readTree(influx.query(db, q)).path("results").path(0).path("series");
    }

    void write(String db, List<InfluxPoint> points) throws Exception {
        StringBuilder body = new StringBuilder();
        points.forEach(p ->
                body.append(LineProtocol.encode(p, WritePrecision.MILLISECONDS)).append('\n'));
        write(db, body.toString());
    }

    void write(String db, String lineProtocol) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(influx.url() + "/write?db=" + db + "&precision=ms"))
                                .POST(HttpRequest.BodyPublishers.ofString(lineProtocol))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }
}
