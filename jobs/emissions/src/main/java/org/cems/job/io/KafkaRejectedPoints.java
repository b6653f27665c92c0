package org.cems.job.io;

import java.time.Instant;
import java.util.Properties;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.cems.connector.influxdb.RejectedPointHandler;
import org.cems.core.deadletter.DeadLetterMessage;
import org.cems.core.deadletter.DeadLetterReason;
import org.cems.job.config.JobConfig;

/**
 * Points InfluxDB refused for good (e.g. a field type conflict) go to the dead-letter topic with
 * the server's message, reason {@code influxdb_rejected}; flushed at every checkpoint.
 */
public class KafkaRejectedPoints implements RejectedPointHandler.Factory {
    private final JobConfig.Kafka kafka;

    public KafkaRejectedPoints(JobConfig.Kafka kafka) {
        this.kafka = kafka;
    }

    @Override
    public RejectedPointHandler create(WriterInitContext context) {
        Properties p = KafkaClients.properties(kafka);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p);
        return new RejectedPointHandler() {
            @Override
            public void onRejected(String line, String serverMessage) {
                DeadLetterMessage m = DeadLetterMessage.whole(
                        DeadLetterReason.INFLUXDB_REJECTED, serverMessage, "influxdb", Instant.now(), line);
                producer.send(new ProducerRecord<>(kafka.deadletterTopic, m.key(), m.json()));
            }

            @Override
            public void flush() {
                producer.flush();
            }

            @Override
            public void close() {
                producer.close();
            }
        };
    }
}
