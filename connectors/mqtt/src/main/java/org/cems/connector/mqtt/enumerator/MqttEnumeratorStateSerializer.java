package org.cems.connector.mqtt.enumerator;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** Version 1: count + indexes of the assigned set, then count + indexes of the unassigned set. */
@Internal
public final class MqttEnumeratorStateSerializer implements SimpleVersionedSerializer<MqttEnumeratorState> {
    public static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(MqttEnumeratorState state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        writeSet(out, state.assigned());
        writeSet(out, state.unassigned());
        return out.getCopyOfBuffer();
    }

    @Override
    public MqttEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown MQTT enumerator state version " + version + ", expected " + VERSION);
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        Set<Integer> assigned = readSet(in);
        Set<Integer> unassigned = readSet(in);
        if (in.available() > 0) {
            throw new IOException(in.available() + " trailing bytes in MQTT enumerator state");
        }
        return new MqttEnumeratorState(assigned, unassigned);
    }

    private static void writeSet(DataOutputSerializer out, Set<Integer> indexes) throws IOException {
        out.writeInt(indexes.size());
        for (int index : indexes) {
            out.writeInt(index);
        }
    }

    private static Set<Integer> readSet(DataInputDeserializer in) throws IOException {
        int size = in.readInt();
        if (size < 0) {
            throw new IOException("negative set size " + size + " in MQTT enumerator state");
        }
        Set<Integer> indexes = new HashSet<>();
        for (int i = 0; i < size; i++) {
            indexes.add(in.readInt());
        }
        return indexes;
    }
}
