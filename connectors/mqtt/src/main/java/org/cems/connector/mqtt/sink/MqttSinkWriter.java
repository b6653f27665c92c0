package org.cems.connector.mqtt.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.cems.connector.mqtt.client.BrokerConnections;
import org.cems.connector.mqtt.client.SourceConfigurationException;
import org.cems.connector.mqtt.client.TlsSocketFactories;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subtask's publisher. Publishes asynchronously and keeps the tokens of unacknowledged
 * messages; {@link #flush} waits for them. Paho reconnects by itself; while it is away, or while
 * the broker's receive maximum is reached, a publish waits (up to the ack timeout) instead of
 * failing the job at once.
 */
class MqttSinkWriter<T> implements SinkWriter<T> {
    private static final Logger LOG = LoggerFactory.getLogger(MqttSinkWriter.class);
    private static final long RETRY_PAUSE_MS = 20;
    private static final int BAD_USER_NAME_OR_PASSWORD = 0x86;
    private static final int NOT_AUTHORIZED = 0x87;

    private final MqttSinkOptions options;
    private final MqttMessageBuilder<T> messages;
    private final MqttAsyncClient client;
    private final Deque<IMqttToken> pending = new ArrayDeque<>();

    MqttSinkWriter(MqttSinkOptions options, MqttMessageBuilder<T> messages, String clientId) throws IOException {
        this.options = options;
        this.messages = messages;
        try {
            client = new MqttAsyncClient(options.brokerUris().get(0), clientId, new MemoryPersistence());
            MqttConnectionOptions connect = new MqttConnectionOptions();
            connect.setServerURIs(options.brokerUris().toArray(new String[0]));
            connect.setAutomaticReconnect(true);
            connect.setCleanStart(true);
            connect.setAutomaticReconnectDelay(1, 10);
            if (options.username() != null) {
                connect.setUserName(options.username());
            }
            if (options.passwordEnv() != null) {
                String password = System.getenv(options.passwordEnv());
                if (password == null) {
                    String problem = "environment variable " + options.passwordEnv()
                            + " (MQTT password) is not set on this task manager";
                    throw new IOException(problem, new SourceConfigurationException(problem));
                }
                connect.setPassword(password.getBytes(StandardCharsets.UTF_8));
            }
            if (options.tls() != null) {
                connect.setSocketFactory(TlsSocketFactories.create(options.tls()));
            }
            client.connect(connect).waitForCompletion(options.ackTimeout().toMillis());
        } catch (MqttException e) {
            int code = e.getReasonCode();
            if (SourceConfigurationException.refusesSettings(code)) {
                // a restart would be refused the same way: fail the job once, with what to fix
                String problem = code == BAD_USER_NAME_OR_PASSWORD || code == NOT_AUTHORIZED
                        ? BrokerConnections.refusedCredentials(
                                options.brokerUris(), options.username(), options.passwordEnv(), code)
                        : "MQTT " + options.brokerUris() + " refused the connection (reason code 0x"
                                + Integer.toHexString(code) + "): " + e.getMessage();
                throw new IOException(problem, new SourceConfigurationException(problem, e));
            }
            // an unreachable broker is retried by the restart strategy
            throw new IOException("cannot connect to MQTT " + options.brokerUris() + ": " + e.getMessage(), e);
        } catch (SourceConfigurationException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void write(T element, Context context) throws IOException, InterruptedException {
        MqttMessage message = new MqttMessage(messages.payload(element));
        message.setQos(options.qos());
        String topic = messages.topic(element);
        long deadline = System.nanoTime() + options.ackTimeout().toNanos();
        while (true) {
            try {
                pending.add(client.publish(topic, message));
                dropCompleted();
                return;
            } catch (MqttException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException(
                            "MQTT publish to " + topic + " failed for " + options.ackTimeout() + ": " + e.getMessage(),
                            e);
                }
                // not connected (Paho is reconnecting) or too many in flight: let acks come in, then retry
                waitForOldest();
                Thread.sleep(RETRY_PAUSE_MS);
            }
        }
    }

    /** Waits until the broker acknowledged everything published so far; called at checkpoints and at the end. */
    @Override
    public void flush(boolean endOfInput) throws IOException {
        while (!pending.isEmpty()) {
            IMqttToken token = pending.peek();
            try {
                token.waitForCompletion(options.ackTimeout().toMillis());
            } catch (MqttException e) {
                throw new IOException(
                        "MQTT broker did not acknowledge a message within " + options.ackTimeout() + ": "
                                + e.getMessage(),
                        e);
            }
            pending.poll();
        }
    }

    private void waitForOldest() {
        IMqttToken oldest = pending.peek();
        if (oldest != null) {
            try {
                oldest.waitForCompletion(RETRY_PAUSE_MS * 5);
            } catch (MqttException e) {
                LOG.debug("waiting for an MQTT ack: {}", e.getMessage());
            }
        }
        dropCompleted();
    }

    private void dropCompleted() {
        while (!pending.isEmpty()
                && pending.peek().isComplete()
                && pending.peek().getException() == null) {
            pending.poll();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(options.ackTimeout().toMillis());
            }
        } finally {
            client.close(true);
        }
    }
}
