package org.cems.core.security;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * How every Kafka client of cems-stream (the job's source and sinks, the TCP gateway, the
 * simulator, {@code bin/cems check}) authenticates and encrypts: the {@code kafka.security} block
 * of a config file, turned into Kafka client properties. Secrets are named (environment variable or
 * file), and the properties carry only references to them that Kafka resolves in each client.
 */
public class KafkaSecurity implements Serializable {
    private static final long serialVersionUID = 1L;

    static final String ENV_PROVIDER = "cemsenv";
    static final String DIR_PROVIDER = "cemsdir";
    private static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    private static final Map<String, String> LOGIN_MODULES = Map.of(
            "PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule",
            "SCRAM-SHA-256", "org.apache.kafka.common.security.scram.ScramLoginModule",
            "SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule");

    /** PLAINTEXT (default), SSL, SASL_PLAINTEXT or SASL_SSL. */
    public String protocol = "PLAINTEXT";
    /** PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512, with a SASL protocol. */
    public String saslMechanism;

    public String username;
    public String passwordEnv;
    public String passwordFile;
    /** Trust store with the brokers' CA (PKCS12, JKS or PEM); unset: the JVM's default CAs. */
    public String truststore;

    public String truststoreType = "PKCS12";
    public String truststorePasswordEnv;
    public String truststorePasswordFile;
    /** Client certificate and key, for brokers that require them (ssl.client.auth=required). */
    public String keystore;

    public String keystoreType = "PKCS12";
    public String keystorePasswordEnv;
    public String keystorePasswordFile;

    public boolean usesSasl() {
        return protocol != null && protocol.startsWith("SASL_");
    }

    public boolean usesTls() {
        return "SSL".equals(protocol) || "SASL_SSL".equals(protocol);
    }

    public SecretRef password() {
        return new SecretRef(passwordEnv, passwordFile);
    }

    SecretRef truststorePassword() {
        return new SecretRef(truststorePasswordEnv, truststorePasswordFile);
    }

    SecretRef keystorePassword() {
        return new SecretRef(keystorePasswordEnv, keystorePasswordFile);
    }

    /** Relative store and secret files resolved against the config file's folder. */
    public void resolveFilesAgainst(Path base) {
        truststore = resolve(base, truststore);
        keystore = resolve(base, keystore);
        passwordFile = password().resolvedAgainst(base).file();
        truststorePasswordFile = truststorePassword().resolvedAgainst(base).file();
        keystorePasswordFile = keystorePassword().resolvedAgainst(base).file();
    }

    private static String resolve(Path base, String file) {
        return file == null || Path.of(file).isAbsolute()
                ? file
                : base.resolve(file).normalize().toString();
    }

    /** Every mistake in the block, each naming its YAML key under {@code yamlPrefix} (e.g. kafka.security). */
    public List<String> problems(String yamlPrefix) {
        List<String> problems = new ArrayList<>();
        String p = yamlPrefix + ".";
        if (protocol == null || !PROTOCOLS.contains(protocol)) {
            problems.add(p + "protocol: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL, not \"" + protocol + "\"");
            return problems;
        }
        if (usesSasl()) {
            if (saslMechanism == null || !LOGIN_MODULES.containsKey(saslMechanism)) {
                problems.add(
                        p + "sasl_mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512, not \"" + saslMechanism + "\"");
            }
            if (username == null || username.isBlank()) {
                problems.add(p + "username: required with " + protocol);
            }
            if (!password().isSet()) {
                problems.add(p + "password_env or " + p + "password_file: required with " + protocol);
            }
            password().problem(p + "password").ifPresent(problems::add);
        } else if (saslMechanism != null || username != null || password().isSet()) {
            problems.add(p + "sasl_mechanism, username and password_*: need protocol SASL_PLAINTEXT or SASL_SSL, not "
                    + protocol);
        }
        if (usesTls()) {
            store(problems, p + "truststore", truststore, truststoreType, truststorePassword(), false);
            store(problems, p + "keystore", keystore, keystoreType, keystorePassword(), true);
        } else if (truststore != null || keystore != null) {
            problems.add(p + "truststore and keystore: need protocol SSL or SASL_SSL, not " + protocol);
        }
        if (username != null && username.contains("\"")) {
            problems.add(p + "username: must not contain a double quote");
        }
        return problems;
    }

    private static void store(
            List<String> problems, String key, String file, String type, SecretRef password, boolean needsPassword) {
        if (file == null) {
            if (password.isSet()) {
                problems.add(key + "_password_*: set, but " + key + " is not");
            }
            return;
        }
        if (!Files.isReadable(Path.of(file))) {
            problems.add(key + ": cannot read " + file);
        }
        if (!Set.of("PKCS12", "JKS", "PEM").contains(type)) {
            problems.add(key + "_type: PKCS12, JKS or PEM, not \"" + type + "\"");
        }
        if (needsPassword && !"PEM".equals(type) && !password.isSet()) {
            problems.add(key + "_password_env or " + key + "_password_file: required with a " + type + " key store");
        }
        password.problem(key + "_password").ifPresent(problems::add);
    }

    /**
     * The Kafka client properties for this block, to add to a producer's, consumer's or admin
     * client's own. Passwords appear as config-provider references (see {@link SecretRef}).
     *
     * @throws IllegalArgumentException listing {@link #problems} when there are any
     */
    public Map<String, String> clientProperties() {
        List<String> problems = problems("kafka.security");
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("security.protocol", protocol);
        if ("PLAINTEXT".equals(protocol)) {
            return props;
        }
        // Kafka's own providers: each client resolves ${cemsenv:NAME} and ${cemsdir:DIR:FILE} itself
        props.put("config.providers", ENV_PROVIDER + "," + DIR_PROVIDER);
        props.put(
                "config.providers." + ENV_PROVIDER + ".class",
                "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
        props.put(
                "config.providers." + DIR_PROVIDER + ".class",
                "org.apache.kafka.common.config.provider.DirectoryConfigProvider");
        if (usesSasl()) {
            props.put("sasl.mechanism", saslMechanism);
            // the JAAS line is a Kafka "password" type: its own config logging shows [hidden]
            props.put(
                    "sasl.jaas.config",
                    LOGIN_MODULES.get(saslMechanism) + " required username=\"" + username + "\" password=\""
                            + password().kafkaReference() + "\";");
        }
        if (usesTls()) {
            if (truststore != null) {
                props.put("ssl.truststore.location", truststore);
                props.put("ssl.truststore.type", truststoreType);
                if (truststorePassword().isSet()) {
                    props.put("ssl.truststore.password", truststorePassword().kafkaReference());
                }
            }
            if (keystore != null) {
                props.put("ssl.keystore.location", keystore);
                props.put("ssl.keystore.type", keystoreType);
                if (keystorePassword().isSet()) {
                    props.put("ssl.keystore.password", keystorePassword().kafkaReference());
                    props.put("ssl.key.password", keystorePassword().kafkaReference());
                }
            }
        }
        return props;
    }

    /** {@link #clientProperties()} as {@link Properties}, for client constructors. */
    public Properties asProperties() {
        Properties p = new Properties();
        p.putAll(clientProperties());
        return p;
    }

    /** What the block says, fit for a log line: no secret is in it, only where secrets are. */
    @Override
    public String toString() {
        if (!usesSasl() && !usesTls()) {
            return protocol;
        }
        return protocol
                + (usesSasl() ? " " + saslMechanism + " user " + username + " password from " + password() : "")
                + (truststore != null ? " truststore " + truststore : "")
                + (keystore != null ? " keystore " + keystore : "");
    }
}
