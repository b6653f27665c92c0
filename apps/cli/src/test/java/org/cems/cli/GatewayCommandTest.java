package org.cems.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cems.core.registry.RegistryException;
import org.cems.gateway.RegisteredStations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/cems gateway --registry FILE}: what the gateway is given from a registry file. */
class GatewayCommandTest {
    @Test
    void everyMnIsKnownAndOnlyThoseWithAPasswordMustSendOne(@TempDir Path dir) throws Exception {
        Path pwFile = Files.writeString(dir.resolve("u2.pw"), "fr0m-file");
        Path registry = Files.writeString(dir.resolve("registry.yaml"), """
                city: Testville
                enterprises:
                  - id: power
                    name: plant
                    industry: thermal_power
                    sources:
                      - id: u1-stack
                        mn: "TESTMN000000000000000001"
                        kind: coal_boiler
                        password: "s3cret"
                      - id: u2-stack
                        mn: "TESTMN000000000000000002"
                        kind: coal_boiler
                        password_file: "%s"
                      - id: u3-stack
                        mn: "TESTMN000000000000000003"
                        kind: coal_boiler
                """.formatted(pwFile));
        RegisteredStations stations = GatewayCommand.stations(registry);
        assertThat(stations.mns())
                .containsExactlyInAnyOrder(
                        "TESTMN000000000000000001", "TESTMN000000000000000002", "TESTMN000000000000000003");
        assertThat(stations.passwordByMn())
                .isEqualTo(Map.of("TESTMN000000000000000001", "s3cret", "TESTMN000000000000000002", "fr0m-file"));
        assertThat(stations).hasToString("RegisteredStations[3 MNs, 2 with a password]");
    }

    @Test
    void aRegistryWithProblemsIsRefusedWithThem(@TempDir Path dir) throws Exception {
        Path registry = Files.writeString(dir.resolve("registry.yaml"), "city: Testville\nenterprises: []\n");
        assertThatThrownBy(() -> GatewayCommand.stations(registry))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("enterprises: none defined");
    }
}
