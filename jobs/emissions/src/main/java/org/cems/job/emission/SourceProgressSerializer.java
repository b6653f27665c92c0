package org.cems.job.emission;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.cems.job.types.CompactStateSerializer;
import org.cems.job.types.CompactStateSnapshot;

/**
 * {@link SourceProgress} in state, format 1: a byte of flags saying which times are set, those
 * times as var-longs, then as var-ints the interval's spacings, the guard's counts and whether
 * logger hours and days are held. A source with a clock, closed windows, an arrival and a timer
 * takes about 30 bytes.
 */
public final class SourceProgressSerializer extends CompactStateSerializer<SourceProgress> {
    static final int FORMAT = 1;
    static final SourceProgressSerializer INSTANCE = new SourceProgressSerializer();
    private static final long serialVersionUID = 1L;

    private static final int CLOCK = 1;
    private static final int CLOSED = 2;
    private static final int ARRIVAL = 4;
    private static final int TIMER = 8;
    private static final int FIRST_HOUR = 16;
    private static final int LAST_MINUTE_RECORD = 32;
    private static final int ACCEPTED = 64;
    private static final int HELD = 128;

    private SourceProgressSerializer() {}

    @Override
    public SourceProgress createInstance() {
        return new SourceProgress();
    }

    @Override
    public void serialize(SourceProgress p, DataOutputView out) throws IOException {
        int flags = (p.clockMs != SourceProgress.LONG_AGO ? CLOCK : 0)
                | (p.closedUpToMs != SourceProgress.LONG_AGO ? CLOSED : 0)
                | (p.lastArrivalMs != SourceProgress.LONG_AGO ? ARRIVAL : 0)
                | (p.idleTimerMs != SourceProgress.LONG_AGO ? TIMER : 0)
                | (p.firstDataHourMs != Long.MAX_VALUE ? FIRST_HOUR : 0)
                | (p.interval.lastDataTime != Long.MIN_VALUE ? LAST_MINUTE_RECORD : 0)
                | (p.guard.acceptedArrivalMs != SourceProgress.LONG_AGO ? ACCEPTED : 0)
                | (p.guard.heldArrivalMs != SourceProgress.LONG_AGO ? HELD : 0);
        out.writeByte(flags);
        writeVarLongIf(flags, CLOCK, p.clockMs, out);
        writeVarLongIf(flags, CLOSED, p.closedUpToMs, out);
        writeVarLongIf(flags, ARRIVAL, p.lastArrivalMs, out);
        writeVarLongIf(flags, TIMER, p.idleTimerMs, out);
        writeVarLongIf(flags, FIRST_HOUR, p.firstDataHourMs, out);
        writeVarLongIf(flags, LAST_MINUTE_RECORD, p.interval.lastDataTime, out);
        writeVarLongIf(flags, ACCEPTED, p.guard.acceptedArrivalMs, out);
        writeVarLongIf(flags, HELD, p.guard.heldArrivalMs, out);
        writeVarLong(p.interval.lastSpacingMinutes, out);
        writeVarLong(p.interval.learnedMinutes, out);
        writeVarLong(p.guard.heldCount, out);
        writeVarLong(p.guard.oldClockVotes, out);
        writeVarLong((p.holdsLoggerHours ? 1 : 0) | (p.holdsLoggerDays ? 2 : 0), out);
    }

    @Override
    public SourceProgress deserialize(DataInputView in) throws IOException {
        int flags = in.readUnsignedByte();
        SourceProgress p = new SourceProgress();
        p.clockMs = readVarLongIf(flags, CLOCK, SourceProgress.LONG_AGO, in);
        p.closedUpToMs = readVarLongIf(flags, CLOSED, SourceProgress.LONG_AGO, in);
        p.lastArrivalMs = readVarLongIf(flags, ARRIVAL, SourceProgress.LONG_AGO, in);
        p.idleTimerMs = readVarLongIf(flags, TIMER, SourceProgress.LONG_AGO, in);
        p.firstDataHourMs = readVarLongIf(flags, FIRST_HOUR, Long.MAX_VALUE, in);
        p.interval.lastDataTime = readVarLongIf(flags, LAST_MINUTE_RECORD, Long.MIN_VALUE, in);
        p.guard.acceptedArrivalMs = readVarLongIf(flags, ACCEPTED, SourceProgress.LONG_AGO, in);
        p.guard.heldArrivalMs = readVarLongIf(flags, HELD, SourceProgress.LONG_AGO, in);
        p.interval.lastSpacingMinutes = (int) readVarLong(in);
        p.interval.learnedMinutes = (int) readVarLong(in);
        p.guard.heldCount = (int) readVarLong(in);
        p.guard.oldClockVotes = (int) readVarLong(in);
        long logger = readVarLong(in);
        p.holdsLoggerHours = (logger & 1) != 0;
        p.holdsLoggerDays = (logger & 2) != 0;
        return p;
    }

    @Override
    public TypeSerializerSnapshot<SourceProgress> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Format 1. */
    public static final class Snapshot extends CompactStateSnapshot<SourceProgress> {
        public Snapshot() {
            super(INSTANCE, FORMAT);
        }
    }
}
