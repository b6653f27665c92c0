package org.cems.faults;

import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/** Plant gateways as the suite plays them: a Kafka producer (acks=all) and an MQTT client (QoS 1). */
final class Gateways implements AutoCloseable {
    /** Room for the multi-megabyte hostile payloads (the readings topic is created to match). */
    static final int MAX_KAFKA_BYTES = 8 << 20;

    private final KafkaProducer<String, byte[]> producer;
    private final String kafkaTopic;
    private final String mqttUri;
    private MqttClient mqtt;

    Gateways(String bootstrapServers, String kafkaTopic, String mqttUri) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_KAFKA_BYTES);
        // a broker restart must delay sends, never fail them
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
        this.producer = new KafkaProducer<>(p);
        this.kafkaTopic = kafkaTopic;
        this.mqttUri = mqttUri;
    }

    /** Sends one record keyed by MN; the future tells its partition and offset once the broker has it. */
    Future<RecordMetadata> toKafka(String mn, byte[] payload) {
        return producer.send(new ProducerRecord<>(kafkaTopic, mn, payload));
    }

    void flushKafka() {
        producer.flush();
    }

    /** Publishes at QoS 1 and returns once the broker has acknowledged it (PUBACK). */
    synchronized void toMqtt(String topic, byte[] payload) throws MqttException, InterruptedException {
        if (mqtt == null || !mqtt.isConnected()) {
            closeMqtt();
            mqtt = new MqttClient(mqttUri, "fault-suite-gateway-" + System.nanoTime(), new MemoryPersistence());
            mqtt.connect();
        }
        while (true) {
            try {
                mqtt.publish(topic, payload, 1, false);
                return;
            } catch (MqttException e) {
                // the broker's receive maximum is full: wait for acks and go on
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    throw e;
                }
                Thread.sleep(5);
            }
        }
    }

    /** Drops the MQTT connection (before the broker goes away), so the next publish reconnects. */
    synchronized void closeMqtt() {
        if (mqtt == null) {
            return;
        }
        try {
            if (mqtt.isConnected()) {
                mqtt.disconnect();
            }
            mqtt.close(true);
        } catch (MqttException e) {
            // the connection is going away either way
        }
        mqtt = null;
    }

    @Override
    public void close() {
        closeMqtt();
        producer.close();
    }
}
