package org.cems.job.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.flink.configuration.MemorySize;
import org.cems.core.time.Durations;

/** Reads and checks the job configuration, naming the key to fix in every error. */
public final class JobConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    /** Paho's schemes: tcp and ssl (TLS) for MQTT over TCP, ws and wss over WebSocket. */
    private static final Set<String> MQTT_SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

    private JobConfigLoader() {}

    public static JobConfig load(Path file) {
        JobConfig config;
        try {
            config = YAML.readValue(file.toFile(), JobConfig.class);
        } catch (JsonMappingException e) {
            throw new JobConfigException(file.toString(), List.of(mappingProblem(e)));
        } catch (JsonProcessingException e) {
            // YAML syntax: the parser's own words, where it stopped
            throw new JobConfigException(
                    file.toString(),
                    List.of("not valid YAML: " + e.getOriginalMessage().strip()
                            + (e.getLocation() == null
                                    ? ""
                                    : " (line " + e.getLocation().getLineNr() + ", column "
                                            + e.getLocation().getColumnNr() + ")")));
        } catch (IOException e) {
            throw new JobConfigException(file.toString(), List.of("cannot read the file: " + e.getMessage()));
        }
        if (config == null) {
            throw new JobConfigException(file.toString(), List.of("the file is empty"));
        }
        if (config.registry != null && !Path.of(config.registry).isAbsolute()) {
            Path parent = file.toAbsolutePath().getParent();
            config.registry = parent.resolve(config.registry).normalize().toString();
        }
        if (config.sm4.keysFile != null && !Path.of(config.sm4.keysFile).isAbsolute()) {
            config.sm4.keysFile = file.toAbsolutePath()
                    .getParent()
                    .resolve(config.sm4.keysFile)
                    .normalize()
                    .toString();
        }
        config.kafka.security.resolveFilesAgainst(file.toAbsolutePath().getParent());
        config.mqtt.tls.resolveFilesAgainst(file.toAbsolutePath().getParent());
        validate(config, file.toString());
        return config;
    }

    /** A value Jackson could not map, told by its YAML path and what it should be, never a Java type. */
    static String mappingProblem(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return path + ": unknown key"
                    + (u.getKnownPropertyIds() == null
                            ? ""
                            : " (known here: "
                                    + String.join(
                                            ", ",
                                            u.getKnownPropertyIds().stream()
                                                    .map(String::valueOf)
                                                    .sorted()
                                                    .toList())
                                    + ")");
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return path
                    + (e instanceof InvalidFormatException f ? ": \"" + f.getValue() + "\" is not " : ": must be ")
                    + kindOf(m.getTargetType());
        }
        return path + ": "
                + e.getOriginalMessage()
                        .replaceAll("`[\\w.$]+`", "this value")
                        .lines()
                        .findFirst()
                        .orElse("");
    }

    private static String kindOf(Class<?> type) {
        if (type == int.class
                || type == Integer.class
                || type == long.class
                || type == Long.class
                || type == short.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a section of keys";
    }

    public static void validate(JobConfig c, String name) {
        List<String> problems = new ArrayList<>();
        if (c.registry == null || !Files.isReadable(Path.of(c.registry))) {
            problems.add("registry: \"" + c.registry + "\" is not a readable file");
        }
        if (c.timezone != null) {
            try {
                ZoneId.of(c.timezone);
            } catch (DateTimeException e) {
                problems.add("timezone: unknown zone \"" + c.timezone + "\"");
            }
        }
        if (c.parallelism != null && c.parallelism < 1) {
            problems.add("parallelism: must be at least 1");
        }
        duration(problems, "max_out_of_orderness", c.maxOutOfOrderness);
        duration(problems, "idle_timeout", c.idleTimeout);
        duration(problems, "allowed_lateness", c.allowedLateness);
        if (c.minSamplesPerMinute < 1) {
            problems.add("min_samples_per_minute: must be at least 1");
        }
        if (!JobConfig.OVER_RANGE_USE_REPORTED.equals(c.overRange)
                && !JobConfig.OVER_RANGE_INVALID.equals(c.overRange)) {
            problems.add("over_range: use_reported or invalid, not \"" + c.overRange + "\"");
        }
        positive(problems, "clock.max_ahead", c.clock.maxAhead);
        positive(problems, "clock.jump_threshold", c.clock.jumpThreshold);
        if (c.clock.jumpConfirmations < 1) {
            problems.add("clock.jump_confirmations: must be at least 1");
        }
        if (c.checkpoint.interval != null) {
            duration(problems, "checkpoint.interval", c.checkpoint.interval);
        }
        if (!JobConfig.Checkpoint.STATE_BACKEND_ROCKSDB.equals(c.checkpoint.stateBackend)
                && !JobConfig.Checkpoint.STATE_BACKEND_HASHMAP.equals(c.checkpoint.stateBackend)) {
            problems.add("checkpoint.state_backend: rocksdb or hashmap, not \"" + c.checkpoint.stateBackend + "\"");
        }
        size(problems, "checkpoint.state_memory", c.checkpoint.stateMemory);
        size(problems, "checkpoint.network_memory", c.checkpoint.networkMemory);
        if (!JobConfig.Checkpoint.ALWAYS_ALIGNED.equals(c.checkpoint.unalignedAfter)) {
            duration(problems, "checkpoint.unaligned_after", c.checkpoint.unalignedAfter);
        }
        duration(problems, "influxdb.flush_interval", c.influxdb.flushInterval);
        if (!c.kafka.enabled && !c.mqtt.enabled) {
            problems.add("kafka.enabled, mqtt.enabled: at least one input must be enabled");
        }
        validateEndpoints(problems, c);
        if (c.mqtt.qos < 0 || c.mqtt.qos > 1) {
            problems.add("mqtt.qos: 0 or 1 (QoS 2 brings nothing over at-least-once with idempotent points)");
        }
        if (!"v1".equals(c.influxdb.api) && !"v2".equals(c.influxdb.api)) {
            problems.add("influxdb.api: v1 or v2");
        }
        if ("v2".equals(c.influxdb.api) && (c.influxdb.org == null || c.influxdb.bucket == null)) {
            problems.add("influxdb.org, influxdb.bucket: both are needed with api v2");
        }
        validateAlerts(problems, c.alerts);
        validateAccounting(problems, c);
        positive(problems, "incidents.snapshot_interval", c.incidents.snapshotInterval);
        envSet(problems, "mqtt.password_env", c.mqtt.passwordEnv);
        problems.addAll(c.kafka.security.problems("kafka.security"));
        problems.addAll(c.mqtt.tls.problems("mqtt.tls"));
        if (c.mqtt.tls.isSet() && c.mqtt.brokerUris.stream().anyMatch(uri -> !uri.startsWith("ssl://"))) {
            problems.add("mqtt.broker_uris: mqtt.tls is set, so every broker URI must start with ssl://");
        }
        envSet(problems, "sm4.keys_env", c.sm4.keysEnv);
        if (c.sm4.keysEnv == null || System.getenv(c.sm4.keysEnv) != null) {
            try {
                c.sm4.keySource().load(); // read now, so a malformed key stops the job at start, not in a task
            } catch (IllegalArgumentException e) {
                problems.add("sm4: " + e.getMessage());
            }
        }
        envSet(problems, "influxdb.password_env", c.influxdb.passwordEnv);
        envSet(problems, "influxdb.token_env", c.influxdb.tokenEnv);
        validateNotify(problems, c);
        if (!problems.isEmpty()) {
            throw new JobConfigException(name, problems);
        }
    }

    /** Addresses and names the job connects with: an empty or misspelt one must stop it here, not in a task. */
    private static void validateEndpoints(List<String> problems, JobConfig c) {
        JobConfig.Kafka k = c.kafka;
        // the dead-letter and alert topics are written even when Kafka is not an input
        if (k.bootstrapServers == null || k.bootstrapServers.isBlank()) {
            problems.add("kafka.bootstrap_servers: empty; list brokers as host:port[,host:port...]");
        } else {
            for (String server : k.bootstrapServers.split(",")) {
                if (!server.strip().matches("[^\\s:/]+:\\d{1,5}|\\[[0-9a-fA-F:]+\\]:\\d{1,5}")) {
                    problems.add("kafka.bootstrap_servers: \"" + server.strip() + "\" is not host:port");
                }
            }
        }
        if (k.enabled) {
            notBlank(problems, "kafka.readings_topic", k.readingsTopic);
            notBlank(problems, "kafka.group_id", k.groupId);
        }
        notBlank(problems, "kafka.deadletter_topic", k.deadletterTopic);
        if (!"earliest".equals(k.startingOffsets) && !"latest".equals(k.startingOffsets)) {
            problems.add("kafka.starting_offsets: earliest or latest, not \"" + k.startingOffsets + "\"");
        }
        if (k.topicPartitions < 1) {
            problems.add("kafka.topic_partitions: must be at least 1");
        }
        if (k.topicReplicationFactor != null
                && (k.topicReplicationFactor < 1 || k.topicReplicationFactor > Short.MAX_VALUE)) {
            problems.add("kafka.topic_replication_factor: must be at least 1 (leave it out for the broker's default)");
        }
        JobConfig.Mqtt m = c.mqtt;
        if (m.enabled || c.alerts.mqttEnabled) {
            String users = m.enabled ? "mqtt.enabled" : "alerts.mqtt_enabled";
            if (m.brokerUris == null || m.brokerUris.isEmpty()) {
                problems.add(
                        "mqtt.broker_uris: empty; with " + users + " at least one broker, e.g. tcp://localhost:1883");
            } else {
                for (int i = 0; i < m.brokerUris.size(); i++) {
                    mqttUri(problems, "mqtt.broker_uris[" + i + "]", m.brokerUris.get(i));
                }
            }
            notBlank(problems, "mqtt.client_id_prefix", m.clientIdPrefix);
        }
        if (m.enabled
                && (m.topicFilters == null
                        || m.topicFilters.isEmpty()
                        || m.topicFilters.stream().anyMatch(f -> f == null || f.isBlank()))) {
            problems.add("mqtt.topic_filters: with mqtt.enabled a list of topic filters, e.g. [cems/+/up]");
        }
        if ((m.username == null) != (m.passwordEnv == null)) {
            problems.add("mqtt.username, mqtt.password_env: set both or neither");
        }
        JobConfig.Influx i = c.influxdb;
        httpUrl(problems, "influxdb.url", i.url);
        if ("v1".equals(i.api)) {
            notBlank(problems, "influxdb.database", i.database);
        }
        if (i.batchPoints < 1) {
            problems.add("influxdb.batch_points: must be at least 1");
        }
        if (i.username != null && i.tokenEnv != null) {
            problems.add("influxdb.username, influxdb.token_env: choose a token or a user with password_env, not both");
        }
        if ((i.username == null) != (i.passwordEnv == null)) {
            problems.add("influxdb.username, influxdb.password_env: set both or neither");
        }
    }

    private static void mqttUri(List<String> problems, String key, String value) {
        try {
            URI uri = new URI(value == null ? "" : value.strip());
            if (uri.getScheme() == null || !MQTT_SCHEMES.contains(uri.getScheme()) || uri.getHost() == null) {
                problems.add(key + ": \"" + value + "\" is not a broker URI like tcp://host:1883 or ssl://host:8883");
            }
        } catch (URISyntaxException e) {
            problems.add(key + ": \"" + value + "\" is not a broker URI like tcp://host:1883 or ssl://host:8883");
        }
    }

    private static void httpUrl(List<String> problems, String key, String value) {
        try {
            URI uri = new URI(value == null ? "" : value.strip());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                problems.add(
                        key + ": \"" + (value == null ? "" : value) + "\" is not a URL like http://localhost:8086");
            }
        } catch (URISyntaxException e) {
            problems.add(key + ": \"" + value + "\" is not a URL like http://localhost:8086");
        }
    }

    private static void notBlank(List<String> problems, String key, String value) {
        if (value == null || value.isBlank()) {
            problems.add(key + ": must be set");
        }
    }

    private static void validateAlerts(List<String> problems, JobConfig.Alerts a) {
        if (!"zh".equals(a.language) && !"en".equals(a.language)) {
            problems.add("alerts.language: zh or en, not \"" + a.language + "\"");
        }
        if (a.kafkaTopic == null || a.kafkaTopic.isBlank()) {
            problems.add("alerts.kafka_topic: must be set");
        }
        if (a.mqttTopic == null
                || !a.mqttTopic.contains("{source}")
                || a.mqttTopic.contains("+")
                || a.mqttTopic.contains("#")) {
            problems.add(
                    "alerts.mqtt_topic: a topic with {source} (and usually {enterprise}), no wildcards, e.g. cems/alerts/{enterprise}/{source}");
        }
        wholeMultiple(problems, "alerts.exceedance.hold", a.exceedance.hold, java.time.Duration.ofHours(1), "1h");
        wholeMultiple(
                problems,
                "alerts.efficiency_drop.sustain",
                a.efficiencyDrop.sustain,
                java.time.Duration.ofMinutes(1),
                "1m");
        wholeMultiple(
                problems, "alerts.efficiency_drop.hold", a.efficiencyDrop.hold, java.time.Duration.ofMinutes(1), "1m");
        if (!(a.efficiencyDrop.maxDropPctPoints > 0)) {
            problems.add("alerts.efficiency_drop.max_drop_pct_points: must be above 0");
        }
        positive(problems, "alerts.no_data.silent_for", a.noData.silentFor);
        positive(problems, "alerts.instrument.fault", a.instrument.fault);
        positive(problems, "alerts.instrument.calibration", a.instrument.calibration);
        positive(problems, "alerts.instrument.maintenance", a.instrument.maintenance);
        duration(problems, "alerts.instrument.hold", a.instrument.hold);
        duration(problems, "alerts.instrument.over_range", a.instrument.overRange);
        duration(problems, "alerts.instrument.stopped", a.instrument.stopped);
        positive(problems, "alerts.clock_skew.tolerance", a.clockSkew.tolerance);
        positive(problems, "alerts.clock_skew.sustain", a.clockSkew.sustain);
        positive(problems, "alerts.treatment_no_power.sustain", a.treatmentNoPower.sustain);
        positive(problems, "alerts.treatment_no_power.hold", a.treatmentNoPower.hold);
    }

    private static void validateAccounting(List<String> problems, JobConfig c) {
        if (!(c.stopDetection.flowBelowM3H >= 0)) {
            problems.add("stop_detection.flow_below_m3_h: must be 0 or more");
        }
        if (!(c.facilityPower.noPowerBelow >= 0)) {
            problems.add("facility_power.no_power_below: must be 0 or more");
        }
        if (!(c.stopDetection.loadBelowMw >= 0)) {
            problems.add("stop_detection.load_below_mw: must be 0 or more");
        }
        JobConfig.Accounting a = c.accounting;
        if (a.substitutedPollutants == null) {
            problems.add("accounting.substituted_pollutants: a list of pollutant codes (may be empty)");
        } else {
            for (String code : a.substitutedPollutants) {
                if (!org.cems.core.normalize.Pollutants.isPollutant(code)) {
                    problems.add("accounting.substituted_pollutants: \"" + code + "\" is not a pollutant with a mass");
                }
            }
        }
        if (!"max_2160".equals(a.alphaBelow75) && !"none".equals(a.alphaBelow75)) {
            problems.add("accounting.alpha_below_75: max_2160 or none, not \"" + a.alphaBelow75 + "\"");
        }
        wholeMultiple(problems, "accounting.max_gap", a.maxGap, java.time.Duration.ofHours(1), "1h");
        if (!(a.loggerTotalTolerancePct >= 0)) {
            problems.add("accounting.logger_total_tolerance_pct: must be 0 or more");
        }
    }

    /** Sustain and hold times count whole sub-periods (minutes, hours): say so rather than round. */
    private static void wholeMultiple(
            List<String> problems, String key, String value, java.time.Duration unit, String unitText) {
        try {
            java.time.Duration d = Durations.parse(value);
            if (d.isZero() || d.toMillis() % unit.toMillis() != 0) {
                problems.add(
                        key + ": \"" + value + "\" must be a whole number of " + unitText + " periods, at least one");
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(key + ": \"" + value + "\" is not a duration like 30s, 5m or 2h");
        }
    }

    private static void positive(List<String> problems, String key, String value) {
        try {
            if (Durations.parse(value).isZero()) {
                problems.add(key + ": must be longer than 0");
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(key + ": \"" + value + "\" is not a duration like 30s, 5m or 2h");
        }
    }

    private static void duration(List<String> problems, String key, String value) {
        try {
            Durations.parse(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(key + ": \"" + value + "\" is not a duration like 30s, 5m or 2h");
        }
    }

    private static void size(List<String> problems, String key, String value) {
        try {
            MemorySize.parse(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(key + ": a size such as 512m or 2g, not \"" + value + "\"");
        }
    }

    private static void validateNotify(List<String> problems, JobConfig c) {
        try {
            c.notify.options(c.timezone != null ? c.timezone : "Asia/Shanghai", false);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        c.notify.secretVariables().forEach((key, variable) -> envSet(problems, key, variable));
    }

    private static void envSet(List<String> problems, String key, String envName) {
        if (envName != null && System.getenv(envName) == null) {
            problems.add(key + ": environment variable " + envName + " is not set");
        }
    }
}
