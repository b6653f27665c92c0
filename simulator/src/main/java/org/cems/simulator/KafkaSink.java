package org.cems.simulator;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cems.core.security.KafkaLogin;
import org.cems.core.security.KafkaSecurity;

/** Publishes to a Kafka topic keyed by MN (so one point's readings stay in order), acks=all. */
final class KafkaSink implements PayloadSink {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    KafkaSink(String bootstrapServers, String topic, KafkaSecurity security) {
        this.topic = topic;
        // a refused login would otherwise surface as a timeout on the first send
        KafkaLogin.require(bootstrapServers, security, CONNECT_TIMEOUT);
        Properties p = security.asProperties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "cems-simulator");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(CONNECT_TIMEOUT.toMillis()));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(p);
        try {
            // fails fast when the brokers cannot be reached, instead of on every send
            producer.partitionsFor(topic);
        } catch (KafkaException e) {
            producer.close(Duration.ZERO);
            throw new IllegalStateException(
                    "cannot reach Kafka at " + bootstrapServers + " (topic " + topic + "): " + e.getMessage(), e);
        }
    }

    @Override
    public void send(String mn, byte[] payload, Delivery delivery) {
        try {
            producer.send(new ProducerRecord<>(topic, mn, payload), (metadata, error) -> {
                if (error == null) {
                    delivery.delivered();
                } else {
                    delivery.failed(error);
                }
            });
        } catch (KafkaException e) {
            delivery.failed(e);
        }
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
