package org.cems.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real InfluxDB 1.x server (Debian package {@code influxdb}, 1.6.7) on free loopback ports, its
 * data in a temp folder. It can be stopped and started again with its data, to test outages.
 */
public final class InfluxDbServer implements AutoCloseable {
    public static final String BINARY = "/usr/bin/influxd";

    private final Path dir;
    private final int httpPort;
    private final int rpcPort;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private ManagedProcess process;

    private InfluxDbServer() {
        DebianPackages.require(BINARY, "influxdb");
        this.dir = TempDirs.create("cems-influxdb-");
        this.httpPort = FreePorts.next();
        this.rpcPort = FreePorts.next();
    }

    public static InfluxDbServer start() {
        return new InfluxDbServer().startProcess();
    }

    public synchronized InfluxDbServer startProcess() {
        Path conf = dir.resolve("influxdb.conf");
        String config = String.join(
                "\n",
                "reporting-disabled = true",
                "bind-address = \"127.0.0.1:" + rpcPort + "\"",
                "[meta]",
                "  dir = \"" + dir.resolve("meta") + "\"",
                "[data]",
                "  dir = \"" + dir.resolve("data") + "\"",
                "  wal-dir = \"" + dir.resolve("wal") + "\"",
                "  query-log-enabled = false",
                // the series index on disk, as in production (docs/deployment.md): the default in-memory
                // index holds every series in the heap, which a province's sources outgrow
                "  index-version = \"tsi1\"",
                // 1.x refuses writes past 1,000,000 series or 100,000 values of one tag: the benchmark's
                // 100,000 sources have more (as would a province), so no limits here
                "  max-series-per-database = 0",
                "  max-values-per-tag = 0",
                "[monitor]",
                "  store-enabled = false",
                "[http]",
                "  bind-address = \"127.0.0.1:" + httpPort + "\"",
                "  log-enabled = false",
                "  max-body-size = 0",
                "[continuous_queries]",
                "  enabled = false",
                "");
        try {
            Files.writeString(conf, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        process = new ManagedProcess("influxd", List.of(BINARY, "-config", conf.toString()), dir);
        process.start(() -> PortProbe.httpStatus(url() + "/ping") == 204, Duration.ofSeconds(30));
        return this;
    }

    public synchronized void stop() {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    public synchronized void restart() {
        stop();
        startProcess();
    }

    /** The influxd process, for what watches its CPU (the bench waits for its compactions). */
    public synchronized long pid() {
        return process.pid();
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int port() {
        return httpPort;
    }

    public void createDatabase(String db) {
        query(null, "CREATE DATABASE \"" + db + "\"");
    }

    /** Runs InfluxQL and returns the JSON response body; fails on a non-200 status. */
    public String query(String db, String influxQl) {
        String uri = url() + "/query?epoch=ms&q=" + URLEncoder.encode(influxQl, StandardCharsets.UTF_8)
                + (db == null ? "" : "&db=" + URLEncoder.encode(db, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
                .POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30))
                .build();
        return HttpBodies.ok(http, request, "InfluxQL `" + influxQl + "`");
    }

    @Override
    public void close() {
        stop();
        TempDirs.deleteRecursively(dir);
    }
}
