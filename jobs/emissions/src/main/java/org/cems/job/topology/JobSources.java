package org.cems.job.topology;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.cems.core.reading.RawMessage;
import org.cems.job.config.JobConfig;
import org.cems.job.io.KafkaClients;
import org.cems.job.io.KafkaRawMessages;
import org.cems.job.io.MqttRawMessages;

/** The job's inputs: raw payloads from Kafka, MQTT or both, as the config enables them. */
final class JobSources {
    private JobSources() {}

    static DataStream<RawMessage> rawMessages(StreamExecutionEnvironment env, JobConfig config) {
        DataStream<RawMessage> raw = null;
        if (config.kafka.enabled) {
            KafkaSource<RawMessage> kafka = KafkaSource.<RawMessage>builder()
                    .setProperties(KafkaClients.properties(config.kafka))
                    .setTopics(config.kafka.readingsTopic)
                    .setGroupId(config.kafka.groupId)
                    .setStartingOffsets(OffsetsInitializer.committedOffsets(
                            "latest".equals(config.kafka.startingOffsets)
                                    ? OffsetResetStrategy.LATEST
                                    : OffsetResetStrategy.EARLIEST))
                    .setDeserializer(new KafkaRawMessages())
                    .build();
            raw = env.fromSource(kafka, WatermarkStrategy.noWatermarks(), "kafka-readings")
                    .uid("kafka-readings");
        }
        if (config.mqtt.enabled) {
            DataStream<RawMessage> mqtt = env.fromSource(
                            MqttRawMessages.source(config.mqtt), WatermarkStrategy.noWatermarks(), "mqtt-readings")
                    .uid("mqtt-readings");
            raw = raw == null ? mqtt : raw.union(mqtt);
        }
        return raw;
    }
}
