package org.cems.job.emission;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;
import org.cems.job.types.WireStrings;

/**
 * The window state that grows with sources and lateness, written compactly: counts as var-ints,
 * a sum only when it has terms, sample times as var-int steps from the first. About half the
 * bytes of Flink's POJO serializer, which writes every int in four bytes and a flag per object.
 *
 * <p>Format 2 (issue 14) adds each parameter's sum of all values and the logger's totals (Cou);
 * state written in format 1 is read and migrated (those sums are then unknown).
 *
 * <p>Format 3 (issue 18) takes about a third of format 2's bytes, every value kept bit for bit: a
 * windowed code as its place in a dictionary the serializer's snapshot holds (so a catalogue that
 * grows later still reads old state), the counts that equal another (all valid, all with a
 * reference value, no stops) as flags, the sum of all values left out when it is the valid sum,
 * sums as a var-int and a decimal scale when that gives the same double back (readings carry a
 * few decimals), and sample times in seconds when they are whole seconds.
 */
public final class MinuteBucketSerializer extends TypeSerializerSingleton<MinuteBucket> {
    static final int FORMAT = 3;
    public static final MinuteBucketSerializer INSTANCE = new MinuteBucketSerializer(FORMAT, WindowStats.CODES);
    private static final long serialVersionUID = 3L;

    private static final int ALL_VALID = 1;
    private static final int ALL_WITH_REFERENCE = 2;
    private static final int HAS_STOPS = 4;
    private static final int ALL_SUM_IS_VALID_SUM = 8;
    private static final int HAS_COU = 16;
    /** Powers of ten a sum may be scaled by; the last scale tag says the eight bytes of the double follow. */
    private static final double[] SCALES = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private static final int RAW_DOUBLE = SCALES.length;
    private static final long MAX_EXACT = 1L << 53;

    private final int format;
    /** Format 3: the codes written as their place (1-based; 0: the code follows as a string). */
    private final List<String> codes;

    private final transient Map<String, Integer> places;

    private MinuteBucketSerializer(int format, List<String> codes) {
        this.format = format;
        this.codes = List.copyOf(codes);
        this.places = new HashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            places.put(codes.get(i), i + 1);
        }
    }

    private Object readResolve() {
        return new MinuteBucketSerializer(format, codes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinuteBucketSerializer other && other.format == format && other.codes.equals(codes);
    }

    @Override
    public int hashCode() {
        return 31 * format + codes.hashCode();
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
        if (format < 3) {
            serializeFormat2(b, out);
            return;
        }
        boolean seconds = true;
        for (long t : b.sampleTimes) {
            seconds &= t % 1000 == 0;
        }
        writeVarInt(b.sampleTimes.size() << 2 | (seconds ? 2 : 0) | (b.logger != null ? 1 : 0), out);
        long previous = 0;
        for (long t : b.sampleTimes) {
            long v = seconds ? t / 1000 : t;
            writeVarLong(v - previous, out);
            previous = v;
        }
        writeStats(b.realtime, out);
        if (b.logger != null) {
            writeStats(b.logger, out);
        }
    }

    private void serializeFormat2(MinuteBucket b, DataOutputView out) throws IOException {
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
        if (format < 3) {
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
        int header = readVarInt(in);
        long unit = (header & 2) != 0 ? 1000 : 1;
        long v = 0;
        for (int i = header >>> 2; i > 0; i--) {
            v += readVarLong(in);
            b.sampleTimes.add(v * unit);
        }
        b.realtime = readStats(in);
        b.logger = (header & 1) != 0 ? readStats(in) : null;
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
        return new Snapshot(format, codes);
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

    private void writeStats(WindowStats stats, DataOutputView out) throws IOException {
        writeVarInt(stats.byCode.size(), out);
        for (Map.Entry<String, ParameterStats> e : stats.byCode.entrySet()) {
            ParameterStats s = e.getValue();
            Integer place = places.get(e.getKey());
            writeVarInt(place == null ? 0 : place, out);
            if (place == null) {
                StringValue.writeString(e.getKey(), out);
            }
            boolean allSumIsValidSum = Double.doubleToRawLongBits(s.allSum) == Double.doubleToRawLongBits(s.validSum);
            int flags = (s.validCount == s.samples ? ALL_VALID : 0)
                    | (s.refCount == s.validCount ? ALL_WITH_REFERENCE : 0)
                    | (s.stoppedCount != 0 ? HAS_STOPS : 0)
                    | (allSumIsValidSum ? ALL_SUM_IS_VALID_SUM : 0)
                    | (s.couCount != 0 ? HAS_COU : 0);
            out.writeByte(flags);
            writeVarInt(s.samples, out);
            if ((flags & ALL_VALID) == 0) {
                writeVarInt(s.validCount, out);
            }
            if ((flags & ALL_WITH_REFERENCE) == 0) {
                writeVarInt(s.refCount, out);
            }
            if ((flags & HAS_STOPS) != 0) {
                writeVarInt(s.stoppedCount, out);
            }
            writeSum(s.validSum, out);
            if (s.refCount != 0) {
                writeSum(s.refSum, out);
            }
            if (!allSumIsValidSum) {
                writeSum(s.allSum, out);
            }
            if ((flags & HAS_COU) != 0) {
                writeVarInt(s.couCount, out);
                writeSum(s.couSum, out);
            }
        }
    }

    private WindowStats readStats(DataInputView in) throws IOException {
        WindowStats stats = new WindowStats();
        int n = readVarInt(in);
        for (int i = 0; i < n; i++) {
            int place = readVarInt(in);
            String code = place == 0 ? WireStrings.read(in) : code(place);
            ParameterStats s = new ParameterStats();
            int flags = in.readUnsignedByte();
            s.samples = readVarInt(in);
            s.validCount = (flags & ALL_VALID) != 0 ? s.samples : readVarInt(in);
            s.refCount = (flags & ALL_WITH_REFERENCE) != 0 ? s.validCount : readVarInt(in);
            s.stoppedCount = (flags & HAS_STOPS) != 0 ? readVarInt(in) : 0;
            s.validSum = readSum(in);
            s.refSum = s.refCount != 0 ? readSum(in) : 0.0;
            s.allSum = (flags & ALL_SUM_IS_VALID_SUM) != 0 ? s.validSum : readSum(in);
            if ((flags & HAS_COU) != 0) {
                s.couCount = readVarInt(in);
                s.couSum = readSum(in);
            }
            stats.byCode.put(code, s);
        }
        return stats;
    }

    private String code(int place) throws IOException {
        if (place > codes.size()) {
            throw new IOException(
                    "code number " + place + " is not in the minute-bucket dictionary of " + codes.size());
        }
        return codes.get(place - 1);
    }

    /**
     * A sum as m·10^-k when dividing m by 10^k gives the very same double (checked, so never a
     * rounding), else its eight bytes: the scale in the var-int's three low bits.
     */
    private static void writeSum(double d, DataOutputView out) throws IOException {
        for (int k = 0; k < SCALES.length; k++) {
            double scaled = Math.rint(d * SCALES[k]);
            if (Math.abs(scaled) < MAX_EXACT) {
                long m = (long) scaled;
                if (Double.doubleToRawLongBits(m / SCALES[k]) == Double.doubleToRawLongBits(d)) {
                    writeVarLong(m << 3 | k, out);
                    return;
                }
            }
        }
        writeVarLong(RAW_DOUBLE, out);
        out.writeDouble(d);
    }

    private static double readSum(DataInputView in) throws IOException {
        long v = readVarLong(in);
        int k = (int) (v & 7);
        if (k == RAW_DOUBLE) {
            return in.readDouble();
        }
        if (k > RAW_DOUBLE) {
            throw new IOException("scale tag " + k + ": the minute-bucket state is corrupt");
        }
        return (v >> 3) / SCALES[k];
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
            String code = WireStrings.read(in);
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
     * The snapshot names the format and, from format 3, the code dictionary. Savepoints from before
     * issue 14 hold this class as a {@code SimpleTypeSerializerSnapshot} (its snapshot versions 2
     * and 3, nothing written): format 1. Version 4 wrote the format alone (formats 1 and 2).
     */
    public static final class Snapshot implements TypeSerializerSnapshot<MinuteBucket> {
        private static final int FORMAT_IN_SNAPSHOT = 4;
        private static final int DICTIONARY_IN_SNAPSHOT = 5;
        private int format;
        private List<String> codes;

        public Snapshot() {
            this(FORMAT, WindowStats.CODES);
        }

        Snapshot(int format, List<String> codes) {
            this.format = format;
            this.codes = codes;
        }

        @Override
        public int getCurrentVersion() {
            return DICTIONARY_IN_SNAPSHOT;
        }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            out.writeInt(format);
            out.writeInt(codes.size());
            for (String code : codes) {
                out.writeUTF(code);
            }
        }

        @Override
        public void readSnapshot(int version, DataInputView in, ClassLoader classLoader) throws IOException {
            codes = List.of();
            if (version < FORMAT_IN_SNAPSHOT) {
                if (version == 2) {
                    in.readUTF(); // SimpleTypeSerializerSnapshot version 2 wrote the serializer's class name
                }
                format = 1;
                return;
            }
            format = in.readInt();
            if (version >= DICTIONARY_IN_SNAPSHOT) {
                int n = in.readInt();
                List<String> read = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    read.add(in.readUTF());
                }
                codes = List.copyOf(read);
            }
        }

        @Override
        public TypeSerializer<MinuteBucket> restoreSerializer() {
            MinuteBucketSerializer restored = new MinuteBucketSerializer(format, codes);
            return restored.equals(INSTANCE) ? INSTANCE : restored;
        }

        @Override
        public TypeSerializerSchemaCompatibility<MinuteBucket> resolveSchemaCompatibility(
                TypeSerializerSnapshot<MinuteBucket> old) {
            if (!(old instanceof Snapshot previous) || previous.format > format) {
                return TypeSerializerSchemaCompatibility.incompatible();
            }
            return previous.format == format && previous.codes.equals(codes)
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.compatibleAfterMigration();
        }
    }
}
