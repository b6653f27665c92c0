package org.cems.job.emission;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.cems.core.deadletter.DeadLetterReason;
import org.cems.core.normalize.SourceReading;
import org.cems.job.decode.DeadLetter;
import org.cems.job.decode.ReadingPayload;
import org.cems.job.types.JobTypes;

/**
 * Keeps one wrong DataTime from moving a source's clock. A reading that runs ahead of the
 * source's clock by more than the arrival time that passed since its last accepted reading, plus
 * {@code jump_threshold}, is held aside instead of closing the source's windows:
 * <ul>
 *   <li>{@code jump_confirmations} readings near it (at or after it, less the threshold) confirm
 *       it: the held readings are processed in DataTime order and the source's clock moves;</li>
 *   <li>readings near the old clock are processed as usual, and {@code jump_confirmations} of them
 *       (as many again for each confirmation the jump has had) reject it: the held readings
 *       become dead letters ({@code clock_jump}). So a lone glitch goes after a few readings,
 *       while a stream that is really ahead (two transports of one source delivering at their own
 *       pace) is confirmed even when its readings alternate with the other's.</li>
 * </ul>
 * A source silent for hours resumes without delay (the arrival time passed with it), and so does
 * one whose messages were held up on the way; a backfill within the threshold of the held
 * reading confirms it. One pending
 * jump at a time: a reading far ahead of both the old clock and the held jump is rejected at once.
 */
final class ClockJumpGuard implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ClockSettings settings;
    /** The held readings; the rest of what the guard keeps is in {@link SourceProgress.Guard}. */
    private transient ListState<SourceReading> held;

    ClockJumpGuard(ClockSettings settings) {
        this.settings = settings;
    }

    /** What to do with a reading: process these now, in order; send those to the dead letters. */
    record Admission(List<SourceReading> process, List<DeadLetter> rejected) {
        static Admission of(List<SourceReading> process) {
            return new Admission(process, List.of());
        }
    }

    void open(RuntimeContext ctx) {
        held = ctx.getListState(new ListStateDescriptor<>("clockGuardHeld", JobTypes.SOURCE_READING));
    }

    /**
     * @param progress the source's progress: its clock (its newest DataTime, aggregates to their
     *     end; none before its first reading) and the guard's values, which this updates
     * @param nowMs the arrival (processing) time
     */
    Admission admit(SourceReading r, SourceProgress progress, long nowMs) throws Exception {
        SourceProgress.Guard g = progress.guard;
        long clockMs = progress.clockMs;
        if (g.heldCount == 0) {
            if (progress.hasClock() && isJump(r, clockMs, g, nowMs)) {
                hold(r, g, nowMs);
                g.oldClockVotes = 0;
                return Admission.of(List.of());
            }
            g.acceptedArrivalMs = nowMs;
            return Admission.of(List.of(r));
        }
        List<SourceReading> pending = new ArrayList<>();
        held.get().forEach(pending::add);
        if (isNearHeld(r, pending, g, nowMs)) {
            pending.add(r);
            if (pending.size() <= settings.jumpConfirmations()) {
                hold(r, g, nowMs);
                return Admission.of(List.of());
            }
            clear(g);
            g.acceptedArrivalMs = nowMs;
            return Admission.of(inTimeOrder(pending));
        }
        if (isJump(r, clockMs, g, nowMs)) {
            return new Admission(
                    List.of(),
                    List.of(deadLetter(r, clockMs, nowMs, "an earlier jump of this source is still unconfirmed")));
        }
        g.acceptedArrivalMs = nowMs;
        List<SourceReading> process = List.of(r);
        int votes = g.oldClockVotes + 1;
        int confirmations = pending.size() - 1;
        if (votes < settings.jumpConfirmations() * (1 + confirmations)) {
            g.oldClockVotes = votes;
            return Admission.of(process);
        }
        clear(g);
        List<DeadLetter> rejected = new ArrayList<>();
        for (SourceReading jumped : pending) {
            rejected.add(deadLetter(jumped, clockMs, nowMs, votes + " readings after it stayed with the old clock"));
        }
        return new Admission(process, rejected);
    }

    /** How many readings the held list state holds: read once, when a source's progress is built from earlier states. */
    int heldCount() throws Exception {
        int n = 0;
        for (SourceReading ignored : held.get()) {
            n++;
        }
        return n;
    }

    private void hold(SourceReading r, SourceProgress.Guard g, long nowMs) throws Exception {
        held.add(r);
        g.heldCount++;
        g.heldArrivalMs = nowMs;
    }

    private boolean isJump(SourceReading r, long clockMs, SourceProgress.Guard g, long nowMs) {
        long elapsed = g.acceptedArrivalMs == SourceProgress.LONG_AGO ? 0 : Math.max(0, nowMs - g.acceptedArrivalMs);
        return r.timeMillis > clockMs + elapsed + settings.jumpThresholdMs();
    }

    /** At or after the held jump (less the threshold), and not a further jump beyond the newest held reading. */
    private boolean isNearHeld(SourceReading r, List<SourceReading> pending, SourceProgress.Guard g, long nowMs) {
        long newest = pending.stream().mapToLong(p -> p.timeMillis).max().orElseThrow();
        long elapsed = Math.max(0, nowMs - g.heldArrivalMs);
        return r.timeMillis >= pending.get(0).timeMillis - settings.jumpThresholdMs()
                && r.timeMillis <= newest + elapsed + settings.jumpThresholdMs();
    }

    private void clear(SourceProgress.Guard g) {
        held.clear();
        g.heldCount = 0;
        g.heldArrivalMs = SourceProgress.LONG_AGO;
        g.oldClockVotes = 0;
    }

    private static List<SourceReading> inTimeOrder(List<SourceReading> readings) {
        List<SourceReading> sorted = new ArrayList<>(readings);
        sorted.sort(Comparator.comparingLong(s -> s.timeMillis));
        return sorted;
    }

    private static DeadLetter deadLetter(SourceReading r, long clockMs, long nowMs, String why) {
        DeadLetter d = DeadLetter.of(
                DeadLetterReason.CLOCK_JUMP,
                "DataTime " + Instant.ofEpochMilli(r.timeMillis) + " is "
                        + (r.timeMillis - clockMs) / 60_000 + " min ahead of this source's clock ("
                        + Instant.ofEpochMilli(clockMs) + ") and " + why
                        + ": taken for a data logger clock glitch, so it did not close the source's windows",
                r.origin,
                ReadingPayload.of(r),
                nowMs);
        d.enterprise = r.enterprise;
        d.source = r.source;
        d.mn = r.mn;
        d.dataTimeMillis = r.timeMillis;
        return d;
    }
}
