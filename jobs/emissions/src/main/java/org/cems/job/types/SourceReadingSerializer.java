package org.cems.job.types;

import java.io.IOException;
import java.util.Map;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;
import org.cems.core.normalize.Measure;
import org.cems.core.normalize.SourceReading;

/**
 * Writes a {@link SourceReading} field by field. A reading crosses the network once per keyed
 * consumer (windows, no-data and instrument alerts); Flink's reflective POJO serializer with its
 * map and nullable wrappers cost about a fifth of the job's time in the benchmark.
 */
public final class SourceReadingSerializer extends TypeSerializerSingleton<SourceReading> {
    public static final SourceReadingSerializer INSTANCE = new SourceReadingSerializer();
    private static final long serialVersionUID = 1L;

    private SourceReadingSerializer() {}

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public SourceReading createInstance() {
        return new SourceReading();
    }

    @Override
    public SourceReading copy(SourceReading from) {
        SourceReading to = new SourceReading();
        to.enterprise = from.enterprise;
        to.park = from.park;
        to.industry = from.industry;
        to.source = from.source;
        to.mn = from.mn;
        to.cn = from.cn;
        to.timeMillis = from.timeMillis;
        to.origin = from.origin;
        copyMeasures(from.reported, to.reported);
        copyMeasures(from.measures, to.measures);
        return to;
    }

    @Override
    public SourceReading copy(SourceReading from, SourceReading reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(SourceReading r, DataOutputView out) throws IOException {
        StringValue.writeString(r.enterprise, out);
        StringValue.writeString(r.park, out);
        StringValue.writeString(r.industry, out);
        StringValue.writeString(r.source, out);
        StringValue.writeString(r.mn, out);
        StringValue.writeString(r.cn, out);
        out.writeLong(r.timeMillis);
        StringValue.writeString(r.origin, out);
        writeMeasures(r.reported, out);
        writeMeasures(r.measures, out);
    }

    @Override
    public SourceReading deserialize(DataInputView in) throws IOException {
        SourceReading r = new SourceReading();
        r.enterprise = WireStrings.read(in);
        r.park = WireStrings.read(in);
        r.industry = WireStrings.read(in);
        r.source = WireStrings.read(in);
        r.mn = WireStrings.read(in);
        r.cn = WireStrings.read(in);
        r.timeMillis = in.readLong();
        r.origin = WireStrings.read(in);
        readMeasures(in, r.reported);
        readMeasures(in, r.measures);
        return r;
    }

    @Override
    public SourceReading deserialize(SourceReading reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    @Override
    public TypeSerializerSnapshot<SourceReading> snapshotConfiguration() {
        return new Snapshot();
    }

    private static void writeMeasures(Map<String, Measure> measures, DataOutputView out) throws IOException {
        out.writeShort(measures.size());
        for (Map.Entry<String, Measure> e : measures.entrySet()) {
            Measure m = e.getValue();
            StringValue.writeString(e.getKey(), out);
            out.writeDouble(m.value);
            out.writeBoolean(m.refMgM3 != null);
            if (m.refMgM3 != null) {
                out.writeDouble(m.refMgM3);
            }
            out.writeBoolean(m.valid);
            StringValue.writeString(m.flag, out);
            out.writeBoolean(m.couKg != null);
            if (m.couKg != null) {
                out.writeDouble(m.couKg);
            }
        }
    }

    private static void readMeasures(DataInputView in, Map<String, Measure> into) throws IOException {
        int n = in.readShort();
        for (int i = 0; i < n; i++) {
            String code = WireStrings.read(in);
            double value = in.readDouble();
            Double ref = in.readBoolean() ? in.readDouble() : null;
            boolean valid = in.readBoolean();
            Measure m = new Measure(value, ref, valid, WireStrings.read(in));
            m.couKg = in.readBoolean() ? in.readDouble() : null;
            into.put(code, m);
        }
    }

    private static void copyMeasures(Map<String, Measure> from, Map<String, Measure> to) {
        from.forEach((code, m) -> {
            Measure c = new Measure(m.value, m.refMgM3, m.valid, m.flag);
            c.couKg = m.couKg;
            to.put(code, c);
        });
    }

    /**
     * The format above (since issue 14 with each measure's logger total). Readings cross the network
     * and are in no operator's state with this serializer, so a savepoint never holds this format.
     */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<SourceReading> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
