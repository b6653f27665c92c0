package org.cems.job.emission;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;
import org.cems.connector.base.SerializerTypeInfo;
import org.cems.job.types.WireStrings;

/**
 * Writes an {@link EmissionRecord} field by field, the nullable ones behind one presence mask.
 * Every minute, hour and day record is copied to each operator chained after the windows and
 * crosses the network to the keyed ones; Flink's reflective POJO serializer did both at about a
 * tenth of the windows task's time in the benchmark's profile (issue 18).
 */
public final class EmissionRecordSerializer extends TypeSerializerSingleton<EmissionRecord> {
    public static final EmissionRecordSerializer INSTANCE = new EmissionRecordSerializer();
    private static final long serialVersionUID = 1L;

    private static final int STACK = 1;
    private static final int VALID = 1 << 1;
    private static final int FROM_LOGGER = 1 << 2;
    private static final int O2_CAPPED = 1 << 3;
    private static final int CONC = 1 << 4;
    private static final int CONC_REF = 1 << 5;
    private static final int FLOW = 1 << 6;
    private static final int RATE = 1 << 7;
    private static final int MASS = 1 << 8;
    private static final int MASS_ACCOUNTED = 1 << 9;
    private static final int SUBSTITUTED = 1 << 10;
    private static final int SUBSTITUTED_TRUE = 1 << 11;
    private static final int MASS_LOGGER = 1 << 12;
    private static final int DURATION = 1 << 13;
    private static final int LIMIT = 1 << 14;
    private static final int EXCEEDED = 1 << 15;
    private static final int EXCEEDED_TRUE = 1 << 16;

    private EmissionRecordSerializer() {}

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public EmissionRecord createInstance() {
        return new EmissionRecord();
    }

    @Override
    public EmissionRecord copy(EmissionRecord from) {
        EmissionRecord to = new EmissionRecord();
        to.enterprise = from.enterprise;
        to.park = from.park;
        to.industry = from.industry;
        to.source = from.source;
        to.stack = from.stack;
        to.pollutant = from.pollutant;
        to.window = from.window;
        to.windowStartMillis = from.windowStartMillis;
        to.concMgM3 = from.concMgM3;
        to.concRefMgM3 = from.concRefMgM3;
        to.flowM3H = from.flowM3H;
        to.rateKgH = from.rateKgH;
        to.massKg = from.massKg;
        to.massAccountedKg = from.massAccountedKg;
        to.substituted = from.substituted;
        to.massLoggerKg = from.massLoggerKg;
        to.durationMinutes = from.durationMinutes;
        to.validCount = from.validCount;
        to.stoppedCount = from.stoppedCount;
        to.valid = from.valid;
        to.fromLogger = from.fromLogger;
        to.o2Capped = from.o2Capped;
        to.limitMgM3 = from.limitMgM3;
        to.exceeded = from.exceeded;
        return to;
    }

    @Override
    public EmissionRecord copy(EmissionRecord from, EmissionRecord reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(EmissionRecord r, DataOutputView out) throws IOException {
        int mask = (r.stack ? STACK : 0)
                | (r.valid ? VALID : 0)
                | (r.fromLogger ? FROM_LOGGER : 0)
                | (r.o2Capped ? O2_CAPPED : 0)
                | (r.concMgM3 != null ? CONC : 0)
                | (r.concRefMgM3 != null ? CONC_REF : 0)
                | (r.flowM3H != null ? FLOW : 0)
                | (r.rateKgH != null ? RATE : 0)
                | (r.massKg != null ? MASS : 0)
                | (r.massAccountedKg != null ? MASS_ACCOUNTED : 0)
                | (r.substituted != null ? SUBSTITUTED | (r.substituted ? SUBSTITUTED_TRUE : 0) : 0)
                | (r.massLoggerKg != null ? MASS_LOGGER : 0)
                | (r.durationMinutes != null ? DURATION : 0)
                | (r.limitMgM3 != null ? LIMIT : 0)
                | (r.exceeded != null ? EXCEEDED | (r.exceeded ? EXCEEDED_TRUE : 0) : 0);
        out.writeInt(mask);
        StringValue.writeString(r.enterprise, out);
        StringValue.writeString(r.park, out);
        StringValue.writeString(r.industry, out);
        StringValue.writeString(r.source, out);
        StringValue.writeString(r.pollutant, out);
        StringValue.writeString(r.window, out);
        out.writeLong(r.windowStartMillis);
        out.writeInt(r.validCount);
        out.writeInt(r.stoppedCount);
        writeIf(r.concMgM3, out);
        writeIf(r.concRefMgM3, out);
        writeIf(r.flowM3H, out);
        writeIf(r.rateKgH, out);
        writeIf(r.massKg, out);
        writeIf(r.massAccountedKg, out);
        writeIf(r.massLoggerKg, out);
        if (r.durationMinutes != null) {
            out.writeInt(r.durationMinutes);
        }
        writeIf(r.limitMgM3, out);
    }

    @Override
    public EmissionRecord deserialize(DataInputView in) throws IOException {
        EmissionRecord r = new EmissionRecord();
        int mask = in.readInt();
        r.stack = (mask & STACK) != 0;
        r.valid = (mask & VALID) != 0;
        r.fromLogger = (mask & FROM_LOGGER) != 0;
        r.o2Capped = (mask & O2_CAPPED) != 0;
        r.substituted = (mask & SUBSTITUTED) != 0 ? (mask & SUBSTITUTED_TRUE) != 0 : null;
        r.exceeded = (mask & EXCEEDED) != 0 ? (mask & EXCEEDED_TRUE) != 0 : null;
        r.enterprise = WireStrings.read(in);
        r.park = WireStrings.read(in);
        r.industry = WireStrings.read(in);
        r.source = WireStrings.read(in);
        r.pollutant = WireStrings.read(in);
        r.window = WireStrings.read(in);
        r.windowStartMillis = in.readLong();
        r.validCount = in.readInt();
        r.stoppedCount = in.readInt();
        r.concMgM3 = readIf(mask, CONC, in);
        r.concRefMgM3 = readIf(mask, CONC_REF, in);
        r.flowM3H = readIf(mask, FLOW, in);
        r.rateKgH = readIf(mask, RATE, in);
        r.massKg = readIf(mask, MASS, in);
        r.massAccountedKg = readIf(mask, MASS_ACCOUNTED, in);
        r.massLoggerKg = readIf(mask, MASS_LOGGER, in);
        r.durationMinutes = (mask & DURATION) != 0 ? in.readInt() : null;
        r.limitMgM3 = readIf(mask, LIMIT, in);
        return r;
    }

    @Override
    public EmissionRecord deserialize(EmissionRecord reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    @Override
    public TypeSerializerSnapshot<EmissionRecord> snapshotConfiguration() {
        return new Snapshot();
    }

    private static void writeIf(Double v, DataOutputView out) throws IOException {
        if (v != null) {
            out.writeDouble(v);
        }
    }

    private static Double readIf(int mask, int bit, DataInputView in) throws IOException {
        return (mask & bit) != 0 ? in.readDouble() : null;
    }

    /** Emission records cross the network and are in no operator's state, so a savepoint never holds this format. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<EmissionRecord> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    /** Named by {@code @TypeInfo} on {@link EmissionRecord}: wherever Flink meets the type it uses this serializer. */
    public static final class Factory extends TypeInfoFactory<EmissionRecord> {
        @Override
        public TypeInformation<EmissionRecord> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> genericParameters) {
            return SerializerTypeInfo.of(EmissionRecord.class, INSTANCE);
        }
    }
}
