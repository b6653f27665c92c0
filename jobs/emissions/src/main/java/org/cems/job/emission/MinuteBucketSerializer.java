package org.cems.job.emission;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Map;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * The window state that grows with sources and lateness, written compactly: counts as var-ints,
 * a sum only when it has terms, sample times as var-int steps from the first. About half the
 * bytes of Flink's POJO serializer, which writes every int in four bytes and a flag per object.
 *
 * <p>Format 2 (issue 14) adds each parameter's sum of all values and the logger's totals (Cou);
 * state written in format 1 is read and migrated (those sums are then unknown).
 */
public final class MinuteBucketSerializer extends TypeSerializerSingleton<MinuteBucket> {
    static final int FORMAT = 2;
    public static final MinuteBucketSerializer INSTANCE = new MinuteBucketSerializer(FORMAT);
    private static final long serialVersionUID = 2L;

    private final int format;

    private MinuteBucketSerializer(int format) {
        this.format = format;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinuteBucketSerializer other && other.format == format;
    }

    @Override
    public int hashCode() {
        return format;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public MinuteBucket createInstance() {
        return new MinuteBucket();
    }

    @Override
    public MinuteBucket copy(MinuteBucket from) {
        MinuteBucket to = new MinuteBucket();
        to.realtime = copy(from.realtime);
        to.logger = from.logger == null ? null : copy(from.logger);
        to.sampleTimes = new ArrayList<>(from.sampleTimes);
        return to;
    }

    @Override
    public MinuteBucket copy(MinuteBucket from, MinuteBucket reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(MinuteBucket b, DataOutputView out) throws IOException {
        writeStats(b.realtime, out, format);
        out.writeBoolean(b.logger != null);
        if (b.logger != null) {
            writeStats(b.logger, out, format);
        }
        writeVarInt(b.sampleTimes.size(), out);
        long previous = 0;
        for (long t : b.sampleTimes) {
            writeVarLong(t - previous, out);
            previous = t;
        }
    }

    @Override
    public MinuteBucket deserialize(DataInputView in) throws IOException {
        MinuteBucket b = new MinuteBucket();
        b.realtime = readStats(in, format);
        b.logger = in.readBoolean() ? readStats(in, format) : null;
        int n = readVarInt(in);
        long t = 0;
        for (int i = 0; i < n; i++) {
            t += readVarLong(in);
            b.sampleTimes.add(t);
        }
        return b;
    }

    @Override
    public MinuteBucket deserialize(MinuteBucket reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    @Override
    public TypeSerializerSnapshot<MinuteBucket> snapshotConfiguration() {
        return new Snapshot(format);
    }

    private static WindowStats copy(WindowStats from) {
        WindowStats to = new WindowStats();
        from.byCode.forEach((code, s) -> to.byCode.put(code, copy(s)));
        return to;
    }

    private static ParameterStats copy(ParameterStats s) {
        ParameterStats c = new ParameterStats();
        c.samples = s.samples;
        c.validCount = s.validCount;
        c.stoppedCount = s.stoppedCount;
        c.validSum = s.validSum;
        c.refCount = s.refCount;
        c.refSum = s.refSum;
        c.allSum = s.allSum;
        c.couCount = s.couCount;
        c.couSum = s.couSum;
        return c;
    }

    private static void writeStats(WindowStats stats, DataOutputView out, int format) throws IOException {
        writeVarInt(stats.byCode.size(), out);
        for (Map.Entry<String, ParameterStats> e : stats.byCode.entrySet()) {
            ParameterStats s = e.getValue();
            StringValue.writeString(e.getKey(), out);
            writeVarInt(s.samples, out);
            writeVarInt(s.validCount, out);
            writeVarInt(s.stoppedCount, out);
            writeVarInt(s.refCount, out);
            if (s.validCount > 0) {
                out.writeDouble(s.validSum);
            }
            if (s.refCount > 0) {
                out.writeDouble(s.refSum);
            }
            if (format >= 2) {
                if (s.samples > 0) {
                    out.writeDouble(s.allSum);
                }
                writeVarInt(s.couCount, out);
                if (s.couCount > 0) {
                    out.writeDouble(s.couSum);
                }
            }
        }
    }

    private static WindowStats readStats(DataInputView in, int format) throws IOException {
        WindowStats stats = new WindowStats();
        int n = readVarInt(in);
        for (int i = 0; i < n; i++) {
            String code = StringValue.readString(in);
            ParameterStats s = new ParameterStats();
            s.samples = readVarInt(in);
            s.validCount = readVarInt(in);
            s.stoppedCount = readVarInt(in);
            s.refCount = readVarInt(in);
            s.validSum = s.validCount > 0 ? in.readDouble() : 0.0;
            s.refSum = s.refCount > 0 ? in.readDouble() : 0.0;
            if (format >= 2) {
                s.allSum = s.samples > 0 ? in.readDouble() : 0.0;
                s.couCount = readVarInt(in);
                s.couSum = s.couCount > 0 ? in.readDouble() : 0.0;
            } else {
                s.allSum = Double.NaN;
            }
            stats.byCode.put(code, s);
        }
        return stats;
    }

    private static void writeVarInt(int v, DataOutputView out) throws IOException {
        writeVarLong(v & 0xFFFFFFFFL, out);
    }

    private static int readVarInt(DataInputView in) throws IOException {
        return (int) readVarLong(in);
    }

    /** Seven bits a byte, high bit set on all but the last (zig-zag first, so small negatives stay short). */
    private static void writeVarLong(long v, DataOutputView out) throws IOException {
        long z = (v << 1) ^ (v >> 63);
        while ((z & ~0x7FL) != 0) {
            out.writeByte((int) ((z & 0x7F) | 0x80));
            z >>>= 7;
        }
        out.writeByte((int) z);
    }

    private static long readVarLong(DataInputView in) throws IOException {
        long z = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = in.readByte();
            z |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                break;
            }
            if (shift > 63) {
                throw new IOException("var-int longer than 10 bytes: the minute-bucket state is corrupt");
            }
        }
        return (z >>> 1) ^ -(z & 1);
    }

    /**
     * The snapshot names the format. Savepoints from before issue 14 hold this class as a
     * {@code SimpleTypeSerializerSnapshot} (its snapshot versions 2 and 3, nothing written): format 1.
     */
    public static final class Snapshot implements TypeSerializerSnapshot<MinuteBucket> {
        private static final int FORMAT_IN_SNAPSHOT = 4;
        private int format;

        public Snapshot() {
            this(FORMAT);
        }

        Snapshot(int format) {
            this.format = format;
        }

        @Override
        public int getCurrentVersion() {
            return FORMAT_IN_SNAPSHOT;
        }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            out.writeInt(format);
        }

        @Override
        public void readSnapshot(int version, DataInputView in, ClassLoader classLoader) throws IOException {
            if (version < FORMAT_IN_SNAPSHOT) {
                if (version == 2) {
                    in.readUTF(); // SimpleTypeSerializerSnapshot version 2 wrote the serializer's class name
                }
                format = 1;
            } else {
                format = in.readInt();
            }
        }

        @Override
        public TypeSerializer<MinuteBucket> restoreSerializer() {
            return format == FORMAT ? INSTANCE : new MinuteBucketSerializer(format);
        }

        @Override
        public TypeSerializerSchemaCompatibility<MinuteBucket> resolveSchemaCompatibility(TypeSerializerSnapshot<MinuteBucket> old) {
            if (!(old instanceof Snapshot previous) || previous.format > format) {
                return TypeSerializerSchemaCompatibility.incompatible();
            }
            return previous.format == format ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.compatibleAfterMigration();
        }
    }
}
