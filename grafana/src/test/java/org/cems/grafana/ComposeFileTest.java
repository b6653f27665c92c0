package org.cems.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.cems.testkit.DebianPackages;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker/compose.yml is a valid compose file (Debian's docker-compose validates without an engine),
 * publishes its plaintext ports on 127.0.0.1 unless told otherwise, and gives the job and Grafana
 * their own InfluxDB users instead of the admin token.
 */
class ComposeFileTest {
    /** The one switch that opens the ports users need (Kafka, MQTT, Grafana) beyond this host. */
    static final String PUBLISH = "${CEMS_PUBLISH_ADDRESS:-127.0.0.1}:";
    /** The gateway's own switch (docs/deployment.md): its port carries PW= in clear text, so CEMS_PUBLISH_ADDRESS does not open it. */
    static final String GATEWAY_BIND = "${CEMS_GATEWAY_BIND:-127.0.0.1}:";

    private static final JsonNode SERVICES = RepoFiles.yamlDocuments(RepoFiles.DOCKER.resolve("compose.yml"))
            .get(0)
            .path("services");

    static final String BINARY = "/usr/bin/docker-compose";

    @BeforeAll
    static void needsDockerCompose() {
        try {
            DebianPackages.require(BINARY, "docker-compose");
        } catch (IllegalStateException missing) {
            Assumptions.abort(missing.getMessage());
        }
    }

    @Test
    void composeFileIsValid() throws IOException, InterruptedException {
        Resolved r = config(Map.of(), "-q");
        assertThat(r.exit()).as("docker-compose config -q: " + r.output()).isZero();
    }

    /** The gateway's TCP port is on 127.0.0.1 unless CEMS_GATEWAY_BIND says otherwise; its metrics port is not published. */
    @Test
    void gatewayPortIsLocalUnlessAskedFor() throws IOException, InterruptedException {
        assertThat(gatewayPorts(Map.of())).containsExactly("127.0.0.1:9212:9212/tcp");
        assertThat(gatewayPorts(Map.of("CEMS_GATEWAY_BIND", "0.0.0.0", "CEMS_GATEWAY_PORT", "19212")))
                .containsExactly("0.0.0.0:19212:9212/tcp");
    }

    private static List<String> gatewayPorts(Map<String, String> env) throws IOException, InterruptedException {
        Resolved r = config(env);
        assertThat(r.exit()).as("docker-compose config: " + r.output()).isZero();
        JsonNode gateway = RepoFiles.YAML.readTree(r.output()).path("services").path("gateway");
        List<String> ports = new ArrayList<>();
        gateway.path("ports").forEach(p -> ports.add(p.asText()));
        return ports;
    }

    private record Resolved(int exit, String output) {}

    private static Resolved config(Map<String, String> env, String... options)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(
                List.of(BINARY, "-f", RepoFiles.DOCKER.resolve("compose.yml").toString(), "config"));
        cmd.addAll(List.of(options));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("CEMS_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS))
                .as("docker-compose config finished")
                .isTrue();
        return new Resolved(p.exitValue(), new String(out, StandardCharsets.UTF_8) + err);
    }

    @Test
    void plaintextPortsAreOnLoopbackByDefault() {
        Map<String, List<String>> published = new TreeMap<>();
        SERVICES.fields()
                .forEachRemaining(s -> s.getValue()
                        .path("ports")
                        .forEach(port -> published
                                .computeIfAbsent(s.getKey(), k -> new ArrayList<>())
                                .add(port.asText())));
        assertThat(published)
                .allSatisfy((service, ports) -> assertThat(ports)
                        .allSatisfy(port -> assertThat(port)
                                .as(service)
                                .satisfiesAnyOf(
                                        p -> assertThat(p).startsWith("127.0.0.1:"),
                                        p -> assertThat(p).startsWith(PUBLISH),
                                        p -> assertThat(p).startsWith(GATEWAY_BIND))));
        // what users need may be opened; the admin token's InfluxDB and the login-less Flink UI may not
        assertThat(published)
                .containsEntry("kafka", List.of(PUBLISH + "9092:9092"))
                .containsEntry("mosquitto", List.of(PUBLISH + "1883:1883"))
                .containsEntry("grafana", List.of(PUBLISH + "3000:3000"))
                .containsEntry("influxdb", List.of("127.0.0.1:8086:8086"))
                .containsEntry("jobmanager", List.of("127.0.0.1:8081:8081"))
                .containsEntry("gateway", List.of(GATEWAY_BIND + "${CEMS_GATEWAY_PORT:-9212}:9212"));
        assertThat(SERVICES.path("taskmanager").has("ports")).isFalse();
    }

    @Test
    void theJobWritesAndGrafanaReadsWithTheirOwnInfluxDbUsers() {
        JsonNode flink = SERVICES.path("jobmanager").path("environment");
        JsonNode grafana = SERVICES.path("grafana").path("environment");
        assertThat(flink.has("CEMS_INFLUXDB_WRITER_PASSWORD")).isTrue();
        assertThat(grafana.path("CEMS_INFLUXDB_READ_USER").asText()).isEqualTo("cems-reader");
        assertThat(grafana.path("CEMS_INFLUXDB_READ_PASSWORD").asText()).contains("CEMS_INFLUXDB_READER_PASSWORD");
        // the admin token is the InfluxDB container's alone
        SERVICES.fields().forEachRemaining(s -> {
            if (!s.getKey().equals("influxdb")) {
                assertThat(s.getValue().path("environment").toString())
                        .as(s.getKey())
                        .doesNotContain("CEMS_INFLUXDB_TOKEN");
            }
        });
        String init = RepoFiles.text(RepoFiles.DOCKER.resolve("influxdb/init-dbrp.sh"));
        assertThat(init)
                .containsSubsequence(
                        "--username cems-writer",
                        "--password \"${CEMS_INFLUXDB_WRITER_PASSWORD}\"",
                        "--write-bucket \"${DOCKER_INFLUXDB_INIT_BUCKET_ID}\"");
        assertThat(init)
                .containsSubsequence(
                        "--username cems-reader",
                        "--password \"${CEMS_INFLUXDB_READER_PASSWORD}\"",
                        "--read-bucket \"${DOCKER_INFLUXDB_INIT_BUCKET_ID}\"");
        JsonNode influx = SERVICES.path("influxdb").path("environment");
        assertThat(influx.has("CEMS_INFLUXDB_WRITER_PASSWORD") && influx.has("CEMS_INFLUXDB_READER_PASSWORD"))
                .as("passed to the init script")
                .isTrue();
        String datasource = RepoFiles.text(RepoFiles.PROVISIONING.resolve("datasources/influxdb.yaml"));
        assertThat(datasource).contains("user: ${CEMS_INFLUXDB_READ_USER}", "password: ${CEMS_INFLUXDB_READ_PASSWORD}");
    }
}
