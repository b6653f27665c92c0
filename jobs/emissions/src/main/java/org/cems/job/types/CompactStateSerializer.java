package org.cems.job.types;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A hand-written serializer of a small mutable state value that Flink's POJO serializer wrote
 * before (a flag and four or eight bytes a field): bit flags for nulls and booleans, var-ints for
 * counts and times. Its snapshot is a {@link CompactStateSnapshot}, which restores that POJO state.
 */
public abstract class CompactStateSerializer<T> extends TypeSerializerSingleton<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public final boolean isImmutableType() {
        return false;
    }

    @Override
    public final T copy(T from) {
        try {
            DataOutputSerializer out = new DataOutputSerializer(64);
            serialize(from, out);
            return deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot copy " + from.getClass().getSimpleName() + " state", e);
        }
    }

    @Override
    public final T copy(T from, T reuse) {
        return copy(from);
    }

    @Override
    public final T deserialize(T reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public final void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    @Override
    public final int getLength() {
        return -1;
    }

    /**
     * Zig-zag (so that a negative value is as short as its magnitude), then seven bits a byte, low
     * first: a time in millis of these decades takes six bytes, a count below 64 one.
     */
    protected static void writeVarLong(long value, DataOutputView out) throws IOException {
        long v = (value << 1) ^ (value >> 63);
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    /** {@link #writeVarLong} when {@code flag} is set in {@code flags}: a value that is often unset costs nothing then. */
    protected static void writeVarLongIf(int flags, int flag, long value, DataOutputView out) throws IOException {
        if ((flags & flag) != 0) {
            writeVarLong(value, out);
        }
    }

    /** What {@link #writeVarLongIf} wrote: the value, or {@code unset} when {@code flag} is not in {@code flags}. */
    protected static long readVarLongIf(int flags, int flag, long unset, DataInputView in) throws IOException {
        return (flags & flag) != 0 ? readVarLong(in) : unset;
    }

    protected static long readVarLong(DataInputView in) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (v >>> 1) ^ -(v & 1);
            }
        }
        throw new IOException("var-long longer than 64 bits");
    }
}
