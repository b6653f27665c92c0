package org.cems.job.decode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Dead letters as JSON on {@code cems.deadletter} (contract section 2), keyed by reason. */
public class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String topic;

    public DeadLetterSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(DeadLetter d, KafkaSinkContext context, Long timestamp) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("reason", d.reason);
        o.put("detail", d.detail);
        o.put("origin", d.origin);
        o.put("received_time", Instant.ofEpochMilli(d.receivedMillis).toString());
        if (d.mn != null) {
            o.put("mn", d.mn);
        }
        o.put("payload", d.payload);
        o.put("payload_bytes", d.payloadBytes);
        if (d.payloadTruncated) {
            o.put("payload_truncated", true);
        }
        return new ProducerRecord<>(topic, d.reason.getBytes(StandardCharsets.UTF_8), o.toString().getBytes(StandardCharsets.UTF_8));
    }
}
