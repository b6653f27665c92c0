package org.cems.job.endpoints;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cems.connector.mqtt.MqttSourceOptions;
import org.cems.connector.mqtt.client.BrokerConnection;
import org.cems.connector.mqtt.client.BrokerConnections;
import org.cems.connector.mqtt.client.BrokerListener;
import org.cems.job.config.JobConfig;
import org.cems.job.io.MqttRawMessages;

/**
 * Each MQTT broker of the config: connects and subscribes as the job's readers do (same credentials
 * and TLS, from {@link MqttRawMessages}), under a client id of its own, without a shared group and
 * with a session that ends at once, so a check never takes messages from a running job.
 */
final class MqttEndpoint {
    private static final BrokerListener IGNORE = new BrokerListener() {
        @Override
        public void messageArrived(
                BrokerConnection connection, String topic, byte[] payload, int qos, boolean retained, int packetId) {
            // a check reads nothing: unacknowledged copies end with its session
        }

        @Override
        public void connectionLost(BrokerConnection connection, Throwable cause, boolean sessionTakenOver) {}
    };

    private final JobConfig.Mqtt config;
    private final Duration timeout;

    MqttEndpoint(JobConfig.Mqtt config, Duration timeout) {
        this.config = config;
        this.timeout = timeout;
    }

    List<Check> check() {
        List<Check> checks = new ArrayList<>();
        for (String uri : config.brokerUris) {
            checks.add(check(uri));
        }
        return checks;
    }

    private Check check(String uri) {
        String subject = "mqtt " + uri;
        MqttSourceOptions options = MqttRawMessages.builder(config)
                .setBrokerUris(uri)
                .setSharedSubscriptionGroup(null)
                .setClientIdPrefix(config.clientIdPrefix + "-check-"
                        + UUID.randomUUID().toString().substring(0, 8))
                .setSessionExpiry(Duration.ofSeconds(1))
                .setConnectTimeout(timeout)
                .build()
                .options();
        BrokerConnection connection = null;
        try {
            connection = BrokerConnections.create(options, options.clientId(0), IGNORE);
            connection.connect();
        } catch (Exception e) {
            close(connection);
            return Check.failed(
                    subject,
                    "cannot connect: " + message(e) + " (check mqtt.broker_uris, mqtt.username, mqtt.password_env)");
        }
        try {
            if (config.enabled) {
                connection.subscribe(options.subscriptionFilters(), options.qos());
            }
            return Check.ok(
                    subject,
                    "connected" + (config.username == null ? "" : " as " + config.username)
                            + (config.enabled
                                    ? ", may subscribe to " + String.join(", ", config.topicFilters)
                                    : " (alerts only)"));
        } catch (Exception e) {
            return Check.failed(
                    subject,
                    "connected, but subscribing failed: " + message(e)
                            + " (check mqtt.topic_filters and the broker's ACL)");
        } finally {
            close(connection);
        }
    }

    private static void close(BrokerConnection connection) {
        if (connection != null) {
            connection.close();
        }
    }

    private static String message(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        if (e.getCause() != null
                && e.getCause().getMessage() != null
                && !text.toString().contains(e.getCause().getMessage())) {
            text.append(": ").append(e.getCause().getMessage());
        }
        return text.toString();
    }
}
