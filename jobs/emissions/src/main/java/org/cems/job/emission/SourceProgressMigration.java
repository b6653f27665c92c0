package org.cems.job.emission;

import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;

/**
 * Builds a source's {@link SourceProgress} from the separate value states that savepoints taken
 * before it hold (issue 18), and clears them. Runs once per source: the first time the source is
 * processed after such a restore, or its first reading ever (then it finds nothing and writes
 * nothing). Can go once no savepoint of the separate states is kept.
 */
final class SourceProgressMigration {
    private final ValueState<Long> clock;
    private final ValueState<Long> closedUpTo;
    private final ValueState<Long> lastArrival;
    private final ValueState<Long> idleTimer;
    private final ValueState<MinuteInterval> interval;
    private final ValueState<Long> acceptedArrival;
    private final ValueState<Long> heldArrival;
    private final ValueState<Integer> oldClockVotes;

    SourceProgressMigration(RuntimeContext ctx) {
        clock = ctx.getState(new ValueStateDescriptor<>("clock", Long.class));
        closedUpTo = ctx.getState(new ValueStateDescriptor<>("closedUpTo", Long.class));
        lastArrival = ctx.getState(new ValueStateDescriptor<>("lastArrival", Long.class));
        idleTimer = ctx.getState(new ValueStateDescriptor<>("idleTimer", Long.class));
        interval = ctx.getState(new ValueStateDescriptor<>("minuteInterval", MinuteInterval.class));
        acceptedArrival = ctx.getState(new ValueStateDescriptor<>("clockGuardAcceptedArrival", Long.class));
        heldArrival = ctx.getState(new ValueStateDescriptor<>("clockGuardHeldArrival", Long.class));
        oldClockVotes = ctx.getState(new ValueStateDescriptor<>("clockGuardOldClockVotes", Integer.class));
    }

    /**
     * The current source's progress as the separate states left it.
     *
     * @param accounting the source's accounting state, whose first hour the progress copies
     * @param guard the clock guard, which counts the readings it holds
     */
    SourceProgress load(ValueState<EmissionAccounting> accounting, ClockJumpGuard guard) throws Exception {
        SourceProgress p = new SourceProgress();
        Long clockMs = clock.value();
        if (clockMs == null) {
            // every reading that wrote any of these states (or the accounting, or held readings)
            // moved the clock: a source without one is new
            return p;
        }
        EmissionAccounting a = accounting.value();
        if (a != null) {
            p.firstDataHourMs = a.firstHour;
        }
        p.guard.heldCount = guard.heldCount();
        p.clockMs = clockMs;
        // whether its logger periods' states hold any is not known without a look; the next expiry looks
        p.holdsLoggerHours = true;
        p.holdsLoggerDays = true;
        p.closedUpToMs = orElse(closedUpTo.value(), SourceProgress.LONG_AGO);
        p.lastArrivalMs = orElse(lastArrival.value(), SourceProgress.LONG_AGO);
        p.idleTimerMs = orElse(idleTimer.value(), SourceProgress.LONG_AGO);
        MinuteInterval learned = interval.value();
        if (learned != null) {
            p.interval.lastDataTime = learned.lastDataTime;
            p.interval.lastSpacingMinutes = learned.lastSpacingMinutes;
            p.interval.learnedMinutes = learned.learnedMinutes;
        }
        p.guard.acceptedArrivalMs = orElse(acceptedArrival.value(), SourceProgress.LONG_AGO);
        p.guard.heldArrivalMs = orElse(heldArrival.value(), SourceProgress.LONG_AGO);
        p.guard.oldClockVotes = orElse(oldClockVotes.value(), 0);
        clock.clear();
        closedUpTo.clear();
        lastArrival.clear();
        idleTimer.clear();
        interval.clear();
        acceptedArrival.clear();
        heldArrival.clear();
        oldClockVotes.clear();
        return p;
    }

    private static long orElse(Long value, long unset) {
        return value == null ? unset : value;
    }

    private static int orElse(Integer value, int unset) {
        return value == null ? unset : value;
    }
}
