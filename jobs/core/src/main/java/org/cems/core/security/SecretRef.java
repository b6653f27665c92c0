package org.cems.core.security;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a secret is, never the secret: an environment variable or a file (a Docker or Kubernetes
 * secret mount). Messages and {@link #toString()} name the variable or file only.
 *
 * @param env  the environment variable holding it, or null
 * @param file the file holding it (its whole content, without a trailing newline), or null
 */
public record SecretRef(String env, String file) implements Serializable {
    private static final long serialVersionUID = 1L;

    public static SecretRef none() {
        return new SecretRef(null, null);
    }

    public boolean isSet() {
        return env != null || file != null;
    }

    /**
     * Why the secret cannot be read here, naming the YAML keys to fix; empty when it can. A file
     * ending in a newline is refused: Kafka reads files byte for byte, so the newline would be part
     * of the password and the broker's "authentication failed" would not say why.
     */
    public Optional<String> problem(String yamlPrefix) {
        if (env != null && file != null) {
            return Optional.of(yamlPrefix + "_env and " + yamlPrefix + "_file: set one, not both");
        }
        if (env != null && System.getenv(env) == null) {
            return Optional.of(yamlPrefix + "_env: environment variable " + env + " is not set");
        }
        if (file != null) {
            Path path = Path.of(file);
            if (!Files.isReadable(path)) {
                return Optional.of(yamlPrefix + "_file: cannot read " + file);
            }
            try {
                byte[] content = Files.readAllBytes(path);
                if (content.length > 0
                        && (content[content.length - 1] == '\n' || content[content.length - 1] == '\r')) {
                    return Optional.of(
                            yamlPrefix + "_file: " + file + " ends with a newline; write it with printf '%s' ...");
                }
            } catch (IOException e) {
                return Optional.of(yamlPrefix + "_file: cannot read " + file + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * The secret, for clients that take it as a value (MQTT, HJ 212 PW checks).
     *
     * @throws IllegalArgumentException naming the variable or file, never the value
     */
    public String read(String yamlPrefix) {
        problem(yamlPrefix).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        if (env != null) {
            return System.getenv(env);
        }
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(yamlPrefix + "_file: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A Kafka config-provider reference ({@code ${env:NAME}}, {@code ${dir:DIR:FILE}}) that each
     * Kafka client resolves itself where it runs, so the secret is in no job graph and no logged
     * config. The providers are declared by {@link KafkaSecurity#clientProperties()}.
     */
    String kafkaReference() {
        if (env != null) {
            return "${" + KafkaSecurity.ENV_PROVIDER + ":" + env + "}";
        }
        Path path = Path.of(file).toAbsolutePath();
        return "${" + KafkaSecurity.DIR_PROVIDER + ":" + path.getParent() + ":" + path.getFileName() + "}";
    }

    /** A relative file resolved against {@code base} (the config file's folder). */
    public SecretRef resolvedAgainst(Path base) {
        return file == null || Path.of(file).isAbsolute()
                ? this
                : new SecretRef(env, base.resolve(file).normalize().toString());
    }

    @Override
    public String toString() {
        return env != null ? "env " + env : file != null ? "file " + file : "none";
    }
}
