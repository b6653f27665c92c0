package org.cems.job.emission;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;
import org.cems.job.types.WireStrings;

/**
 * {@link EmissionAccounting} in state: per pollutant the quarter's counts, the run, and the three
 * max-deques as (sequence, mass) pairs. Format 1; a change of format is a new format number in
 * the snapshot, and older formats must stay readable.
 */
public final class EmissionAccountingSerializer extends TypeSerializerSingleton<EmissionAccounting> {
    static final int FORMAT = 1;
    public static final EmissionAccountingSerializer INSTANCE = new EmissionAccountingSerializer();
    private static final long serialVersionUID = 1L;

    private EmissionAccountingSerializer() {}

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public EmissionAccounting createInstance() {
        return new EmissionAccounting();
    }

    @Override
    public EmissionAccounting copy(EmissionAccounting from) {
        try {
            DataOutputSerializer out = new DataOutputSerializer(256);
            serialize(from, out);
            return deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot copy emission accounting state", e);
        }
    }

    @Override
    public EmissionAccounting copy(EmissionAccounting from, EmissionAccounting reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(EmissionAccounting a, DataOutputView out) throws IOException {
        out.writeLong(a.firstHour);
        out.writeInt(a.byPollutant.size());
        for (Map.Entry<String, PollutantAccount> e : a.byPollutant.entrySet()) {
            PollutantAccount p = e.getValue();
            StringValue.writeString(e.getKey(), out);
            out.writeLong(p.quarterStart);
            out.writeInt(p.hours);
            out.writeInt(p.stoppedHours);
            out.writeInt(p.invalidHours);
            out.writeInt(p.run);
            out.writeLong(p.validHours);
            writeWindow(p.max180, out);
            writeWindow(p.max720, out);
            writeWindow(p.max2160, out);
        }
    }

    @Override
    public EmissionAccounting deserialize(DataInputView in) throws IOException {
        EmissionAccounting a = new EmissionAccounting();
        a.firstHour = in.readLong();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            PollutantAccount p = a.account(WireStrings.read(in));
            p.quarterStart = in.readLong();
            p.hours = in.readInt();
            p.stoppedHours = in.readInt();
            p.invalidHours = in.readInt();
            p.run = in.readInt();
            p.validHours = in.readLong();
            readWindow(p.max180, in);
            readWindow(p.max720, in);
            readWindow(p.max2160, in);
        }
        return a;
    }

    @Override
    public EmissionAccounting deserialize(EmissionAccounting reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    private static void writeWindow(MaxWindow w, DataOutputView out) throws IOException {
        out.writeInt(w.size());
        Iterator<Long> seq = w.sequences();
        Iterator<Double> value = w.values();
        while (seq.hasNext()) {
            out.writeLong(seq.next());
            out.writeDouble(value.next());
        }
    }

    private static void readWindow(MaxWindow w, DataInputView in) throws IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            w.restore(in.readLong(), in.readDouble());
        }
    }

    @Override
    public TypeSerializerSnapshot<EmissionAccounting> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Names the format it was written in. */
    public static final class Snapshot implements TypeSerializerSnapshot<EmissionAccounting> {
        private int format = FORMAT;

        public Snapshot() {}

        @Override
        public int getCurrentVersion() {
            return 1;
        }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            out.writeInt(format);
        }

        @Override
        public void readSnapshot(int version, DataInputView in, ClassLoader classLoader) throws IOException {
            format = in.readInt();
        }

        @Override
        public TypeSerializer<EmissionAccounting> restoreSerializer() {
            return INSTANCE;
        }

        @Override
        public TypeSerializerSchemaCompatibility<EmissionAccounting> resolveSchemaCompatibility(
                TypeSerializerSnapshot<EmissionAccounting> old) {
            return old instanceof Snapshot previous && previous.format == FORMAT
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}
