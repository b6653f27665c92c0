package org.cems.cli.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * InfluxQL over the InfluxDB 1.x HTTP API ({@code POST /query?db=&epoch=ms}, the statements as the
 * form field {@code q}; InfluxDB 1.8+, 2.x and 3.x serve it too). Several statements go in one
 * request, separated by semicolons.
 */
final class InfluxQueryClient {
    static final String HOW_TO_SET =
            "give the address with --influx URL --database DB, or --config FILE (its influxdb.url and influxdb.database)";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration QUERY_TIMEOUT = Duration.ofMinutes(10);

    private final String url;
    private final String database;
    private final String authorization;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param authorization the Authorization header value, or null for none */
    InfluxQueryClient(String url, String database, String authorization) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.database = database;
        this.authorization = authorization;
    }

    String describe() {
        return url + " database " + database;
    }

    /** Each statement's series, in the order of the statements. */
    List<List<Series>> query(List<String> statements) throws LedgerException {
        String q = String.join(";", statements);
        // in the body: a month's statements (a few per pollutant) outgrow the URL a proxy takes (8 KB for nginx)
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(url + "/query?epoch=ms&db=" + URLEncoder.encode(database, StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .timeout(QUERY_TIMEOUT);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new LedgerException(
                    "InfluxDB is not reachable at " + url + " (" + e.getClass().getSimpleName() + "): " + HOW_TO_SET);
        } catch (HttpTimeoutException e) {
            throw new LedgerException(
                    "InfluxDB at " + url + " did not answer within " + QUERY_TIMEOUT.toMinutes() + " minutes");
        } catch (IOException e) {
            throw new LedgerException("InfluxDB at " + url + ": " + e + "; " + HOW_TO_SET);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException("interrupted while querying InfluxDB at " + url);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new LedgerException("InfluxDB at " + url + " refused the credentials (HTTP " + response.statusCode()
                    + "): set influxdb.username and influxdb.password_env in the --config file");
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new LedgerException("InfluxDB at " + url + " answered HTTP " + response.statusCode()
                    + " with no JSON: is this an InfluxDB " + "address? " + HOW_TO_SET);
        }
        if (body.has("error")) {
            throw new LedgerException(
                    "InfluxDB at " + url + ": " + body.path("error").asText());
        }
        List<List<Series>> results = new ArrayList<>();
        for (JsonNode result : body.path("results")) {
            if (result.has("error")) {
                throw new LedgerException(
                        "InfluxDB " + describe() + ": " + result.path("error").asText());
            }
            List<Series> series = new ArrayList<>();
            for (JsonNode s : result.path("series")) {
                Map<String, String> tags = new LinkedHashMap<>();
                s.path("tags")
                        .properties()
                        .forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
                List<String> columns = new ArrayList<>();
                s.path("columns").forEach(c -> columns.add(c.asText()));
                List<JsonNode> rows = new ArrayList<>();
                s.path("values").forEach(rows::add);
                series.add(new Series(tags, columns, rows));
            }
            results.add(series);
        }
        return results;
    }
}
