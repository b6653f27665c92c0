package org.cems.testkit;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real VictoriaMetrics single-node server (Debian package {@code victoria-metrics}) on a free
 * loopback port, its data in a temp folder. It accepts InfluxDB line protocol on {@code /write} and
 * {@code /api/v2/write}, which makes it the one server here that speaks the InfluxDB v2 write API.
 * It stores each numeric field as the series {@code measurement_field}; string fields are dropped.
 */
public final class VictoriaMetricsServer implements AutoCloseable {
    public static final String BINARY = "/usr/bin/victoria-metrics";

    private final Path dir;
    private final int httpPort;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ManagedProcess process;

    private VictoriaMetricsServer() {
        DebianPackages.require(BINARY, "victoria-metrics");
        this.dir = TempDirs.create("cems-victoriametrics-");
        this.httpPort = FreePorts.next();
        this.process = new ManagedProcess(
                "victoria-metrics",
                List.of(
                        BINARY,
                        "-httpListenAddr=127.0.0.1:" + httpPort,
                        "-storageDataPath=" + dir.resolve("data"),
                        // the default (1 month) silently drops older samples: tests write fixed past times
                        "-retentionPeriod=100y",
                        // show freshly written samples to queries at once
                        "-search.latencyOffset=0s"),
                dir);
    }

    public static VictoriaMetricsServer start() {
        VictoriaMetricsServer server = new VictoriaMetricsServer();
        server.process.start(() -> PortProbe.httpStatus(server.url() + "/health") == 200, Duration.ofSeconds(30));
        return server;
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Makes everything written so far visible to queries (it is buffered for about a second otherwise). */
    public void flush() {
        get("/internal/force_flush");
    }

    /**
     * The samples of the series matching a PromQL selector, e.g. {@code {__name__="emission_conc"}},
     * as the JSON lines of {@code /api/v1/export}.
     */
    public String export(String seriesSelector) {
        return get("/api/v1/export?match[]=" + URLEncoder.encode(seriesSelector, StandardCharsets.UTF_8));
    }

    private String get(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        return HttpBodies.ok(http, request, pathAndQuery);
    }

    @Override
    public void close() {
        process.close();
        TempDirs.deleteRecursively(dir);
    }
}
