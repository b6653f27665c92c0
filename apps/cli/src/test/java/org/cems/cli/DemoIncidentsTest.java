package org.cems.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the demo places its incidents, its options, and the compose simulator in step with it. */
class DemoIncidentsTest {

    @Test
    void aDayIsSpreadFrom23To6HoursBeforeLiveEachOnItsOwnPoint() {
        // 6 incidents from 23 h to 6 h before live: 23 - 17 * i / 5 (whole hours) = 23, 20, 17, 13, 10, 6
        assertThat(DemoIncidents.forReplay(Duration.ofHours(24)).scenarios())
                .containsExactly(
                        "invalid-hours@-23h:u1-fgd-in",
                        "fgd-pump-trip@-20h:u2-fgd",
                        "scr-fouling@-17h:u1-scr",
                        "instrument-stopped@-13h:h2-stack",
                        "analyser-fault@-10h:co-stack",
                        "over-range@-6h:h1-stack",
                        "gateway-silent@2m:u2-scr-in");
        assertThat(DemoIncidents.forReplay(Duration.ZERO).scenarios()).containsExactly("gateway-silent@2m:u2-scr-in");
    }

    @Test
    void theComposeSimulatorPlaysTheSameIncidents() throws Exception {
        String compose = Files.readString(Path.of("../../docker/compose.yml"));
        List<String> scenarios = DemoIncidents.forReplay(Duration.ofHours(24)).scenarios();
        assertThat(compose).contains("--scenario " + String.join(",", scenarios.subList(0, 4)));
        assertThat(compose).contains("--scenario " + String.join(",", scenarios.subList(4, scenarios.size())));
    }

    @Test
    void replayIsZeroOrLongEnoughForTheIncidents() {
        Instant now = Instant.parse("2026-12-05T09:00:00.250Z");
        assertThat(DemoOptions.parse(new String[0], now).replay()).isEqualTo(Duration.ofHours(24));
        assertThat(DemoOptions.parse(new String[0], now).liveStart()).isEqualTo(Instant.parse("2026-12-05T09:00:00Z"));
        assertThat(DemoOptions.parse(new String[] {"--replay", "0", "--duration", "60s"}, now))
                .isEqualTo(new DemoOptions(
                        Duration.ZERO,
                        Optional.of(Duration.ofSeconds(60)),
                        Instant.parse("2026-12-05T09:00:00Z"),
                        false));
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--replay", "3h"}, now))
                .hasMessageContaining("--replay must be 0 or at least 7h");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--replay", "90m"}, now))
                .hasMessageContaining("at least 7h");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--replay", "450m"}, now))
                .hasMessageContaining("whole hours");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--speed", "2"}, now))
                .hasMessageContaining("--speed");
    }
}
