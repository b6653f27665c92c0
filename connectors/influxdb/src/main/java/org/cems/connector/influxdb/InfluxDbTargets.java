package org.cems.connector.influxdb;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;

/**
 * What a launcher asks InfluxDB before it starts a job: can the sink write where its options say,
 * and (1.x) creating the database it needs. Requests carry the same credentials as the sink's.
 */
@PublicEvolving
public final class InfluxDbTargets {
    private InfluxDbTargets() {}

    /**
     * One empty write to the target, retried as {@code options} says.
     *
     * @throws InfluxDbConfigurationException credentials, endpoint or target refused; {@link
     *     InfluxDbConfigurationException#targetMissing()} tells a missing database or bucket apart
     * @throws InfluxDbWriteException the server cannot be reached
     */
    public static void checkWritable(InfluxDbOptions options) throws IOException {
        try (InfluxDbWriteClient client = new InfluxDbWriteClient(
                options,
                authorization(options),
                new InfluxDbSinkMetrics(new UnregisteredMetricsGroup()),
                (line, message) -> {})) {
            client.checkTargetWritable();
        }
    }

    /**
     * {@code CREATE DATABASE} on an InfluxDB 1.x server (or 2.x's v1 API, which has no such
     * statement: it answers with an error). Creating an existing database is harmless.
     */
    public static void createDatabase(InfluxDbOptions options) throws IOException {
        if (options.api() != InfluxDbApi.V1) {
            throw new IllegalArgumentException("databases exist only with " + InfluxDbOptions.API.key() + "=V1");
        }
        String statement = "CREATE DATABASE \"" + options.database().replace("\"", "\\\"") + "\"";
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(options.url() + "/query?q=" + URLEncoder.encode(statement, StandardCharsets.UTF_8)))
                .timeout(options.requestTimeout())
                .POST(HttpRequest.BodyPublishers.noBody());
        authorization(options).ifPresent(value -> request.header("Authorization", value));
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.requestTimeout())
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfluxDbWriteException("interrupted while creating database " + options.database(), e);
        } catch (IOException e) {
            throw new InfluxDbWriteException("cannot reach InfluxDB at " + options.url() + ": " + e, e);
        }
        // 1.x answers 200 with {"results":[{"error":...}]} for a statement it refused
        if (response.statusCode() != 200 || response.body().contains("\"error\"")) {
            throw new InfluxDbConfigurationException(
                    "InfluxDB at " + options.url() + " refused `" + statement + "` (" + response.statusCode() + " "
                            + response.body().strip() + ")",
                    false);
        }
    }

    private static Optional<String> authorization(InfluxDbOptions options) {
        return Credentials.authorizationHeader(options, System::getenv);
    }
}
