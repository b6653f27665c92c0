package org.cems.job.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** A state value as its serializer writes it, and back: the serializer tests' one way to do both. */
public final class SerializedBytes {
    private SerializedBytes() {}

    public static <T> byte[] write(TypeSerializer<T> s, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        s.serialize(value, out);
        return out.getCopyOfBuffer();
    }

    /** Reads a value back and checks it took every byte. */
    public static <T> T read(TypeSerializer<T> s, byte[] bytes) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        T value = s.deserialize(in);
        assertThat(in.available()).isZero();
        return value;
    }
}
