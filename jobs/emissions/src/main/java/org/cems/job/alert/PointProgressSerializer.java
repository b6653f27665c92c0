package org.cems.job.alert;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.cems.job.types.CompactStateSerializer;
import org.cems.job.types.CompactStateSnapshot;

/**
 * {@link PointProgress} in state, format 1: a byte of flags saying which times are set and whether
 * a no-data alert fires, those times as var-longs, then the flag-run bits as a var-int.
 */
public final class PointProgressSerializer extends CompactStateSerializer<PointProgress> {
    static final int FORMAT = 1;
    static final PointProgressSerializer INSTANCE = new PointProgressSerializer();
    private static final long serialVersionUID = 1L;

    private static final int NEWEST = 1;
    private static final int ARRIVAL = 2;
    private static final int TIMER = 4;
    private static final int NO_DATA_FIRING = 8;
    private static final int CLOCK_CHANGING = 16;
    private static final int CLOCK_FIRING = 32;

    private PointProgressSerializer() {}

    @Override
    public PointProgress createInstance() {
        return new PointProgress();
    }

    @Override
    public void serialize(PointProgress p, DataOutputView out) throws IOException {
        int flags = (p.newestMs != PointProgress.LONG_AGO ? NEWEST : 0)
                | (p.lastArrivalMs != PointProgress.LONG_AGO ? ARRIVAL : 0)
                | (p.noDataTimerMs != PointProgress.LONG_AGO ? TIMER : 0)
                | (p.noDataFiring ? NO_DATA_FIRING : 0)
                | (p.clockChangingSinceMs != PointProgress.LONG_AGO ? CLOCK_CHANGING : 0)
                | (p.clockFiringSinceMs != PointProgress.LONG_AGO ? CLOCK_FIRING : 0);
        out.writeByte(flags);
        writeVarLongIf(flags, NEWEST, p.newestMs, out);
        writeVarLongIf(flags, ARRIVAL, p.lastArrivalMs, out);
        writeVarLongIf(flags, TIMER, p.noDataTimerMs, out);
        writeVarLongIf(flags, CLOCK_CHANGING, p.clockChangingSinceMs, out);
        writeVarLongIf(flags, CLOCK_FIRING, p.clockFiringSinceMs, out);
        writeVarLong(p.flagRuns, out);
    }

    @Override
    public PointProgress deserialize(DataInputView in) throws IOException {
        int flags = in.readUnsignedByte();
        PointProgress p = new PointProgress();
        p.newestMs = readVarLongIf(flags, NEWEST, PointProgress.LONG_AGO, in);
        p.lastArrivalMs = readVarLongIf(flags, ARRIVAL, PointProgress.LONG_AGO, in);
        p.noDataTimerMs = readVarLongIf(flags, TIMER, PointProgress.LONG_AGO, in);
        p.noDataFiring = (flags & NO_DATA_FIRING) != 0;
        p.clockChangingSinceMs = readVarLongIf(flags, CLOCK_CHANGING, PointProgress.LONG_AGO, in);
        p.clockFiringSinceMs = readVarLongIf(flags, CLOCK_FIRING, PointProgress.LONG_AGO, in);
        p.flagRuns = (int) readVarLong(in);
        return p;
    }

    @Override
    public TypeSerializerSnapshot<PointProgress> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Format 1. */
    public static final class Snapshot extends CompactStateSnapshot<PointProgress> {
        public Snapshot() {
            super(INSTANCE, FORMAT);
        }
    }
}
