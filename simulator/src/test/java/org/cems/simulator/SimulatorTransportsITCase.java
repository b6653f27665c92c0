package org.cems.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cems.core.reading.PayloadDecoder;
import org.cems.core.reading.Reading;
import org.cems.core.registry.Registry;
import org.cems.testkit.EmbeddedKafka;
import org.cems.testkit.MosquittoServer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Publishing against real brokers: the in-process Kafka and a Mosquitto child process. */
class SimulatorTransportsITCase {
    static final String START = "2026-11-26T10:15:00+08:00";
    static final int POINTS = 12;

    static EmbeddedKafka kafka;
    static MosquittoServer mosquitto;
    static Registry registry;
    static PayloadDecoder decoder;

    @BeforeAll
    static void startBrokers() {
        kafka = EmbeddedKafka.start();
        mosquitto = MosquittoServer.start();
        registry = RegistryFileTest.demoRegistry();
        decoder = new PayloadDecoder(PlantModelTest.SHANGHAI, 1 << 20);
    }

    @AfterAll
    static void stopBrokers() {
        if (mosquitto != null) {
            mosquitto.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void kafkaGetsEveryReadingKeyedByMnAsTheModelComputesIt() {
        String topic = "readings-kafka";
        Simulator simulator = runToEnd(
                "--kafka",
                kafka.bootstrapServers(),
                "--kafka-topic",
                topic,
                "--count",
                "3",
                "--speed",
                "max",
                "--start",
                START,
                "--seed",
                "5");

        List<ConsumerRecord<String, String>> records = kafka.readAll(topic);
        assertThat(records).hasSize(3 * POINTS);
        PlantModel expected = new PlantModel(registry, 5);
        long first = Instant.parse("2026-11-26T02:15:00Z").toEpochMilli();
        for (ConsumerRecord<String, String> record : records) {
            Reading reading = decodeOne(record.value());
            assertThat(record.key()).isEqualTo(reading.mn);
            assertThat((reading.timeMillis - first) % 10_000).isZero();
            assertThat(reading).isEqualTo(expected.point(reading.mn).readingAt(reading.timeMillis));
        }
        assertThat(simulator.stats())
                .extracting(SimulatorStats::readingsSent, SimulatorStats::payloadsSent, SimulatorStats::errors)
                .containsExactly(36L, 36L, 0L);
    }

    @Test
    void backfillPacksSeveralReadingsPerPayloadThenGoesLive() {
        String topic = "readings-backfill";
        // 10 minutes at 10 s = 60 backfill readings per point in 2 payloads, then 10 live ones
        Simulator simulator = runToEnd(
                "--kafka",
                kafka.bootstrapServers(),
                "--kafka-topic",
                topic,
                "--backfill",
                "10m",
                "--count",
                "70",
                "--speed",
                "max",
                "--start",
                START);

        List<ConsumerRecord<String, String>> records = kafka.readAll(topic);
        assertThat(records).hasSize(12 * POINTS);
        Map<String, List<Long>> timesByMn = new ConcurrentHashMap<>();
        records.forEach(r -> decoder.decode(r.value().getBytes(StandardCharsets.UTF_8))
                .readings()
                .forEach(reading -> timesByMn
                        .computeIfAbsent(reading.mn, k -> new ArrayList<>())
                        .add(reading.timeMillis)));
        long liveStart = Instant.parse("2026-11-26T02:15:00Z").toEpochMilli();
        assertThat(timesByMn).hasSize(POINTS).allSatisfy((mn, times) -> {
            assertThat(times).hasSize(70).isSorted().doesNotHaveDuplicates();
            assertThat(times.get(0)).isEqualTo(liveStart - 600_000);
            assertThat(times.get(69)).isEqualTo(liveStart + 9 * 10_000);
        });
        assertThat(simulator.stats().readingsSent()).isEqualTo(70L * POINTS);
        assertThat(simulator.stats().payloadsSent()).isEqualTo(12L * POINTS);
    }

    @Test
    void mqttGetsEveryPayloadOnTheTopicOfItsMn() throws Exception {
        try (Subscriber subscriber = new Subscriber("cems/+/up")) {
            Simulator simulator = runToEnd(
                    "--mqtt", mosquitto.uri(), "--format", "hj212", "--count", "3", "--speed", "max", "--start", START);

            assertThat(subscriber.awaitCount(3 * POINTS)).hasSize(3 * POINTS).allSatisfy(message -> {
                String mn = message.topic().split("/")[1];
                assertThat(message.payload()).startsWith("##").contains(";MN=" + mn + ";", ";CN=2011;", ";ST=31;");
            });
            assertThat(simulator.stats().errors()).isZero();
        }
    }

    @Test
    void splitSendsHalfThePointsOverEachAndMixedBothFormats() throws Exception {
        String topic = "readings-split";
        try (Subscriber subscriber = new Subscriber("split/+/up")) {
            runToEnd(
                    "--mqtt",
                    mosquitto.uri(),
                    "--mqtt-topic",
                    "split/{mn}/up",
                    "--kafka",
                    kafka.bootstrapServers(),
                    "--kafka-topic",
                    topic,
                    "--split",
                    "--format",
                    "mixed",
                    "--count",
                    "2",
                    "--speed",
                    "max",
                    "--start",
                    START);

            List<String> overMqtt =
                    subscriber.awaitCount(POINTS).stream().map(Message::payload).toList();
            List<String> overKafka =
                    kafka.readAll(topic).stream().map(ConsumerRecord::value).toList();
            assertThat(overMqtt).hasSize(POINTS);
            assertThat(overKafka).hasSize(POINTS);
            assertThat(overMqtt).anyMatch(p -> p.startsWith("{")).anyMatch(p -> p.startsWith("##"));
            assertThat(overKafka).anyMatch(p -> p.startsWith("{")).anyMatch(p -> p.startsWith("##"));
        }
    }

    @Test
    void liveReadingsArePacedBySpeedAndStopAtTheDuration() {
        String topic = "readings-paced";
        long startNanos = System.nanoTime();
        // speed 10: a 10 s interval takes 1 s of wall time, so a 2.5 s run sends ticks at 0, 1 and 2 s
        Simulator simulator = runToEnd(
                "--kafka", kafka.bootstrapServers(), "--kafka-topic", topic, "--speed", "10", "--duration", "2s");
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);

        assertThat(tookMillis).isBetween(1_900L, 6_000L);
        assertThat(simulator.stats().readingsSent()).isBetween(2L * POINTS, 3L * POINTS);
    }

    @Test
    void startRunsInTheBackgroundUntilStopped() throws Exception {
        SimulatorOptions options = SimulatorOptions.parse(new String[] {
            "--kafka",
            kafka.bootstrapServers(),
            "--kafka-topic",
            "readings-bg",
            "--speed",
            "100",
            "--registry",
            RegistryFileTest.DEMO_REGISTRY.toString()
        });
        try (Simulator simulator = new Simulator(options)) {
            simulator.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (simulator.stats().readingsSent() < 3 * POINTS && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            simulator.stop();
            long afterStop = simulator.stats().readingsSent();
            Thread.sleep(300);

            assertThat(afterStop).isGreaterThanOrEqualTo(3 * POINTS);
            assertThat(simulator.stats().readingsSent()).isEqualTo(afterStop);
        }
    }

    private static Simulator runToEnd(String... args) {
        SimulatorOptions options = SimulatorOptions.parse(args);
        try (Simulator simulator = new Simulator(options, registry)) {
            simulator.run();
            return simulator;
        }
    }

    private static Reading decodeOne(String payload) {
        List<Reading> readings =
                decoder.decode(payload.getBytes(StandardCharsets.UTF_8)).readings();
        assertThat(readings).hasSize(1);
        return readings.get(0);
    }

    record Message(String topic, String payload) {}

    /** An MQTT v5 client that collects what arrives on a topic filter. */
    private static final class Subscriber implements AutoCloseable {
        private final MqttClient client;
        private final List<Message> received = Collections.synchronizedList(new ArrayList<>());

        Subscriber(String filter) throws MqttException {
            client = new MqttClient(mosquitto.uri(), "test-subscriber-" + System.nanoTime(), new MemoryPersistence());
            client.setCallback(new MqttCallback() {
                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    received.add(new Message(topic, new String(message.getPayload(), StandardCharsets.UTF_8)));
                }

                @Override
                public void disconnected(MqttDisconnectResponse response) {}

                @Override
                public void mqttErrorOccurred(MqttException exception) {}

                @Override
                public void deliveryComplete(IMqttToken token) {}

                @Override
                public void connectComplete(boolean reconnect, String serverURI) {}

                @Override
                public void authPacketArrived(int reasonCode, MqttProperties properties) {}
            });
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            client.connect(options);
            client.subscribe(filter, 1);
        }

        /** What has arrived once {@code count} messages have (or after 20 s), plus a moment for any extra. */
        List<Message> awaitCount(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (received.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(200);
            synchronized (received) {
                return List.copyOf(received);
            }
        }

        @Override
        public void close() throws MqttException {
            client.disconnect();
            client.close();
        }
    }
}
