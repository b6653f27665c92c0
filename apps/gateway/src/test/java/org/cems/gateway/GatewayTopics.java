package org.cems.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cems.testkit.EmbeddedKafka;

/** A gateway on loopback with its own fresh readings and dead-letter topics, and reads of both. */
final class GatewayTopics implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final EmbeddedKafka kafka = SharedKafka.get();
    final String readings;
    final String deadLetters;
    final Hj212Gateway gateway;

    GatewayTopics(UnaryOperator<Hj212Gateway.Builder> settings) throws Exception {
        readings = SharedKafka.newTopic("readings", 2);
        deadLetters = SharedKafka.newTopic("deadletter", 1);
        gateway = settings.apply(Hj212Gateway.builder()
                        .listen("127.0.0.1", 0)
                        .kafkaBootstrap(kafka.bootstrapServers())
                        .readingsTopic(readings)
                        .deadLetterTopic(deadLetters))
                .start();
    }

    TestLogger connect() throws Exception {
        return new TestLogger(gateway.localAddress());
    }

    /** A logger that decrypts what the gateway sends with {@code key} (a host CN 1014). */
    TestLogger connect(String mn, byte[] key) throws Exception {
        return new TestLogger(
                gateway.localAddress(),
                org.cems.hj212.Hj212Decoder.builder()
                        .sm4Keys(m -> mn.equals(m) ? java.util.Optional.of(key) : java.util.Optional.empty())
                        .build());
    }

    /** The records of the readings topic once it holds at least {@code count}. */
    List<ConsumerRecord<String, String>> readings(int count) throws InterruptedException {
        return await(readings, count);
    }

    /** The dead letters as JSON once there are at least {@code count}. */
    List<JsonNode> deadLetters(int count) throws InterruptedException {
        return await(deadLetters, count).stream().map(r -> json(r.value())).toList();
    }

    private List<ConsumerRecord<String, String>> await(String topic, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (kafka.endOffset(topic) < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return kafka.readAll(topic);
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("dead letter is not JSON: " + text, e);
        }
    }

    @Override
    public void close() {
        gateway.close();
    }
}
