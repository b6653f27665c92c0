package org.cems.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.cems.core.security.SecurityConfig;
import org.cems.core.time.Durations;
import org.cems.hj212.Hj212Edition;

/**
 * What {@code bin/cems simulate} was asked to do. Build it with {@link #parse(String[])}, which
 * explains every mistake; {@link #usage()} describes the options.
 *
 * @param registry the registry YAML whose points are simulated
 * @param mqttUri MQTT broker to publish to, e.g. {@code tcp://127.0.0.1:1883}
 * @param kafkaBootstrapServers Kafka brokers to publish to, e.g. {@code 127.0.0.1:9092}
 * @param split with both MQTT and Kafka: every other point over each
 * @param stdout print the payloads instead of publishing them
 * @param format JSON, HJ 212 or mixed
 * @param mqttQos MQTT QoS 0, 1 or 2
 * @param mqttTopic topic template; {@code {mn}} is replaced by the point's MN
 * @param kafkaTopic Kafka topic; records are keyed by MN
 * @param interval event time between two readings of a point
 * @param speed how many times faster than wall time event time runs; infinite: no waiting at all
 * @param backfill how much event time before the start to send first, as fast as possible
 * @param duration wall time after which to stop; empty: until stopped
 * @param countPerPoint readings per point after which to stop (backfill included); empty: no limit
 * @param seed the seed of the plant model; the same seed gives the same readings
 * @param start the event time of the first live reading; empty: now
 * @param scenarios incidents and real-plant-data patterns to play ({@code --scenario}, repeatable or
 *                  comma-separated; {@code --min-interval N} adds {@code interval-Nm})
 * @param scenarioSource the source of the scenarios that name none ({@code --scenario-source}); empty: the first
 * @param edition the HJ 212 edition of the frames ({@code --edition 2017|2025}); JSON has none
 * @param sm4Keys {@code --sm4-keys FILE}: {@code MN=32-hex-key} lines; 2025 frames of those MNs are SM4-encrypted
 * @param security {@code --security FILE}: SASL/TLS towards Kafka, TLS and login towards MQTT (docs/security.md)
 */
public record SimulatorOptions(
        Path registry,
        Optional<String> mqttUri,
        Optional<String> kafkaBootstrapServers,
        boolean split,
        boolean stdout,
        PayloadFormat format,
        int mqttQos,
        String mqttTopic,
        String kafkaTopic,
        Duration interval,
        double speed,
        Duration backfill,
        Optional<Duration> duration,
        OptionalLong countPerPoint,
        long seed,
        Optional<Instant> start,
        List<ScenarioSpec> scenarios,
        Optional<String> scenarioSource,
        Hj212Edition edition,
        Optional<Path> sm4Keys,
        SecurityConfig security) {

    public static final Path DEFAULT_REGISTRY = Path.of("docker", "config", "registry.yaml");
    public static final String DEFAULT_MQTT_TOPIC = "cems/{mn}/up";
    public static final String DEFAULT_KAFKA_TOPIC = "cems.readings";
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    public static final long DEFAULT_SEED = 2023;

    public SimulatorOptions {
        if (mqttUri.isEmpty() && kafkaBootstrapServers.isEmpty() && !stdout) {
            throw new IllegalArgumentException(
                    "say where to send the readings: --mqtt URI, --kafka SERVERS, or --stdout");
        }
        if (stdout && (mqttUri.isPresent() || kafkaBootstrapServers.isPresent())) {
            throw new IllegalArgumentException(
                    "--stdout prints the payloads instead of publishing them: leave out --mqtt and --kafka");
        }
        boolean both = mqttUri.isPresent() && kafkaBootstrapServers.isPresent();
        if (both && !split) {
            throw new IllegalArgumentException(
                    "with both --mqtt and --kafka, add --split to send every other point over each"
                            + " (sending every reading twice would count it twice)");
        }
        if (split && !both) {
            throw new IllegalArgumentException("--split needs both --mqtt and --kafka");
        }
        if (mqttQos < 0 || mqttQos > 2) {
            throw new IllegalArgumentException("--qos must be 0, 1 or 2, not " + mqttQos);
        }
        if (!mqttTopic.contains("{mn}")) {
            throw new IllegalArgumentException("--mqtt-topic must contain {mn}, e.g. " + DEFAULT_MQTT_TOPIC);
        }
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("--interval must be at least 1s");
        }
        if (!(speed > 0)) {
            throw new IllegalArgumentException("--speed must be a number above 0, or max");
        }
        if (duration.isPresent() && (duration.get().isZero() || duration.get().isNegative())) {
            throw new IllegalArgumentException("--duration must be at least 1s");
        }
        if (countPerPoint.isPresent() && countPerPoint.getAsLong() < 1) {
            throw new IllegalArgumentException("--count must be at least 1");
        }
        if (sm4Keys.isPresent() && edition != Hj212Edition.HJ212_2025) {
            throw new IllegalArgumentException("--sm4-keys encrypts HJ 212-2025 frames: add --edition 2025");
        }
        for (ScenarioSpec spec : scenarios) {
            if (ScenarioCatalog.HJ212_2025_ONLY.contains(spec.type().name())
                    && (edition != Hj212Edition.HJ212_2025 || format != PayloadFormat.HJ212)) {
                throw new IllegalArgumentException("--scenario " + spec.type().name()
                        + " sends HJ 212-2025 data: add --format hj212 --edition 2025");
            }
        }
        scenarios = List.copyOf(scenarios);
    }

    /** Reads command-line arguments; throws IllegalArgumentException with a message meant for the user. */
    public static SimulatorOptions parse(String[] args) {
        Path registry = DEFAULT_REGISTRY;
        Optional<String> mqtt = Optional.empty();
        Optional<String> kafka = Optional.empty();
        boolean split = false;
        boolean stdout = false;
        PayloadFormat format = PayloadFormat.JSON;
        int qos = 1;
        String mqttTopic = DEFAULT_MQTT_TOPIC;
        String kafkaTopic = DEFAULT_KAFKA_TOPIC;
        Duration interval = DEFAULT_INTERVAL;
        double speed = 1.0;
        Duration backfill = Duration.ZERO;
        Optional<Duration> duration = Optional.empty();
        OptionalLong count = OptionalLong.empty();
        long seed = DEFAULT_SEED;
        Optional<Instant> start = Optional.empty();
        List<ScenarioSpec> scenarios = new ArrayList<>();
        Optional<String> scenarioSource = Optional.empty();
        Hj212Edition edition = Hj212Edition.HJ212_2017;
        Optional<Path> sm4Keys = Optional.empty();
        SecurityConfig security = SecurityConfig.none();

        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--split" -> split = true;
                case "--stdout" -> stdout = true;
                case "--registry" -> registry = Path.of(value(args, ++i, option));
                case "--mqtt" -> mqtt = Optional.of(value(args, ++i, option));
                case "--kafka" -> kafka = Optional.of(value(args, ++i, option));
                case "--format" -> format = format(value(args, ++i, option));
                case "--qos" -> qos = (int) wholeNumber(value(args, ++i, option), option);
                case "--mqtt-topic" -> mqttTopic = value(args, ++i, option);
                case "--kafka-topic" -> kafkaTopic = value(args, ++i, option);
                case "--interval" -> interval = duration(value(args, ++i, option), option);
                case "--speed" -> speed = speed(value(args, ++i, option));
                case "--backfill" -> backfill = duration(value(args, ++i, option), option);
                case "--duration" -> duration = Optional.of(duration(value(args, ++i, option), option));
                case "--count" -> count = OptionalLong.of(wholeNumber(value(args, ++i, option), option));
                case "--seed" -> seed = wholeNumber(value(args, ++i, option), option);
                case "--start" -> start = Optional.of(instant(value(args, ++i, option)));
                case "--scenario" -> scenarios.addAll(scenarios(value(args, ++i, option)));
                case "--scenario-source" -> scenarioSource = Optional.of(value(args, ++i, option));
                case "--edition" -> edition = edition(value(args, ++i, option));
                case "--sm4-keys" -> sm4Keys = Optional.of(Path.of(value(args, ++i, option)));
                case "--security" -> security = security(value(args, ++i, option));
                case "--min-interval" ->
                    scenarios.add(new ScenarioSpec(
                            ScenarioCatalog.minuteData((int) wholeNumber(value(args, ++i, option), option)),
                            ScenarioSpec.DEFAULT_AFTER,
                            Optional.empty(),
                            Optional.empty()));
                default -> throw new IllegalArgumentException("unknown option " + option + " (--help lists them)");
            }
        }
        return new SimulatorOptions(
                registry,
                mqtt,
                kafka,
                split,
                stdout,
                format,
                qos,
                mqttTopic,
                kafkaTopic,
                interval,
                speed,
                backfill,
                duration,
                count,
                seed,
                start,
                scenarios,
                scenarioSource,
                edition,
                sm4Keys,
                security);
    }

    private static SecurityConfig security(String file) {
        try {
            return SecurityConfig.load(Path.of(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--security: " + e.getMessage());
        }
    }

    public static String usage() {
        return """
                usage: cems simulate (--mqtt URI | --kafka SERVERS | --mqtt URI --kafka SERVERS --split | --stdout) [options]

                Simulates the gateways of every monitoring point in a registry file, with a plant model
                (daily load curve, plausible concentrations, occasional calibration flags) that gives the
                same readings for the same seed.

                where to send
                  --mqtt URI            MQTT broker, e.g. tcp://127.0.0.1:1883 (MQTT v5)
                  --kafka SERVERS       Kafka bootstrap servers, e.g. 127.0.0.1:9092 (acks=all, keyed by MN)
                  --split               with both: every other point over MQTT, the rest over Kafka
                  --stdout              print the payloads instead, one per line
                  --mqtt-topic T        topic template (default cems/{mn}/up)
                  --qos N               MQTT QoS 0, 1 or 2 (default 1)
                  --kafka-topic T       Kafka topic (default cems.readings)
                  --security FILE       kafka.security (SASL/TLS) and mqtt.tls, mqtt.username,
                                        mqtt.password_env of this YAML, e.g. the job's config file;
                                        use ssl:// with mqtt.tls (see docs/security.md)

                what to send
                  --registry FILE       registry YAML (default docker/config/registry.yaml)
                  --format F            json, hj212 (HJ 212-2017 CN 2011 frames) or mixed: pairs of
                                        points alternate between JSON and HJ 212 (default json)
                  --seed N              seed of the plant model (default 2023)
                  --edition E           HJ 212 edition of the frames: 2017 (Flag=4, default) or 2025 (Flag=8)
                  --sm4-keys FILE       HJ 212-2025 SM4 keys, MN=32-hex-key a line: the data area of those
                                        MNs' 2000-2999/3020 frames is encrypted (needs --edition 2025)

                when
                  --interval D          event time between readings of a point (default 10s)
                  --speed X             event time runs X times faster than wall time, or max for no
                                        waiting (default 1)
                  --backfill D          first send the last D of event time as fast as possible, several
                                        readings per message, so windows close at once (default 0)
                  --start TIME          event time of the first live reading, ISO-8601 with offset
                                        (default now, rounded down to the interval)
                  --duration D          stop after D of wall time (default: run until stopped)
                  --count N             stop after N readings per point, backfill included

                incidents and real plant data (deterministic for a seed; see docs/plant-data/scenarios.md)
                  --scenario NAME[@START][:TARGET][,...]
                                        repeatable or comma-separated; START: event time after --start
                                        (default 10m; -20h: before it, in the backfill) or ISO-8601 (hour patterns start at the next full
                                        hour); TARGET: device id (scr-, fgd-) or source id
                  --scenario-source ID  the source of the scenarios without TARGET (default: the first)
                  --min-interval N      the same as --scenario interval-Nm
                """ + ScenarioCatalog.usage("    ") + """

                Durations are written 60s, 5m, 2h or 1d.
                """;
    }

    /** One {@code --scenario} value: one or more specs separated by commas. */
    private static List<ScenarioSpec> scenarios(String text) {
        List<ScenarioSpec> specs = new ArrayList<>();
        for (String one : text.split(",")) {
            if (!one.isBlank()) {
                specs.add(ScenarioSpec.parse(one));
            }
        }
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("--scenario needs a name");
        }
        return specs;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static PayloadFormat format(String text) {
        try {
            return PayloadFormat.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format must be json, hj212 or mixed, not \"" + text + "\"");
        }
    }

    private static Hj212Edition edition(String text) {
        return switch (text) {
            case "2017" -> Hj212Edition.HJ212_2017;
            case "2025" -> Hj212Edition.HJ212_2025;
            default -> throw new IllegalArgumentException("--edition must be 2017 or 2025, not \"" + text + "\"");
        };
    }

    private static long wholeNumber(String text, String option) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, not \"" + text + "\"");
        }
    }

    private static Duration duration(String text, String option) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    private static double speed(String text) {
        if ("max".equalsIgnoreCase(text.trim())) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--speed must be a number above 0, or max, not \"" + text + "\"");
        }
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "--start must be ISO-8601 with an offset, e.g. 2026-11-26T10:15:00+08:00, not \"" + text + "\"");
        }
    }
}
