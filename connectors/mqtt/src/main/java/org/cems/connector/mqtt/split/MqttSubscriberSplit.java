package org.cems.connector.mqtt.split;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One MQTT subscriber: a client id ({@code prefix-index}) and its persistent session on the
 * broker. Split i normally lives on reader i; it is kept in checkpoints so that after scaling
 * down, some reader still connects as every client id and drains that session.
 */
@Internal
public final class MqttSubscriberSplit implements SourceSplit {
    private final int index;

    public MqttSubscriberSplit(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("subscriber index must be >= 0, got " + index);
        }
        this.index = index;
    }

    public int index() {
        return index;
    }

    @Override
    public String splitId() {
        return "subscriber-" + index;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MqttSubscriberSplit && ((MqttSubscriberSplit) o).index == index;
    }

    @Override
    public int hashCode() {
        return index;
    }

    @Override
    public String toString() {
        return splitId();
    }
}
