package org.cems.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends the {@link HostileMessages} half over Kafka, half over MQTT, while the replay runs, and
 * checks that each one is in the dead-letter topic with its reasons (found by its origin: Kafka
 * partition and offset, or its own MQTT topic) and counted in {@code quality}.
 */
final class HostileSender {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final CaseRun run;
    /** Origin as the job writes it → the reasons expected for it, sorted. */
    private final Map<String, List<String>> expected = new TreeMap<>();

    private final Map<String, Long> expectedByReason = new TreeMap<>();
    private long expectedTotal;

    HostileSender(CaseRun run) {
        this.run = run;
    }

    void sendAll() throws Exception {
        List<Future<RecordMetadata>> kafkaSends = new ArrayList<>();
        List<HostileMessages.Hostile> kafkaMessages = new ArrayList<>();
        for (HostileMessages.Hostile h : HostileMessages.all()) {
            if (h.overKafka()) {
                kafkaSends.add(run.gateways.toKafka(h.id(), h.payload()));
                kafkaMessages.add(h);
            } else {
                String topic = run.name + "/" + h.id() + "/up";
                run.gateways.toMqtt(topic, h.payload());
                expect("mqtt:" + topic, h.reasons());
            }
        }
        run.gateways.flushKafka();
        for (int i = 0; i < kafkaSends.size(); i++) {
            RecordMetadata m = kafkaSends.get(i).get(2, TimeUnit.MINUTES);
            expect(
                    "kafka:" + m.topic() + "/" + m.partition() + "@" + m.offset(),
                    kafkaMessages.get(i).reasons());
        }
    }

    private void expect(String origin, List<String> reasons) {
        expected.put(origin, reasons.stream().sorted().toList());
        reasons.forEach(r -> expectedByReason.merge(r, 1L, Long::sum));
        expectedTotal += reasons.size();
    }

    void awaitDeadLettersAndQuality() throws Exception {
        CaseRun.await(
                "all dead letters in " + run.deadletterTopic(),
                Duration.ofSeconds(120),
                () -> run.kafka.endOffset(run.deadletterTopic()) >= expectedTotal ? true : null);
        Map<String, List<String>> actual = new TreeMap<>();
        for (ConsumerRecord<String, String> r : run.kafka.readAll(run.deadletterTopic())) {
            JsonNode d = MAPPER.readTree(r.value());
            actual.computeIfAbsent(d.path("origin").asText(), o -> new ArrayList<>())
                    .add(d.path("reason").asText());
        }
        actual.replaceAll((origin, reasons) -> reasons.stream().sorted().toList());
        assertThat(actual).as("dead letters by origin").hasSameSizeAs(expected).isEqualTo(expected);
        CaseRun.awaitAsserted(Duration.ofSeconds(60), () -> {
            Map<String, Long> counted = new TreeMap<>();
            for (String reason : expectedByReason.keySet()) {
                List<JsonNode> sum =
                        run.column("SELECT sum(\"count\") FROM quality WHERE reason = '" + reason + "'", "sum");
                counted.put(reason, sum.isEmpty() ? 0L : sum.get(0).asLong());
            }
            assertThat(counted).as("quality counts by reason").isEqualTo(expectedByReason);
            List<JsonNode> total = run.column("SELECT sum(\"count\") FROM quality", "sum");
            assertThat(total).as("quality total").hasSize(1);
            assertThat(total.get(0).asLong()).as("quality total").isEqualTo(expectedTotal);
        });
    }
}
