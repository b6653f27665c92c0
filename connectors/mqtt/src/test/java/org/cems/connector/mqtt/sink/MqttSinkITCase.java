package org.cems.connector.mqtt.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cems.testkit.MosquittoServer;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The MQTT sink against a real Mosquitto: every element arrives on its topic, also across a broker restart. */
class MqttSinkITCase {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    /** Topic alerts/{first letter}, payload the element. */
    static final class ByFirstLetter implements MqttMessageBuilder<String> {
        @Override
        public String topic(String element) {
            return "alerts/" + element.charAt(0);
        }

        @Override
        public byte[] payload(String element) {
            return element.getBytes(StandardCharsets.UTF_8);
        }
    }

    static MqttSink<String> sink(MosquittoServer broker) {
        return MqttSink.<String>builder()
                .setBrokerUris(broker.uri())
                .setClientIdPrefix("sink-test")
                .setMessageBuilder(new ByFirstLetter())
                .build();
    }

    /** A subscriber with a session that outlives disconnects, so QoS 1 messages wait for it. */
    static MqttClient subscriber(MosquittoServer broker, Set<String> received) throws MqttException {
        MqttClient client = new MqttClient(broker.uri(), "sink-test-subscriber", new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(false);
        o.setSessionExpiryInterval(3600L);
        o.setAutomaticReconnect(true);
        client.connect(o);
        client.subscribe(new MqttSubscription[] {new MqttSubscription("alerts/#", 1)}, new IMqttMessageListener[] {
            (topic, m) -> received.add(topic + " " + new String(m.getPayload(), StandardCharsets.UTF_8))
        });
        return client;
    }

    @Test
    void aJobPublishesEveryElementToItsTopic() throws Exception {
        try (MosquittoServer broker = MosquittoServer.start()) {
            Set<String> received = ConcurrentHashMap.newKeySet();
            MqttClient sub = subscriber(broker, received);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(2);
            List<String> elements = IntStream.range(0, 500)
                    .mapToObj(i -> (i % 2 == 0 ? "a" : "b") + i)
                    .toList();
            env.fromData(elements).sinkTo(sink(broker));
            env.execute("mqtt-sink"); // ends with flush(true): every message acknowledged
            awaitSize(received, 500);
            assertThat(received).contains("alerts/a a0", "alerts/b b499");
            sub.disconnect();
            sub.close();
        }
    }

    @Test
    void publishesWaitForTheBrokerToComeBack() throws Exception {
        try (MosquittoServer broker =
                MosquittoServer.builder().persistence(true).build()) {
            Set<String> received = ConcurrentHashMap.newKeySet();
            MqttClient sub = subscriber(broker, received);
            MqttSinkWriter<String> writer = sink(broker).writer("sink-test-writer");
            for (int i = 0; i < 10; i++) {
                writer.write("a" + i, null);
            }
            writer.flush(false);
            broker.restart();
            for (int i = 10; i < 20; i++) {
                writer.write("a" + i, null); // waits for Paho's reconnect
            }
            writer.flush(false);
            awaitSize(received, 20);
            writer.close();
            sub.disconnect();
            sub.close();
        }
    }

    static void awaitSize(Set<String> received, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (received.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(received).hasSize(n);
    }
}
