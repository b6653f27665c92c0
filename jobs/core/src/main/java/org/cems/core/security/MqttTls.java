package org.cems.core.security;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;
import org.cems.connector.base.TlsStores;

/**
 * TLS towards an MQTT broker ({@code ssl://} URIs): the {@code mqtt.tls} block of a config file,
 * shared by the job, the simulator and {@code bin/cems check}. The broker's CA comes as a PEM file
 * (Mosquitto's {@code cafile}) or a trust store; a client certificate only for brokers that
 * require one. Store passwords come from environment variables.
 */
public class MqttTls implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String PEM = TlsStores.PEM;

    /** The broker's CA certificate(s), PEM; or use {@code truststore}. */
    public String caFile;

    public String truststore;
    public String truststoreType = "PKCS12";
    public String truststorePasswordEnv;
    /** Client certificate and key (PKCS12 or JKS), for brokers with {@code require_certificate true}. */
    public String keystore;

    public String keystoreType = "PKCS12";
    public String keystorePasswordEnv;

    public boolean isSet() {
        return caFile != null || truststore != null || keystore != null;
    }

    /** The trust store file and type the connector loads: the PEM CA file, else the trust store. */
    public String trustFile() {
        return caFile != null ? caFile : truststore;
    }

    public String trustType() {
        return caFile != null ? PEM : truststoreType;
    }

    public void resolveFilesAgainst(Path base) {
        caFile = resolve(base, caFile);
        truststore = resolve(base, truststore);
        keystore = resolve(base, keystore);
    }

    private static String resolve(Path base, String file) {
        return file == null || Path.of(file).isAbsolute()
                ? file
                : base.resolve(file).normalize().toString();
    }

    /** Every mistake, each naming its YAML key under {@code yamlPrefix} (e.g. mqtt.tls). */
    public List<String> problems(String yamlPrefix) {
        List<String> problems = new ArrayList<>();
        String p = yamlPrefix + ".";
        if (caFile != null && truststore != null) {
            problems.add(p + "ca_file and " + p + "truststore: set one, not both");
        }
        if (!isSet()) {
            return problems;
        }
        if (trustFile() == null) {
            problems.add(p + "ca_file: required (the broker's CA, PEM) when " + p + "keystore is set");
        }
        readable(problems, p + (caFile != null ? "ca_file" : "truststore"), trustFile());
        readable(problems, p + "keystore", keystore);
        if (truststore != null && !Set.of("PKCS12", "JKS", PEM).contains(truststoreType)) {
            problems.add(p + "truststore_type: PKCS12, JKS or PEM, not \"" + truststoreType + "\"");
        }
        env(problems, p + "truststore_password_env", truststorePasswordEnv);
        if (keystore != null) {
            if (!Set.of("PKCS12", "JKS").contains(keystoreType)) {
                problems.add(p + "keystore_type: PKCS12 or JKS, not \"" + keystoreType + "\"");
            }
            if (keystorePasswordEnv == null) {
                problems.add(p + "keystore_password_env: required with " + p + "keystore");
            }
            env(problems, p + "keystore_password_env", keystorePasswordEnv);
        }
        return problems;
    }

    private static void readable(List<String> problems, String key, String file) {
        if (file != null && !Files.isReadable(Path.of(file))) {
            problems.add(key + ": cannot read " + file);
        }
    }

    private static void env(List<String> problems, String key, String variable) {
        if (variable != null && System.getenv(variable) == null) {
            problems.add(key + ": environment variable " + variable + " is not set");
        }
    }

    /**
     * The socket factory for a Paho client ({@code MqttConnectionOptions.setSocketFactory}).
     *
     * @throws IllegalArgumentException naming the key or file at fault, never a password
     */
    public SSLSocketFactory socketFactory(String yamlPrefix) {
        List<String> problems = problems(yamlPrefix);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        try {
            KeyStore trust = TlsStores.load(trustFile(), trustType(), password(truststorePasswordEnv));
            if (keystore == null) {
                return TlsStores.socketFactory(trust, null, null);
            }
            char[] password = password(keystorePasswordEnv);
            return TlsStores.socketFactory(trust, TlsStores.load(keystore, keystoreType, password), password);
        } catch (Exception e) {
            // a wrong store password shows as "keystore password was incorrect": no secret in it
            throw new IllegalArgumentException(
                    yamlPrefix + ": cannot set up TLS from " + trustFile()
                            + (keystore != null ? " and " + keystore : "") + ": " + e.getMessage(),
                    e);
        }
    }

    private static char[] password(String env) {
        return env == null ? null : System.getenv(env).toCharArray();
    }

    @Override
    public String toString() {
        return "trust " + trustFile() + (keystore != null ? ", client keystore " + keystore : "");
    }
}
