package org.cems.core.security;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The client-security blocks of a config file ({@code kafka.security}, {@code mqtt.tls},
 * {@code mqtt.username}, {@code mqtt.password_env}) read on their own, for the programs that have
 * no job config of their own: the TCP gateway and the simulator ({@code --security FILE}), and
 * {@code bin/cems check}. The job's config file itself is such a file; its other keys are ignored.
 *
 * @param kafka           SASL and TLS towards Kafka
 * @param mqttTls         TLS towards the MQTT broker
 * @param mqttUsername    null for none
 * @param mqttPasswordEnv the environment variable holding the MQTT password; null for none
 */
public record SecurityConfig(KafkaSecurity kafka, MqttTls mqttTls, String mqttUsername, String mqttPasswordEnv) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Plaintext Kafka, MQTT without TLS or login. */
    public static SecurityConfig none() {
        return new SecurityConfig(new KafkaSecurity(), new MqttTls(), null, null);
    }

    /**
     * Reads and checks the blocks; relative files are taken from the config file's folder.
     *
     * @throws IllegalArgumentException naming the file and every key at fault
     */
    public static SecurityConfig load(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": not a YAML mapping");
        }
        Path folder = file.toAbsolutePath().getParent();
        KafkaSecurity kafka = block(
                file, root.path("kafka").path("security"), KafkaSecurity.class, "kafka.security", new KafkaSecurity());
        MqttTls tls = block(file, root.path("mqtt").path("tls"), MqttTls.class, "mqtt.tls", new MqttTls());
        kafka.resolveFilesAgainst(folder);
        tls.resolveFilesAgainst(folder);
        SecurityConfig config = new SecurityConfig(
                kafka,
                tls,
                text(root.path("mqtt").path("username")),
                text(root.path("mqtt").path("password_env")));
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    file + " has " + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
        }
        return config;
    }

    private static <T> T block(Path file, JsonNode node, Class<T> type, String yamlPath, T absent) {
        if (node.isMissingNode() || node.isNull()) {
            return absent;
        }
        try {
            return YAML.treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(file + ": unknown key \"" + e.getPropertyName() + "\" in " + yamlPath);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + yamlPath + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>(kafka.problems("kafka.security"));
        problems.addAll(mqttTls.problems("mqtt.tls"));
        if (mqttPasswordEnv != null && System.getenv(mqttPasswordEnv) == null) {
            problems.add("mqtt.password_env: environment variable " + mqttPasswordEnv + " is not set");
        }
        return problems;
    }

    /** The MQTT password, read from its environment variable; null when none is set. */
    public char[] mqttPassword() {
        return mqttPasswordEnv == null ? null : System.getenv(mqttPasswordEnv).toCharArray();
    }
}
