package org.cems.connector.mqtt;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.UserCodeClassLoader;
import org.cems.connector.mqtt.enumerator.MqttEnumeratorState;
import org.cems.connector.mqtt.enumerator.MqttEnumeratorStateSerializer;
import org.cems.connector.mqtt.enumerator.MqttSubscriberEnumerator;
import org.cems.connector.mqtt.reader.MqttSourceReader;
import org.cems.connector.mqtt.split.MqttSubscriberSplit;
import org.cems.connector.mqtt.split.MqttSubscriberSplitSerializer;

/**
 * An unbounded MQTT source on the FLIP-27 API.
 *
 * <p>Reader i connects as {@code clientIdPrefix-i} with a persistent session (clean start off,
 * session expiry above zero) and, with a shared subscription group, subscribes to
 * {@code $share/{group}/{filter}} so the broker gives each message to one reader.
 *
 * <p>Guarantees: with QoS 1, at-least-once. A message is acknowledged (PUBACK) only after the
 * checkpoint that contains it completes; until then the broker keeps it in the session and
 * redelivers it after a job or connection failure. Duplicates happen after failures. With QoS 0,
 * at-most-once: the broker forgets a message once sent.
 *
 * <p>Throughput bound: the broker sends at most receive-maximum un-acked messages per reader, and
 * acks come once per checkpoint, so each reader takes at most about receiveMaximum messages per
 * checkpoint interval. Keep the receive maximum high (default 65535, the protocol maximum) and
 * the broker's own in-flight cap at least as high.
 */
@PublicEvolving
public final class MqttSource<T>
        implements Source<T, MqttSubscriberSplit, MqttEnumeratorState>, ResultTypeQueryable<T> {
    private static final long serialVersionUID = 1L;

    private final MqttSourceOptions options;
    private final MqttRecordDeserializer<T> deserializer;

    MqttSource(MqttSourceOptions options, MqttRecordDeserializer<T> deserializer) {
        this.options = options;
        this.deserializer = deserializer;
    }

    public static <T> MqttSourceBuilder<T> builder() {
        return new MqttSourceBuilder<>();
    }

    public MqttSourceOptions options() {
        return options;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<T, MqttSubscriberSplit> createReader(SourceReaderContext context) throws Exception {
        deserializer.open(new DeserializationSchema.InitializationContext() {
            @Override
            public MetricGroup getMetricGroup() {
                return context.metricGroup().addGroup("deserializer");
            }

            @Override
            public UserCodeClassLoader getUserCodeClassLoader() {
                return context.getUserCodeClassLoader();
            }
        });
        return new MqttSourceReader<>(options, deserializer, context);
    }

    @Override
    public SplitEnumerator<MqttSubscriberSplit, MqttEnumeratorState> createEnumerator(
            SplitEnumeratorContext<MqttSubscriberSplit> context) {
        return new MqttSubscriberEnumerator(context, MqttEnumeratorState.empty());
    }

    @Override
    public SplitEnumerator<MqttSubscriberSplit, MqttEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<MqttSubscriberSplit> context, MqttEnumeratorState checkpoint) {
        return new MqttSubscriberEnumerator(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<MqttSubscriberSplit> getSplitSerializer() {
        return new MqttSubscriberSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<MqttEnumeratorState> getEnumeratorCheckpointSerializer() {
        return new MqttEnumeratorStateSerializer();
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return deserializer.getProducedType();
    }
}
