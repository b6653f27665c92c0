package org.cems.job.alert;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.cems.job.types.CompactStateSerializer;
import org.cems.job.types.CompactStateSnapshot;

/**
 * {@link FlagRun} in state, format 1: a byte of which times are there and whether the alert
 * fires, then those times and the incident's start as var-ints (six bytes for a time in millis).
 * Eight bytes for a run that is flagged and not firing against 22 from the POJO serializer
 * ({@code CompactStateFormatTest}).
 */
public final class FlagRunSerializer extends CompactStateSerializer<FlagRun> {
    static final int FORMAT = 1;
    public static final FlagRunSerializer INSTANCE = new FlagRunSerializer();
    private static final long serialVersionUID = 1L;
    private static final int FLAGGED = 1;
    private static final int CLEAR = 2;
    private static final int FIRING = 4;

    private FlagRunSerializer() {}

    @Override
    public FlagRun createInstance() {
        return new FlagRun();
    }

    @Override
    public void serialize(FlagRun r, DataOutputView out) throws IOException {
        out.writeByte((r.flaggedSinceMillis != null ? FLAGGED : 0)
                | (r.clearSinceMillis != null ? CLEAR : 0)
                | (r.firing ? FIRING : 0));
        if (r.flaggedSinceMillis != null) {
            writeVarLong(r.flaggedSinceMillis, out);
        }
        if (r.clearSinceMillis != null) {
            writeVarLong(r.clearSinceMillis, out);
        }
        writeVarLong(r.incidentStartMillis, out);
    }

    @Override
    public FlagRun deserialize(DataInputView in) throws IOException {
        int flags = in.readUnsignedByte();
        FlagRun r = new FlagRun();
        r.flaggedSinceMillis = (flags & FLAGGED) != 0 ? readVarLong(in) : null;
        r.clearSinceMillis = (flags & CLEAR) != 0 ? readVarLong(in) : null;
        r.firing = (flags & FIRING) != 0;
        r.incidentStartMillis = readVarLong(in);
        return r;
    }

    @Override
    public TypeSerializerSnapshot<FlagRun> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Format 1; restores the POJO state of earlier savepoints by migration. */
    public static final class Snapshot extends CompactStateSnapshot<FlagRun> {
        public Snapshot() {
            super(INSTANCE, FORMAT);
        }
    }
}
