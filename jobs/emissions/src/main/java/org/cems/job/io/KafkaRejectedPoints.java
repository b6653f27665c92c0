package org.cems.job.io;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.cems.connector.influxdb.RejectedPointHandler;

/**
 * Points InfluxDB refused for good (e.g. a field type conflict) go to the dead-letter topic with
 * the server's message, reason {@code influxdb_rejected}; flushed at every checkpoint.
 */
public class KafkaRejectedPoints implements RejectedPointHandler.Factory {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String bootstrapServers;
    private final String topic;

    public KafkaRejectedPoints(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    @Override
    public RejectedPointHandler create(WriterInitContext context) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p);
        return new RejectedPointHandler() {
            @Override
            public void onRejected(String line, String serverMessage) {
                ObjectNode o = MAPPER.createObjectNode();
                o.put("reason", "influxdb_rejected");
                o.put("detail", serverMessage);
                o.put("origin", "influxdb");
                o.put("received_time", Instant.now().toString());
                o.put("payload", line);
                producer.send(new ProducerRecord<>(topic, "influxdb_rejected".getBytes(StandardCharsets.UTF_8),
                        o.toString().getBytes(StandardCharsets.UTF_8)));
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
