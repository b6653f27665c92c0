package org.cems.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cems.core.reading.Reading;

/**
 * interval-Nm: the targeted point's logger sends minute data (CN 2051) every N minutes, its
 * MinInterval (HJ 212-2017 CN 1063/1064), instead of real-time data: each record averages the
 * real-time readings of its interval ({@link LoggerAverage}), has DataTime the interval's start
 * on the local N-minute grid, and goes out at the first tick at or after the interval's end.
 * It acts for the whole run: it is how the logger is configured, so START does not apply.
 */
final class MinuteData implements Scenario {
    static final Set<Integer> ALLOWED_MINUTES = Set.of(1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30);

    private final Placement at;
    private final long stepMillis;

    MinuteData(Placement at, int minutes) {
        this.at = at;
        this.stepMillis = minutes * Placement.MINUTE_MILLIS;
    }

    @Override
    public List<Upload> uploadsAt(MonitoringPoint point, long tickMillis, Gateway upstream) {
        if (!at.targets(point)) {
            return upstream.uploadsAt(point, tickMillis);
        }
        return minuteRecords(at, stepMillis, point, tickMillis, upstream);
    }

    /** What {@code upstream} sends at a tick with its real-time readings replaced by minute records of {@code stepMillis}. */
    static List<Upload> minuteRecords(
            Placement at, long stepMillis, MonitoringPoint point, long tickMillis, Gateway upstream) {
        List<Upload> out = new ArrayList<>();
        long end = at.floorOnGrid(tickMillis, stepMillis);
        if (at.sendsAt(end, tickMillis)) {
            Reading record = LoggerAverage.of(
                    point.mn(),
                    Reading.CN_MINUTE,
                    end - stepMillis,
                    LoggerAverage.realTime(point, end - stepMillis, end, upstream, at));
            if (record != null) {
                out.add(Upload.data(record));
            }
        }
        for (Upload u : upstream.uploadsAt(point, tickMillis)) {
            if (!u.isRealTime()) {
                out.add(u);
            }
        }
        return out;
    }
}
