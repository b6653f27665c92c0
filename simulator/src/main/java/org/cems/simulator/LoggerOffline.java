package org.cems.simulator;

import java.util.List;

/**
 * The data logger of a point sends nothing whose DataTime falls in a span (gateway-silent: 15
 * minutes from START; gap: 3 hours from the first full hour at or after START), then resumes.
 * The span is in DataTime, so with minute data the records of the span are the ones missing.
 */
final class LoggerOffline implements Scenario {
    static final long SILENT_MILLIS = 15 * Placement.MINUTE_MILLIS;
    static final long GAP_MILLIS = 3 * Placement.HOUR_MILLIS;

    private final Placement at;
    private final long fromMillis;
    private final long toMillis;

    private LoggerOffline(Placement at, long fromMillis, long lengthMillis) {
        this.at = at;
        this.fromMillis = fromMillis;
        this.toMillis = fromMillis + lengthMillis;
    }

    static LoggerOffline gatewaySilent(Placement at) {
        return new LoggerOffline(at, at.fromMillis(), SILENT_MILLIS);
    }

    static LoggerOffline gap(Placement at) {
        return new LoggerOffline(at, at.nextOnGrid(at.fromMillis(), Placement.HOUR_MILLIS), GAP_MILLIS);
    }

    @Override
    public List<Upload> uploadsAt(MonitoringPoint point, long tickMillis, Gateway upstream) {
        List<Upload> uploads = upstream.uploadsAt(point, tickMillis);
        if (at.targets(point)) {
            uploads.removeIf(u -> u.timeMillis() >= fromMillis && u.timeMillis() < toMillis);
        }
        return uploads;
    }
}
