package org.cems.connector.mqtt.sink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.annotation.PublicEvolving;
import org.cems.connector.mqtt.MqttTlsOptions;

/** Builds an {@link MqttSink}; see that class for the guarantees. */
@PublicEvolving
public final class MqttSinkBuilder<T> {
    static final int DEFAULT_QOS = 1;
    static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(30);

    private final List<String> brokerUris = new ArrayList<>();
    private String clientIdPrefix;
    private String username;
    private String passwordEnv;
    private int qos = DEFAULT_QOS;
    private Duration ackTimeout = DEFAULT_ACK_TIMEOUT;
    private MqttTlsOptions tls;
    private MqttMessageBuilder<T> messages;

    MqttSinkBuilder() {}

    /** tcp://host:port or ssl://host:port; more than one gives failover, tried in order. */
    public MqttSinkBuilder<T> setBrokerUris(List<String> uris) {
        brokerUris.clear();
        if (uris != null) {
            brokerUris.addAll(uris);
        }
        return this;
    }

    public MqttSinkBuilder<T> setBrokerUris(String... uris) {
        return setBrokerUris(uris == null ? null : List.of(uris));
    }

    /** Writer i connects as {@code prefix-i}: unique per job (a broker drops the older of two clients with one id). */
    public MqttSinkBuilder<T> setClientIdPrefix(String prefix) {
        this.clientIdPrefix = prefix;
        return this;
    }

    /** User name, and the name of the environment variable that holds the password on task managers; nulls for none. */
    public MqttSinkBuilder<T> setCredentials(String username, String passwordEnv) {
        this.username = username;
        this.passwordEnv = passwordEnv;
        return this;
    }

    /** 1 (default): at-least-once, a checkpoint waits for the broker's acks. 0: at-most-once. */
    public MqttSinkBuilder<T> setQos(int qos) {
        this.qos = qos;
        return this;
    }

    /** How long a publish or a checkpoint waits for the broker (and for a lost connection to come back); 30 s by default. */
    public MqttSinkBuilder<T> setAckTimeout(Duration timeout) {
        this.ackTimeout = timeout;
        return this;
    }

    /** For {@code ssl://} brokers; none: the JVM's default trust. */
    public MqttSinkBuilder<T> setTls(MqttTlsOptions tls) {
        this.tls = tls;
        return this;
    }

    /** The topic and payload of each element. */
    public MqttSinkBuilder<T> setMessageBuilder(MqttMessageBuilder<T> messages) {
        this.messages = messages;
        return this;
    }

    public MqttSink<T> build() {
        require(!brokerUris.isEmpty(), "at least one broker URI (setBrokerUris)");
        require(
                brokerUris.stream().allMatch(u -> u != null && !u.isBlank()),
                "broker URIs that are not blank, got " + brokerUris);
        require(clientIdPrefix != null && !clientIdPrefix.isBlank(), "a client id prefix (setClientIdPrefix)");
        require(qos == 0 || qos == 1, "QoS 0 or 1 (QoS 2 is not supported), got " + qos);
        require(
                ackTimeout != null && !ackTimeout.isNegative() && !ackTimeout.isZero(),
                "a positive ack timeout, got " + ackTimeout);
        require(passwordEnv == null || username != null, "a user name with the password");
        require(messages != null, "a message builder (setMessageBuilder)");
        return new MqttSink<>(
                new MqttSinkOptions(brokerUris, clientIdPrefix, username, passwordEnv, qos, ackTimeout, tls), messages);
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalArgumentException("MqttSink needs " + what);
        }
    }
}
