package org.cems.job.notify;

import java.time.Instant;
import java.util.Properties;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.cems.connector.notify.DeliveryFailureHandler;
import org.cems.connector.notify.Notification;
import org.cems.core.deadletter.DeadLetterMessage;
import org.cems.core.deadletter.DeadLetterReason;

/**
 * Notifications a target did not take within the retry budget go to the dead-letter topic, reason
 * {@code notify_failed}, the target and why in {@code detail}, the notification's JSON as payload;
 * flushed at every checkpoint.
 */
public class KafkaNotifyFailures implements DeliveryFailureHandler.Factory {
    private static final long serialVersionUID = 1L;

    private final String bootstrapServers;
    private final String topic;

    public KafkaNotifyFailures(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    @Override
    public DeliveryFailureHandler create(WriterInitContext context) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p);
        return new DeliveryFailureHandler() {
            @Override
            public void onFailed(Notification n, String target, String reason, int attempts) {
                String detail = "target " + target + ", " + attempts + " attempt(s): " + reason;
                DeadLetterMessage m = DeadLetterMessage.whole(
                        DeadLetterReason.NOTIFY_FAILED, detail, "notify:" + target, Instant.now(), n.json());
                producer.send(new ProducerRecord<>(topic, m.key(), m.json()));
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
