package org.cems.job.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.cems.core.time.Durations;

/** Reads and checks the job configuration, naming the key to fix in every error. */
public final class JobConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JobConfigLoader() {}

    public static JobConfig load(Path file) {
        JobConfig config;
        try {
            config = YAML.readValue(file.toFile(), JobConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(file + ": unknown key \"" + e.getPropertyName() + "\" at "
                    + e.getPathReference().replace("org.cems.job.config.", ""));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
        if (config == null) {
            throw new IllegalArgumentException(file + ": the file is empty");
        }
        if (config.registry != null && !Path.of(config.registry).isAbsolute()) {
            Path parent = file.toAbsolutePath().getParent();
            config.registry = parent.resolve(config.registry).normalize().toString();
        }
        if (config.sm4.keysFile != null && !Path.of(config.sm4.keysFile).isAbsolute()) {
            config.sm4.keysFile = file.toAbsolutePath().getParent().resolve(config.sm4.keysFile).normalize().toString();
        }
        config.kafka.security.resolveFilesAgainst(file.toAbsolutePath().getParent());
        config.mqtt.tls.resolveFilesAgainst(file.toAbsolutePath().getParent());
        validate(config, file.toString());
        return config;
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
        if (c.parallelism < 1) {
            problems.add("parallelism: must be at least 1");
        }
        duration(problems, "max_out_of_orderness", c.maxOutOfOrderness);
        duration(problems, "idle_timeout", c.idleTimeout);
        duration(problems, "allowed_lateness", c.allowedLateness);
        if (c.minSamplesPerMinute < 1) {
            problems.add("min_samples_per_minute: must be at least 1");
        }
        if (!JobConfig.OVER_RANGE_USE_REPORTED.equals(c.overRange) && !JobConfig.OVER_RANGE_INVALID.equals(c.overRange)) {
            problems.add("over_range: use_reported or invalid, not \"" + c.overRange + "\"");
        }
        positive(problems, "clock.max_ahead", c.clock.maxAhead);
        positive(problems, "clock.jump_threshold", c.clock.jumpThreshold);
        if (c.clock.jumpConfirmations < 1) {
            problems.add("clock.jump_confirmations: must be at least 1");
        }
        duration(problems, "checkpoint.interval", c.checkpoint.interval);
        duration(problems, "influxdb.flush_interval", c.influxdb.flushInterval);
        if (!c.kafka.enabled && !c.mqtt.enabled) {
            problems.add("kafka.enabled, mqtt.enabled: at least one input must be enabled");
        }
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
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(name + " has " + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
        }
    }

    private static void validateAlerts(List<String> problems, JobConfig.Alerts a) {
        if (!"zh".equals(a.language) && !"en".equals(a.language)) {
            problems.add("alerts.language: zh or en, not \"" + a.language + "\"");
        }
        if (a.kafkaTopic == null || a.kafkaTopic.isBlank()) {
            problems.add("alerts.kafka_topic: must be set");
        }
        if (a.mqttTopic == null || !a.mqttTopic.contains("{source}") || a.mqttTopic.contains("+") || a.mqttTopic.contains("#")) {
            problems.add("alerts.mqtt_topic: a topic with {source} (and usually {enterprise}), no wildcards, e.g. cems/alerts/{enterprise}/{source}");
        }
        wholeMultiple(problems, "alerts.exceedance.hold", a.exceedance.hold, java.time.Duration.ofHours(1), "1h");
        wholeMultiple(problems, "alerts.efficiency_drop.sustain", a.efficiencyDrop.sustain, java.time.Duration.ofMinutes(1), "1m");
        wholeMultiple(problems, "alerts.efficiency_drop.hold", a.efficiencyDrop.hold, java.time.Duration.ofMinutes(1), "1m");
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
    private static void wholeMultiple(List<String> problems, String key, String value, java.time.Duration unit, String unitText) {
        try {
            java.time.Duration d = Durations.parse(value);
            if (d.isZero() || d.toMillis() % unit.toMillis() != 0) {
                problems.add(key + ": \"" + value + "\" must be a whole number of " + unitText + " periods, at least one");
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

    private static void envSet(List<String> problems, String key, String envName) {
        if (envName != null && System.getenv(envName) == null) {
            problems.add(key + ": environment variable " + envName + " is not set");
        }
    }
}
