package org.cems.job.decode;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.cems.core.deadletter.DeadLetterMessage;

/** Dead letters as JSON on {@code cems.deadletter} (docs/interface.md "Payloads in"), keyed by reason. */
public class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {
    private final String topic;

    public DeadLetterSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(DeadLetter d, KafkaSinkContext context, Long timestamp) {
        DeadLetterMessage m = d.message();
        return new ProducerRecord<>(topic, m.key(), m.json());
    }
}
