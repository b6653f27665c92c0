package org.cems.job.emission;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
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
    private transient ValueState<Long> acceptedArrival;
    private transient ListState<SourceReading> held;
    private transient ValueState<Long> heldArrival;
    private transient ValueState<Integer> oldClockVotes;

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
        acceptedArrival = ctx.getState(new ValueStateDescriptor<>("clockGuardAcceptedArrival", Long.class));
        held = ctx.getListState(new ListStateDescriptor<>("clockGuardHeld", JobTypes.SOURCE_READING));
        heldArrival = ctx.getState(new ValueStateDescriptor<>("clockGuardHeldArrival", Long.class));
        oldClockVotes = ctx.getState(new ValueStateDescriptor<>("clockGuardOldClockVotes", Integer.class));
    }

    /**
     * @param clockMs the source's clock (its newest DataTime, aggregates to their end), null before its first reading
     * @param nowMs the arrival (processing) time
     */
    Admission admit(SourceReading r, Long clockMs, long nowMs) throws Exception {
        List<SourceReading> pending = new ArrayList<>();
        held.get().forEach(pending::add);
        if (pending.isEmpty()) {
            if (clockMs != null && isJump(r, clockMs, nowMs)) {
                held.add(r);
                heldArrival.update(nowMs);
                oldClockVotes.update(0);
                return Admission.of(List.of());
            }
            acceptedArrival.update(nowMs);
            return Admission.of(List.of(r));
        }
        if (isNearHeld(r, pending, nowMs)) {
            pending.add(r);
            if (pending.size() <= settings.jumpConfirmations()) {
                held.add(r);
                heldArrival.update(nowMs);
                return Admission.of(List.of());
            }
            clear();
            acceptedArrival.update(nowMs);
            return Admission.of(inTimeOrder(pending));
        }
        if (isJump(r, clockMs, nowMs)) {
            return new Admission(
                    List.of(),
                    List.of(deadLetter(r, clockMs, nowMs, "an earlier jump of this source is still unconfirmed")));
        }
        acceptedArrival.update(nowMs);
        List<SourceReading> process = List.of(r);
        int votes = oldClockVotes.value() + 1;
        int confirmations = pending.size() - 1;
        if (votes < settings.jumpConfirmations() * (1 + confirmations)) {
            oldClockVotes.update(votes);
            return Admission.of(process);
        }
        clear();
        List<DeadLetter> rejected = new ArrayList<>();
        for (SourceReading jumped : pending) {
            rejected.add(deadLetter(jumped, clockMs, nowMs, votes + " readings after it stayed with the old clock"));
        }
        return new Admission(process, rejected);
    }

    private boolean isJump(SourceReading r, long clockMs, long nowMs) throws Exception {
        Long accepted = acceptedArrival.value();
        long elapsed = accepted == null ? 0 : Math.max(0, nowMs - accepted);
        return r.timeMillis > clockMs + elapsed + settings.jumpThresholdMs();
    }

    /** At or after the held jump (less the threshold), and not a further jump beyond the newest held reading. */
    private boolean isNearHeld(SourceReading r, List<SourceReading> pending, long nowMs) throws Exception {
        long newest = pending.stream().mapToLong(p -> p.timeMillis).max().orElseThrow();
        long elapsed = Math.max(0, nowMs - heldArrival.value());
        return r.timeMillis >= pending.get(0).timeMillis - settings.jumpThresholdMs()
                && r.timeMillis <= newest + elapsed + settings.jumpThresholdMs();
    }

    private void clear() {
        held.clear();
        heldArrival.clear();
        oldClockVotes.clear();
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
