package org.cems.connector.mqtt.sink;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

import org.cems.connector.mqtt.MqttTlsOptions;

/**
 * Where the MQTT sink publishes and how.
 *
 * @param brokerUris brokers, tried in order on (re)connect
 * @param clientIdPrefix the writer's client id is prefix-subtask
 * @param username null for none
 * @param passwordEnv the environment variable holding the password; null for none
 * @param qos 0 or 1; with 1 a checkpoint completes only after the broker acknowledged every message before it
 * @param ackTimeout how long a flush waits for the broker (and for a lost connection to come back) before it fails
 * @param tls for {@code ssl://} brokers; null for the JVM's default trust
 */
public record MqttSinkOptions(List<String> brokerUris, String clientIdPrefix, String username, String passwordEnv, int qos,
        Duration ackTimeout, MqttTlsOptions tls) implements Serializable {

    public MqttSinkOptions(List<String> brokerUris, String clientIdPrefix, String username, String passwordEnv, int qos,
            Duration ackTimeout) {
        this(brokerUris, clientIdPrefix, username, passwordEnv, qos, ackTimeout, null);
    }

    public MqttSinkOptions {
        if (brokerUris == null || brokerUris.isEmpty()) {
            throw new IllegalArgumentException("at least one broker URI is needed");
        }
        if (qos < 0 || qos > 1) {
            throw new IllegalArgumentException("qos must be 0 or 1");
        }
        brokerUris = List.copyOf(brokerUris);
    }
}
