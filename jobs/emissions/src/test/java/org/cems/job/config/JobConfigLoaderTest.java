package org.cems.job.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example configuration loads, and the alert settings are checked with the key to fix. */
class JobConfigLoaderTest {
    static final Path EXAMPLE = Path.of(System.getProperty("user.dir")).resolve("../../docker/config/cems.yaml").normalize();

    @Test
    void theExampleConfigHasTheAlertDefaults() {
        JobConfig c = JobConfigLoader.load(EXAMPLE);
        assertThat(c.alerts.language).isEqualTo("zh");
        assertThat(c.alerts.efficiencyDrop.sustain).isEqualTo("15m");
        assertThat(c.alerts.instrument.maintenance).isEqualTo("240m");
    }

    @Test
    void badAlertSettingsAreNamed() {
        JobConfig c = JobConfigLoader.load(EXAMPLE);
        c.alerts.language = "fr";
        c.alerts.exceedance.hold = "90m";
        c.alerts.efficiencyDrop.sustain = "30s";
        c.alerts.noData.silentFor = "soon";
        c.alerts.mqttTopic = "cems/alerts/#";
        assertThatThrownBy(() -> JobConfigLoader.validate(c, "cems.yaml"))
                .hasMessageContaining("alerts.language: zh or en, not \"fr\"")
                .hasMessageContaining("alerts.exceedance.hold: \"90m\" must be a whole number of 1h periods, at least one")
                .hasMessageContaining("alerts.efficiency_drop.sustain: \"30s\" must be a whole number of 1m periods, at least one")
                .hasMessageContaining("alerts.no_data.silent_for: \"soon\" is not a duration")
                .hasMessageContaining("alerts.mqtt_topic:");
    }

    @Test
    void accountingKeysHaveTheirDefaultsAndAreChecked() {
        JobConfig c = JobConfigLoader.load(EXAMPLE);
        assertThat(c.accounting.substitutedPollutants).containsExactly("a21026", "a21002", "a34013");
        assertThat(c.accounting.alphaBelow75).isEqualTo("max_2160");
        assertThat(c.stopDetection.flowBelowM3H).isEqualTo(1000.0);
        c.accounting.alphaBelow75 = "mean";
        c.accounting.substitutedPollutants = java.util.List.of("a19001");
        c.accounting.maxGap = "90m";
        assertThatThrownBy(() -> JobConfigLoader.validate(c, "cems.yaml"))
                .hasMessageContaining("accounting.alpha_below_75: max_2160 or none")
                .hasMessageContaining("accounting.substituted_pollutants: \"a19001\" is not a pollutant")
                .hasMessageContaining("accounting.max_gap:");
    }

    @Test
    void theIncidentSnapshotIntervalIsRead() {
        JobConfig c = JobConfigLoader.load(EXAMPLE);
        assertThat(c.incidents.snapshotInterval).isEqualTo("1m");
        c.incidents.snapshotInterval = "0s";
        assertThatThrownBy(() -> JobConfigLoader.validate(c, "cems.yaml"))
                .hasMessageContaining("incidents.snapshot_interval: must be longer than 0");
    }

    @Test
    void sm4KeysAreReadAtStartAndAMalformedOneNamesItsLine(@TempDir Path dir) throws Exception {
        JobConfig c = JobConfigLoader.load(EXAMPLE);
        assertThat(c.sm4.keySource().isNone()).isTrue();
        Path keys = dir.resolve("sm4.keys");
        Files.writeString(keys, "# 2025 loggers\nMN1=0123456789abcdef0123456789abcdef\nMN2=0123456789abcdef0123456789abcdeg\n");
        c.sm4.keysFile = keys.toString();
        c.sm4.keysEnv = "CEMS_TEST_NO_SUCH_VARIABLE";
        assertThatThrownBy(() -> JobConfigLoader.validate(c, "cems.yaml"))
                .hasMessageContaining("sm4.keys_env: environment variable CEMS_TEST_NO_SUCH_VARIABLE is not set")
                .hasMessageNotContaining("0123456789abcdef");
        c.sm4.keysEnv = null;
        assertThatThrownBy(() -> JobConfigLoader.validate(c, "cems.yaml"))
                .hasMessageContaining("sm4: " + keys + " line 3: the key of MN MN2 is not 32 hex digits")
                .hasMessageNotContaining("0123456789abcdef");
    }
}
