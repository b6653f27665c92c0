package org.cems.connector.mqtt.split;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Version 1: the subscriber index as 4 bytes. */
@Internal
public final class MqttSubscriberSplitSerializer implements SimpleVersionedSerializer<MqttSubscriberSplit> {
    public static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(MqttSubscriberSplit split) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(split.index()).array();
    }

    @Override
    public MqttSubscriberSplit deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown MQTT split version " + version + ", expected " + VERSION);
        }
        if (serialized.length != Integer.BYTES) {
            throw new IOException("MQTT split of " + serialized.length + " bytes, expected " + Integer.BYTES);
        }
        return new MqttSubscriberSplit(ByteBuffer.wrap(serialized).getInt());
    }
}
