package org.cems.connector.mqtt.sink;

import java.io.IOException;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Publishes elements to MQTT (v5, Paho) at least once: every writer publishes with its own
 * client, and a checkpoint (or the end of input) waits until the broker acknowledged every QoS 1
 * message sent before it. After a failure the job replays from the last checkpoint, so consumers
 * may see a message twice and should be idempotent (alert events carry a stable id).
 *
 * <pre>{@code
 * MqttSink<AlertEvent> sink = MqttSink.<AlertEvent>builder()
 *         .setBrokerUris("ssl://mqtt.example:8883")
 *         .setClientIdPrefix("cems-emissions-alerts")
 *         .setMessageBuilder(new AlertMqttMessages("cems/alerts"))
 *         .build();
 * }</pre>
 */
@PublicEvolving
public class MqttSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private final MqttSinkOptions options;
    private final MqttMessageBuilder<T> messages;

    MqttSink(MqttSinkOptions options, MqttMessageBuilder<T> messages) {
        this.options = options;
        this.messages = messages;
    }

    public static <T> MqttSinkBuilder<T> builder() {
        return new MqttSinkBuilder<>();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        return writer(options.clientIdPrefix() + "-" + context.getTaskInfo().getIndexOfThisSubtask());
    }

    MqttSinkWriter<T> writer(String clientId) throws IOException {
        return new MqttSinkWriter<>(options, messages, clientId);
    }

    MqttSinkOptions options() {
        return options;
    }
}
