package org.cems.job.rate;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;
import org.cems.job.types.CompactStateSerializer;
import org.cems.job.types.CompactStateSnapshot;
import org.cems.job.types.WireStrings;

/**
 * {@link SubPeriodMark} in state, format 1: the interval in minutes shifted left once with the
 * stopped flag as a var-int, then the invalid pollutants' string. Two bytes for a valid minute
 * against 10 from the POJO serializer ({@code CompactStateFormatTest}).
 */
public final class SubPeriodMarkSerializer extends CompactStateSerializer<SubPeriodMark> {
    static final int FORMAT = 1;
    public static final SubPeriodMarkSerializer INSTANCE = new SubPeriodMarkSerializer();
    private static final long serialVersionUID = 1L;

    private SubPeriodMarkSerializer() {}

    @Override
    public SubPeriodMark createInstance() {
        return new SubPeriodMark();
    }

    @Override
    public void serialize(SubPeriodMark m, DataOutputView out) throws IOException {
        writeVarLong((long) m.minutes << 1 | (m.stopped ? 1 : 0), out);
        StringValue.writeString(m.invalidPollutants, out);
    }

    @Override
    public SubPeriodMark deserialize(DataInputView in) throws IOException {
        long head = readVarLong(in);
        SubPeriodMark m = new SubPeriodMark();
        m.minutes = (int) (head >>> 1);
        m.stopped = (head & 1) != 0;
        m.invalidPollutants = WireStrings.read(in);
        return m;
    }

    @Override
    public TypeSerializerSnapshot<SubPeriodMark> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Format 1; restores the POJO state of earlier savepoints by migration. */
    public static final class Snapshot extends CompactStateSnapshot<SubPeriodMark> {
        public Snapshot() {
            super(INSTANCE, FORMAT);
        }
    }
}
