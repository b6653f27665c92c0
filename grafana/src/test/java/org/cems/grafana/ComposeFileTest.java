package org.cems.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.cems.testkit.DebianPackages;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docker/compose.yml is a valid compose file (Debian's docker-compose validates without an engine). */
class ComposeFileTest {
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

    private static Resolved config(Map<String, String> env, String... options) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(BINARY, "-f", RepoFiles.DOCKER.resolve("compose.yml").toString(), "config"));
        cmd.addAll(List.of(options));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("CEMS_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("docker-compose config finished").isTrue();
        return new Resolved(p.exitValue(), new String(out, StandardCharsets.UTF_8) + err);
    }
}
