package org.cems.connector.mqtt;

import java.io.IOException;
import java.io.Serializable;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.util.Collector;

/**
 * Turns one MQTT message into zero or more records.
 *
 * <p><b>Contract: never throw for a bad payload.</b> A message is acknowledged to the broker only
 * after the checkpoint that contains it completes. If this method throws, the job fails before
 * that, the broker redelivers the same message to the restarted job, and the job fails again: one
 * malformed message would stop the pipeline for good. Implementations should therefore wrap the
 * raw bytes in a record (and decode downstream, where bad input can go to a side output) or emit
 * an error record; an exception here is reserved for bugs, and is rethrown to fail the job.
 */
@PublicEvolving
public interface MqttRecordDeserializer<T> extends Serializable, ResultTypeQueryable<T> {

    /** Called once per reader before the first message, e.g. to register metrics. */
    default void open(DeserializationSchema.InitializationContext context) throws Exception {}

    /**
     * @param topic the topic the message was published to (not the subscription filter)
     * @param payload the message body, owned by the callee
     * @param qos the QoS the message was delivered with (0 or 1)
     * @param retained whether the broker delivered it as a retained message
     * @param receivedAtMillis wall-clock time the reader received it; also the record timestamp
     * @param out where to emit records
     */
    void deserialize(String topic, byte[] payload, int qos, boolean retained, long receivedAtMillis, Collector<T> out)
            throws IOException;
}
