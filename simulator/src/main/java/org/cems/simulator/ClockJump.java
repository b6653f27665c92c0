package org.cems.simulator;

import java.time.Instant;
import java.util.List;

/**
 * clock-jump: the targeted point's logger clock glitches twice. The data upload due at the first
 * data step at or after START (a minute, or the point's interval-Nm) is stamped 5 hours ahead; the
 * one due at the first step 30 minutes or more after that is stamped in the year 2099 (same local
 * date and time otherwise). Each carries the values of its true time; the true DataTime is not
 * sent at all, and the uploads around them are stamped right.
 */
final class ClockJump implements Scenario {
    static final long JUMP_AHEAD_MILLIS = 5 * Placement.HOUR_MILLIS;
    static final long SECOND_GLITCH_AFTER_MILLIS = 30 * Placement.MINUTE_MILLIS;
    static final int CORRUPTED_YEAR = 2099;

    private final Placement at;
    final long aheadMillis;
    final long corruptedYearMillis;

    ClockJump(Placement at) {
        this.at = at;
        this.aheadMillis = at.nextOnGrid(at.fromMillis(), at.dataStepMillis());
        this.corruptedYearMillis = at.nextOnGrid(aheadMillis + SECOND_GLITCH_AFTER_MILLIS, at.dataStepMillis());
    }

    @Override
    public List<Upload> uploadsAt(MonitoringPoint point, long tickMillis, Gateway upstream) {
        List<Upload> uploads = upstream.uploadsAt(point, tickMillis);
        if (!at.targets(point)) {
            return uploads;
        }
        boolean ahead = at.sendsAt(aheadMillis, tickMillis);
        boolean corrupted = at.sendsAt(corruptedYearMillis, tickMillis);
        for (Upload u : uploads) {
            if (u.isData() && ahead) {
                u.reading.timeMillis += JUMP_AHEAD_MILLIS;
            } else if (u.isData() && corrupted) {
                u.reading.timeMillis = Instant.ofEpochMilli(u.timeMillis())
                        .atZone(at.zone())
                        .withYear(CORRUPTED_YEAR)
                        .toInstant()
                        .toEpochMilli();
            }
        }
        return uploads;
    }
}
