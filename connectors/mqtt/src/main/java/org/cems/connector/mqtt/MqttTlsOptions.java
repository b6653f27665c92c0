package org.cems.connector.mqtt;

import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;

/**
 * TLS settings: a trust store for the broker's certificate and, for brokers that require client
 * certificates, a key store. Store passwords are read from environment variables on the task
 * managers, so no secret is part of the job graph.
 */
@PublicEvolving
public final class MqttTlsOptions implements Serializable {
    private static final long serialVersionUID = 1L;
    /** A trust store type: a PEM file of CA certificates (Mosquitto's {@code cafile}), no password. */
    public static final String PEM = org.cems.connector.base.TlsStores.PEM;

    private final String trustStorePath;
    private final String trustStoreType;
    private final String trustStorePasswordEnv;
    private final String keyStorePath;
    private final String keyStoreType;
    private final String keyStorePasswordEnv;

    private MqttTlsOptions(
            String trustStorePath,
            String trustStoreType,
            String trustStorePasswordEnv,
            String keyStorePath,
            String keyStoreType,
            String keyStorePasswordEnv) {
        this.trustStorePath = trustStorePath;
        this.trustStoreType = trustStoreType;
        this.trustStorePasswordEnv = trustStorePasswordEnv;
        this.keyStorePath = keyStorePath;
        this.keyStoreType = keyStoreType;
        this.keyStorePasswordEnv = keyStorePasswordEnv;
    }

    /**
     * Trusts the certificates in a key store file.
     *
     * @param path file on every task manager
     * @param type key store type, e.g. PKCS12 or JKS, or {@link #PEM}
     * @param passwordEnv name of the environment variable holding its password, or null for none
     */
    public static MqttTlsOptions trustStore(String path, String type, String passwordEnv) {
        return new MqttTlsOptions(
                Objects.requireNonNull(path, "trust store path"),
                Objects.requireNonNull(type, "trust store type"),
                passwordEnv,
                null,
                null,
                null);
    }

    /** Adds a client certificate and key, for brokers that require one (mutual TLS). */
    public MqttTlsOptions withClientKeyStore(String path, String type, String passwordEnv) {
        return new MqttTlsOptions(
                trustStorePath,
                trustStoreType,
                trustStorePasswordEnv,
                Objects.requireNonNull(path, "key store path"),
                Objects.requireNonNull(type, "key store type"),
                Objects.requireNonNull(passwordEnv, "key store password environment variable"));
    }

    public String trustStorePath() {
        return trustStorePath;
    }

    public String trustStoreType() {
        return trustStoreType;
    }

    public String trustStorePasswordEnv() {
        return trustStorePasswordEnv;
    }

    public boolean hasClientKeyStore() {
        return keyStorePath != null;
    }

    public String keyStorePath() {
        return keyStorePath;
    }

    public String keyStoreType() {
        return keyStoreType;
    }

    public String keyStorePasswordEnv() {
        return keyStorePasswordEnv;
    }

    @Override
    public String toString() {
        return "trustStore=" + trustStorePath + (hasClientKeyStore() ? ", clientKeyStore=" + keyStorePath : "");
    }
}
