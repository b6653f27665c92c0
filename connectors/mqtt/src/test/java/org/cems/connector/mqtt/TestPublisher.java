package org.cems.connector.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Publishes QoS 1 messages whose payload is their id and remembers which ids the broker
 * acknowledged (PUBACK): those are the ones the broker accepted and must not lose. A publish
 * that fails (broker down) is retried after reconnecting, until a deadline.
 */
final class TestPublisher implements AutoCloseable {
    private final String uri;
    private final MqttConnectionOptions connectOptions;
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private MqttAsyncClient client;

    TestPublisher(String uri) {
        this(uri, new MqttConnectionOptions());
    }

    TestPublisher(String uri, MqttConnectionOptions connectOptions) {
        this.uri = uri;
        this.connectOptions = connectOptions;
        connectOptions.setCleanStart(true);
        connectOptions.setConnectionTimeout(5);
    }

    /** Publishes and waits for the PUBACK, reconnecting on failure for up to 60 s. */
    void publish(String topic, String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            try {
                connectIfNeeded();
                client.publish(topic, message(id)).waitForCompletion(5_000);
                accepted.add(id);
                return;
            } catch (MqttException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("cannot publish " + id, e);
                }
                dropClient();
                Thread.sleep(100);
            }
        }
    }

    /** Publishes without waiting for the PUBACK; for the benchmark's message flood. */
    void publishAsync(String topic, String id) throws MqttException {
        connectIfNeeded();
        client.publish(topic, message(id));
    }

    Set<String> accepted() {
        return accepted;
    }

    private static MqttMessage message(String id) {
        MqttMessage message = new MqttMessage(id.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        return message;
    }

    private void connectIfNeeded() throws MqttException {
        if (client != null && client.isConnected()) {
            return;
        }
        dropClient();
        client = new MqttAsyncClient(uri, "publisher-" + System.nanoTime(), new MemoryPersistence());
        client.connect(connectOptions).waitForCompletion(5_000);
    }

    private void dropClient() {
        if (client == null) {
            return;
        }
        try {
            client.disconnectForcibly(100, 100, false);
        } catch (MqttException ignored) {
            // already gone
        }
        try {
            client.close(true);
        } catch (MqttException ignored) {
            // already closed
        }
        client = null;
    }

    @Override
    public void close() {
        dropClient();
    }
}
