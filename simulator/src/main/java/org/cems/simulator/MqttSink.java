package org.cems.simulator;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.cems.core.security.SecurityConfig;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Publishes to an MQTT broker (v5) on {@code cems/{mn}/up} or another topic template. One client
 * for all points; publishing is asynchronous, limited to the broker's receive maximum of
 * unacknowledged messages (Paho refuses a publish beyond it instead of waiting).
 */
final class MqttSink implements PayloadSink {
    private static final long CONNECT_TIMEOUT_MILLIS = 15_000;
    private static final long ACK_TIMEOUT_SECONDS = 30;
    /** Cap on messages in flight when the broker announces no receive maximum (MQTT default 65535). */
    private static final int MAX_IN_FLIGHT = 1000;
    /** MQTT 5 CONNACK reasons (Mosquitto answers a wrong password with 0x87). */
    private static final int BAD_USER_NAME_OR_PASSWORD = 0x86;

    private static final int NOT_AUTHORIZED = 0x87;

    private final MqttAsyncClient client;
    private final String topicTemplate;
    private final int qos;
    private final Semaphore inFlight;
    private final int inFlightLimit;

    MqttSink(String serverUri, String topicTemplate, int qos, SecurityConfig security) {
        this.topicTemplate = topicTemplate;
        this.qos = qos;
        try {
            client = new MqttAsyncClient(
                    serverUri,
                    "cems-simulator-" + ProcessHandle.current().pid() + "-" + System.nanoTime(),
                    new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            options.setAutomaticReconnect(true);
            options.setConnectionTimeout((int) (CONNECT_TIMEOUT_MILLIS / 1000));
            if (security.mqttUsername() != null) {
                options.setUserName(security.mqttUsername());
            }
            if (security.mqttPassword() != null) {
                options.setPassword(new String(security.mqttPassword()).getBytes(StandardCharsets.UTF_8));
            }
            if (security.mqttTls().isSet()) {
                options.setSocketFactory(security.mqttTls().socketFactory("mqtt.tls"));
            }
            IMqttToken connected = client.connect(options);
            connected.waitForCompletion(CONNECT_TIMEOUT_MILLIS);
            Integer receiveMaximum = connected.getResponseProperties() == null
                    ? null
                    : connected.getResponseProperties().getReceiveMaximum();
            inFlightLimit = receiveMaximum == null ? MAX_IN_FLIGHT : Math.min(receiveMaximum, MAX_IN_FLIGHT);
        } catch (MqttException e) {
            if (e.getReasonCode() == BAD_USER_NAME_OR_PASSWORD || e.getReasonCode() == NOT_AUTHORIZED) {
                throw new IllegalStateException(
                        "MQTT broker " + serverUri + " refused the login of user " + security.mqttUsername()
                                + " (reason code 0x" + Integer.toHexString(e.getReasonCode())
                                + "); check mqtt.username and the password in "
                                + (security.mqttPasswordEnv() == null
                                        ? "mqtt.password_env (not set)"
                                        : "environment variable " + security.mqttPasswordEnv()),
                        e);
            }
            throw new IllegalStateException("cannot connect to MQTT broker " + serverUri + ": " + e.getMessage(), e);
        }
        inFlight = new Semaphore(inFlightLimit);
    }

    @Override
    public void send(String mn, byte[] payload, Delivery delivery) {
        try {
            if (!inFlight.tryAcquire(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                delivery.failed(new IllegalStateException(
                        "no acknowledgement from the MQTT broker for " + ACK_TIMEOUT_SECONDS + " s"));
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delivery.failed(e);
            return;
        }
        try {
            client.publish(topicTemplate.replace("{mn}", mn), payload, qos, false, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    inFlight.release();
                    delivery.delivered();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    inFlight.release();
                    delivery.failed(error);
                }
            });
        } catch (MqttException e) {
            inFlight.release();
            delivery.failed(e);
        }
    }

    @Override
    public void flush() {
        try {
            if (inFlight.tryAcquire(inFlightLimit, ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                inFlight.release(inFlightLimit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        flush();
        try {
            client.disconnect().waitForCompletion(5_000);
        } catch (MqttException e) {
            // the broker may already be gone; closing the client below is all that is left to do
        }
        try {
            client.close();
        } catch (MqttException e) {
            // nothing more can be released
        }
    }
}
