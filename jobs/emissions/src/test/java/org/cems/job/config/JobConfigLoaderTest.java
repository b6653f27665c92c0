package org.cems.job.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cems.job.notify.NotifyConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example configuration loads, and the alert settings are checked with the key to fix. */
class JobConfigLoaderTest {
    static final Path EXAMPLE = Path.of(System.getProperty("user.dir"))
            .resolve("../../docker/config/cems.yaml")
            .normalize();

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
                .hasMessageContaining(
                        "alerts.exceedance.hold: \"90m\" must be a whole number of 1h periods, at least one")
                .hasMessageContaining(
                        "alerts.efficiency_drop.sustain: \"30s\" must be a whole number of 1m periods, at least one")
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
        c.accounting.substitutedPollutants = List.of("a19001");
        c.accounting.maxGap = "90m";
        assertThatThrownBy(() -> JobConfigLoader.validate(c, "cems.yaml"))
                .hasMessageContaining("accounting.alpha_below_75: max_2160 or none")
                .hasMessageContaining("accounting.substituted_pollutants: \"a19001\" is not a pollutant")
                .hasMessageContaining("accounting.max_gap:");
    }

    @Test
    void theStateBackendIsRocksDbWithIncrementalCheckpointsAndGoesToFlink() {
        JobConfig c = JobConfigLoader.load(EXAMPLE);
        org.apache.flink.configuration.Configuration flink = org.cems.job.EmissionsJob.flinkConfiguration(c);
        assertThat(flink.get(org.apache.flink.configuration.StateBackendOptions.STATE_BACKEND))
                .isEqualTo("rocksdb");
        assertThat(flink.get(org.apache.flink.configuration.CheckpointingOptions.INCREMENTAL_CHECKPOINTS))
                .isTrue();
        assertThat(flink.toMap()).containsEntry("state.backend.rocksdb.compression.per.level", "ZSTD_COMPRESSION");
        c.checkpoint.stateBackend = "memory";
        assertThatThrownBy(() -> JobConfigLoader.validate(c, "cems.yaml"))
                .hasMessageContaining("checkpoint.state_backend: rocksdb or hashmap, not \"memory\"");
    }

    @Test
    void theStateAndNetworkMemoryAreTheEmbeddedClustersManagedAndNetworkMemory() {
        JobConfig c = JobConfigLoader.load(EXAMPLE);
        assertThat(org.cems.job.EmissionsJob.flinkConfiguration(c).toMap())
                .containsEntry("taskmanager.memory.managed.size", "512 mb")
                .containsEntry("taskmanager.memory.network.min", "256 mb")
                .containsEntry("taskmanager.memory.network.max", "256 mb");
        c.checkpoint.stateMemory = "lots";
        c.checkpoint.networkMemory = "more";
        assertThatThrownBy(() -> JobConfigLoader.validate(c, "cems.yaml"))
                .hasMessageContaining("checkpoint.state_memory: a size such as 512m or 2g, not \"lots\"")
                .hasMessageContaining("checkpoint.network_memory: a size such as 512m or 2g, not \"more\"");
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
        Files.writeString(
                keys, "# 2025 loggers\nMN1=0123456789abcdef0123456789abcdef\nMN2=0123456789abcdef0123456789abcdeg\n");
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
    void flinkStyleDurationsAreAccepted() {
        JobConfig c = JobConfigLoader.load(EXAMPLE);
        c.checkpoint.interval = "1min";
        c.maxOutOfOrderness = "30 s";
        c.alerts.exceedance.hold = "2 h";
        c.alerts.noData.silentFor = "10 mins";
        JobConfigLoader.validate(c, "cems.yaml");
    }

    @Test
    void endpointValuesThatUsedToPassSilentlyAreErrors() {
        JobConfig c = JobConfigLoader.load(EXAMPLE);
        c.kafka.bootstrapServers = "kafka-1:9092, kafka-2";
        c.kafka.startingOffsets = "lates";
        c.mqtt.enabled = false;
        c.mqtt.brokerUris = java.util.List.of();
        c.influxdb.url = "";
        c.influxdb.username = "cems";
        assertThatThrownBy(() -> JobConfigLoader.validate(c, "cems.yaml"))
                .isInstanceOfSatisfying(
                        JobConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "kafka.bootstrap_servers: \"kafka-2\" is not host:port",
                                        "kafka.starting_offsets: earliest or latest, not \"lates\"",
                                        "mqtt.broker_uris: empty; with alerts.mqtt_enabled at least one broker, e.g. tcp://localhost:1883",
                                        "influxdb.url: \"\" is not a URL like http://localhost:8086",
                                        "influxdb.username, influxdb.password_env: set both or neither"));
        c.kafka.bootstrapServers = " ";
        c.mqtt.brokerUris = java.util.List.of("localhost:1883");
        assertThatThrownBy(() -> JobConfigLoader.validate(c, "cems.yaml"))
                .hasMessageContaining("kafka.bootstrap_servers: empty")
                .hasMessageContaining(
                        "mqtt.broker_uris[0]: \"localhost:1883\" is not a broker URI like tcp://host:1883");
    }

    @Test
    void valuesOfTheWrongKindAreNamedByTheirYamlPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cems.yaml");
        Files.writeString(
                file,
                "registry: " + EXAMPLE.resolveSibling("registry.yaml") + "\nclock:\n  jump_confirmations: many\n");
        assertThatThrownBy(() -> JobConfigLoader.load(file))
                .isInstanceOfSatisfying(
                        JobConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly("clock.jump_confirmations: \"many\" is not a whole number"));
        Files.writeString(
                file, "registry: " + EXAMPLE.resolveSibling("registry.yaml") + "\nmqtt:\n  broker_uris: {a: 1}\n");
        assertThatThrownBy(() -> JobConfigLoader.load(file))
                .isInstanceOfSatisfying(
                        JobConfigException.class,
                        e -> assertThat(e.problems()).containsExactly("mqtt.broker_uris: must be a list"));
        Files.writeString(file, "registry: x\nalerts:\n  no_data:\n    silentfor: 5m\n");
        assertThatThrownBy(() -> JobConfigLoader.load(file))
                .isInstanceOfSatisfying(
                        JobConfigException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .asString()
                                .startsWith("alerts.no_data.silentfor: unknown key (known here: silent_for)"));
        Files.writeString(file, "kafka: [a, b]\n");
        assertThatThrownBy(() -> JobConfigLoader.load(file))
                .isInstanceOfSatisfying(
                        JobConfigException.class,
                        e -> assertThat(e.problems()).containsExactly("kafka: must be a section of keys"));
        Files.writeString(file, "kafka:\n\tenabled: true\n");
        assertThatThrownBy(() -> JobConfigLoader.load(file))
                .isInstanceOfSatisfying(
                        JobConfigException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .asString()
                                .startsWith("not valid YAML: ")
                                .contains("line"));
    }

    @Test
    void theCommentedNotifyExampleLoadsAndItsSecretsMustBeSet(@TempDir Path dir) throws Exception {
        assertThat(JobConfigLoader.load(EXAMPLE).notify.enabled()).isFalse();
        String example = Files.readString(EXAMPLE);
        int from = example.indexOf("#notify:");
        int to = example.indexOf("stop_detection:");
        String uncommented = example.substring(0, from)
                + example.substring(from, to).replaceAll("(?m)^#", "")
                + example.substring(to);
        Path config = dir.resolve("cems.yaml");
        Files.writeString(config, uncommented.replace("registry: ", "registry: " + EXAMPLE.getParent() + "/"));
        assertThatThrownBy(() -> JobConfigLoader.load(config))
                .hasMessageContaining(
                        "notify.targets.ordos-dingtalk.access_token_env: environment variable CEMS_DINGTALK_TOKEN is not set")
                .hasMessageContaining(
                        "notify.targets.duty-mail.password_env: environment variable CEMS_SMTP_PASSWORD is not set")
                .hasMessageContaining("has 5 problem(s)"); // the five variables, nothing else
    }

    @Test
    void badNotifySettingsAreNamed() {
        JobConfig c = JobConfigLoader.load(EXAMPLE);
        NotifyConfig.Target robot = new NotifyConfig.Target();
        robot.type = "dingtalk";
        NotifyConfig.Target pager = new NotifyConfig.Target();
        pager.type = "pager";
        c.notify.targets.put("robot", robot);
        assertThatThrownBy(() -> JobConfigLoader.validate(c, "cems.yaml"))
                .hasMessageContaining("notify.targets.robot: DingTalk target robot needs access_token_env");
        c.notify.targets.put("robot", pager);
        assertThatThrownBy(() -> JobConfigLoader.validate(c, "cems.yaml"))
                .hasMessageContaining("notify.targets.robot: type: one of");
        c.notify.targets.clear();
        NotifyConfig.Target hook = new NotifyConfig.Target();
        hook.type = "webhook";
        hook.url = "http://127.0.0.1:9/hook";
        c.notify.targets.put("hook", hook);
        NotifyConfig.RouteConfig route = new NotifyConfig.RouteConfig();
        route.targets = List.of("hook", "nowhere");
        c.notify.routes.add(route);
        assertThatThrownBy(() -> JobConfigLoader.validate(c, "cems.yaml"))
                .hasMessageContaining("notify.routes[0]: route")
                .hasMessageContaining("names target nowhere, which is not defined");
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
        assertThat(c.kafka.security.passwordFile)
                .isEqualTo(dir.resolve("secrets/kafka").toString());
        assertThat(c.mqtt.tls.caFile).isEqualTo(dir.resolve("ca.pem").toString());
    }
}
