package org.cems.connector.mqtt.sink;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.cems.connector.mqtt.MqttTlsOptions;

/**
 * Where the MQTT sink publishes and how, as {@link MqttSinkBuilder} checked it.
 *
 * @param brokerUris brokers, tried in order on (re)connect
 * @param clientIdPrefix the writer's client id is prefix-subtask
 * @param username null for none
 * @param passwordEnv the environment variable holding the password; null for none
 * @param qos 0 or 1; with 1 a checkpoint completes only after the broker acknowledged every message before it
 * @param ackTimeout how long a flush waits for the broker (and for a lost connection to come back) before it fails
 * @param tls for {@code ssl://} brokers; null for the JVM's default trust
 */
record MqttSinkOptions(
        List<String> brokerUris,
        String clientIdPrefix,
        String username,
        String passwordEnv,
        int qos,
        Duration ackTimeout,
        MqttTlsOptions tls)
        implements Serializable {

    MqttSinkOptions {
        brokerUris = List.copyOf(brokerUris);
    }
}
