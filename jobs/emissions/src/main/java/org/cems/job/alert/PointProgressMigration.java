package org.cems.job.alert;

import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;

/**
 * Builds a point's {@link PointProgress} from the separate value states that savepoints taken
 * before it hold (issue 18), and clears them. Runs once per point: the first time it is processed
 * after such a restore, or its first reading ever (then it finds nothing and writes nothing).
 * Can go once no savepoint of the separate states is kept.
 */
final class PointProgressMigration {
    private final ValueState<Long> newest;
    private final ValueState<Long> lastArrival;
    private final ValueState<Long> timer;
    private final ValueState<Long> clockChangingSince;
    private final ValueState<Long> clockFiringSince;

    PointProgressMigration(RuntimeContext ctx) {
        newest = ctx.getState(new ValueStateDescriptor<>("newest", Long.class));
        lastArrival = ctx.getState(new ValueStateDescriptor<>("lastArrival", Long.class));
        timer = ctx.getState(new ValueStateDescriptor<>("timer", Long.class));
        clockChangingSince = ctx.getState(new ValueStateDescriptor<>("clockChangingSince", Long.class));
        clockFiringSince = ctx.getState(new ValueStateDescriptor<>("clockFiringSince", Long.class));
    }

    /** The current point's progress as the separate states left it; the rules say what their own states hold. */
    PointProgress load(NoDataAlerts noData, InstrumentAlerts instrument) throws Exception {
        PointProgress p = new PointProgress();
        Long newestMs = newest.value();
        Long changingSince = clockChangingSince.value();
        Long firingSince = clockFiringSince.value();
        if (newestMs == null && changingSince == null && firingSince == null) {
            // every reading set the newest DataTime; a clock sample alone only the clock-skew values
            return p;
        }
        if (newestMs != null) {
            p.newestMs = newestMs;
            p.lastArrivalMs = orElse(lastArrival.value());
            p.noDataTimerMs = orElse(timer.value());
            p.noDataFiring = noData.firing();
            p.flagRuns = instrument.runsHeld();
        }
        p.clockChangingSinceMs = orElse(changingSince);
        p.clockFiringSinceMs = orElse(firingSince);
        newest.clear();
        lastArrival.clear();
        timer.clear();
        clockChangingSince.clear();
        clockFiringSince.clear();
        return p;
    }

    private static long orElse(Long value) {
        return value == null ? PointProgress.LONG_AGO : value;
    }
}
