package org.cems.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * retransmit: from the first data step at or after START (a minute, or the point's interval-Nm),
 * the targeted point's logger, which got no answer, sends its data upload again one step later
 * (the same upload twice); and it holds back everything it sends over the ten minutes (at least
 * one step) from two steps on, then delivers it 20 minutes after that window, late, next to its
 * current uploads.
 */
final class Retransmit implements Scenario {
    static final long HELD_AT_LEAST_MILLIS = 10 * Placement.MINUTE_MILLIS;
    static final long LATE_BY_MILLIS = 20 * Placement.MINUTE_MILLIS;

    private final Placement at;
    final long firstSentMillis;
    final long heldFromMillis;
    final long heldToMillis;
    final long deliveredLateMillis;

    Retransmit(Placement at) {
        this.at = at;
        long step = at.dataStepMillis();
        this.firstSentMillis = at.nextOnGrid(at.fromMillis(), step);
        this.heldFromMillis = firstSentMillis + 2 * step;
        this.heldToMillis = heldFromMillis + Math.max(HELD_AT_LEAST_MILLIS, step);
        this.deliveredLateMillis = heldToMillis + LATE_BY_MILLIS;
    }

    @Override
    public List<Upload> uploadsAt(MonitoringPoint point, long tickMillis, Gateway upstream) {
        if (!at.targets(point)) {
            return upstream.uploadsAt(point, tickMillis);
        }
        if (tickMillis >= heldFromMillis && tickMillis < heldToMillis) {
            return new ArrayList<>();
        }
        List<Upload> uploads = onTime(point, tickMillis, upstream);
        if (at.sendsAt(deliveredLateMillis, tickMillis)) {
            for (long t = at.firstTickAtOrAfter(heldFromMillis); t < heldToMillis; t += at.tickMillis()) {
                uploads.addAll(onTime(point, t, upstream));
            }
        }
        return uploads;
    }

    /** What the logger would send at a tick if nothing were held back: its uploads, and the repeat. */
    private List<Upload> onTime(MonitoringPoint point, long tickMillis, Gateway upstream) {
        List<Upload> uploads = upstream.uploadsAt(point, tickMillis);
        if (at.sendsAt(firstSentMillis + at.dataStepMillis(), tickMillis)) {
            for (Upload u : upstream.uploadsAt(point, at.firstTickAtOrAfter(firstSentMillis))) {
                if (u.isData()) {
                    uploads.add(u);
                }
            }
        }
        return uploads;
    }
}
