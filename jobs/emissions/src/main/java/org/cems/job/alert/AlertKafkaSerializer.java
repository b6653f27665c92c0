package org.cems.job.alert;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Alerts on {@code cems.alerts}, keyed by alert id so both events of an incident share a partition and stay in order. */
public class AlertKafkaSerializer implements KafkaRecordSerializationSchema<AlertEvent> {
    private final String topic;

    public AlertKafkaSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(AlertEvent a, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(topic, a.id.getBytes(StandardCharsets.UTF_8), AlertJson.bytes(a));
    }
}
