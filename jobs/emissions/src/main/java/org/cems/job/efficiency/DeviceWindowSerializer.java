package org.cems.job.efficiency;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.cems.job.types.CompactStateSerializer;
import org.cems.job.types.CompactStateSnapshot;

/**
 * {@link DeviceWindow} in state, format 1: a byte of which sides are there, then per side a byte
 * of which figures are there and whether it was valid, the two counts as var-ints and the
 * figures as they are (eight bytes: efficiency divides them, so none is rounded). 23 bytes for
 * a one-figure pair of sides against 51 from the POJO serializer ({@code CompactStateFormatTest}).
 */
public final class DeviceWindowSerializer extends CompactStateSerializer<DeviceWindow> {
    static final int FORMAT = 1;
    public static final DeviceWindowSerializer INSTANCE = new DeviceWindowSerializer();
    private static final long serialVersionUID = 1L;
    private static final int INLET = 1;
    private static final int OUTLET = 2;
    private static final int CONC = 1;
    private static final int RATE = 2;
    private static final int MASS = 4;
    private static final int VALID = 8;

    private DeviceWindowSerializer() {}

    @Override
    public DeviceWindow createInstance() {
        return new DeviceWindow();
    }

    @Override
    public void serialize(DeviceWindow w, DataOutputView out) throws IOException {
        out.writeByte((w.inlet != null ? INLET : 0) | (w.outlet != null ? OUTLET : 0));
        write(w.inlet, out);
        write(w.outlet, out);
    }

    @Override
    public DeviceWindow deserialize(DataInputView in) throws IOException {
        int sides = in.readUnsignedByte();
        DeviceWindow w = new DeviceWindow();
        w.inlet = (sides & INLET) != 0 ? read(in) : null;
        w.outlet = (sides & OUTLET) != 0 ? read(in) : null;
        return w;
    }

    private static void write(SideFigures f, DataOutputView out) throws IOException {
        if (f == null) {
            return;
        }
        out.writeByte((f.concRefMgM3 != null ? CONC : 0)
                | (f.rateKgH != null ? RATE : 0)
                | (f.massKg != null ? MASS : 0)
                | (f.valid ? VALID : 0));
        writeVarLong(f.validCount, out);
        writeVarLong(f.stoppedCount, out);
        for (Double d : new Double[] {f.concRefMgM3, f.rateKgH, f.massKg}) {
            if (d != null) {
                out.writeDouble(d);
            }
        }
    }

    private static SideFigures read(DataInputView in) throws IOException {
        int flags = in.readUnsignedByte();
        SideFigures f = new SideFigures();
        f.valid = (flags & VALID) != 0;
        f.validCount = (int) readVarLong(in);
        f.stoppedCount = (int) readVarLong(in);
        f.concRefMgM3 = (flags & CONC) != 0 ? in.readDouble() : null;
        f.rateKgH = (flags & RATE) != 0 ? in.readDouble() : null;
        f.massKg = (flags & MASS) != 0 ? in.readDouble() : null;
        return f;
    }

    @Override
    public TypeSerializerSnapshot<DeviceWindow> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Format 1; restores the POJO state of earlier savepoints by migration. */
    public static final class Snapshot extends CompactStateSnapshot<DeviceWindow> {
        public Snapshot() {
            super(INSTANCE, FORMAT);
        }
    }
}
