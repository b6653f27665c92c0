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

    @Test
    void securityBlocksAreReadWithFilesFromTheConfigFolderAndCheckedByKey(@TempDir Path dir) throws Exception {
        Files.copy(EXAMPLE.resolveSibling("registry.yaml"), dir.resolve("registry.yaml"));
        Files.writeString(dir.resolve("ca.pem"), "not read while loading");
        Path config = Files.writeString(dir.resolve("cems.yaml"), """
                registry: registry.yaml
                kafka:
                  bootstrap_servers: kafka-1:9093
                  security: {protocol: SASL_SSL, sasl_mechanism: SCRAM-SHA-512, username: cems-job, password_file: secrets/kafka}
                mqtt:
                  broker_uris: [tcp://mosquitto:1883]
                  tls: {ca_file: ca.pem}
                """);
        assertThatThrownBy(() -> JobConfigLoader.load(config))
                .hasMessageContaining("kafka.security.password_file: cannot read " + dir.resolve("secrets/kafka"))
                .hasMessageContaining("mqtt.broker_uris: mqtt.tls is set, so every broker URI must start with ssl://");
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/kafka"), "s3cret");
        Files.writeString(config, Files.readString(config).replace("tcp://", "ssl://"));
        JobConfig c = JobConfigLoader.load(config);
        assertThat(c.kafka.security.passwordFile).isEqualTo(dir.resolve("secrets/kafka").toString());
        assertThat(c.mqtt.tls.caFile).isEqualTo(dir.resolve("ca.pem").toString());
    }
}
