package org.cems.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.cems.testkit.DebianPackages;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** docker/compose.yml is a valid compose file (Debian's docker-compose validates without an engine). */
class ComposeFileTest {
    static final String BINARY = "/usr/bin/docker-compose";

    @Test
    void composeFileIsValid() throws IOException, InterruptedException {
        try {
            DebianPackages.require(BINARY, "docker-compose");
        } catch (IllegalStateException missing) {
            Assumptions.abort(missing.getMessage());
        }
        Process p = new ProcessBuilder(BINARY, "-f", RepoFiles.DOCKER.resolve("compose.yml").toString(), "config", "-q")
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("docker-compose config finished").isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("docker-compose config -q: " + output).isZero();
    }
}
