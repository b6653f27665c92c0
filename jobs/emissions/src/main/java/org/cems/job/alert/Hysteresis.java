package org.cems.job.alert;

/**
 * Fire-once, resolve-once state of one alert subject over whole sub-periods (minutes, hours),
 * taken in event-time order: it fires after {@code sustain} abnormal sub-periods with no normal
 * one between them, and resolves after {@code hold} normal ones with no abnormal one between
 * them. Sub-periods that say nothing (unit stopped, data invalid) neither count nor reset, so
 * flapping input gives one FIRING and, once it is really over, one RESOLVED. A Flink POJO.
 */
public class Hysteresis {
    public enum Change {
        NONE,
        FIRED,
        RESOLVED
    }

    public boolean firing;
    /** Consecutive sub-periods against the current state (abnormal while quiet, normal while firing). */
    public int run;
    /** Start of the first sub-period of the current run. */
    public long runStartMillis;
    /** Start of the incident being reported (the first abnormal sub-period of the run that fired). */
    public long incidentStartMillis;

    public Hysteresis() {}

    public Change observe(boolean abnormal, long periodStartMillis, int sustain, int hold) {
        boolean against = abnormal != firing;
        if (!against) {
            run = 0;
            return Change.NONE;
        }
        if (run == 0) {
            runStartMillis = periodStartMillis;
        }
        run++;
        if (!firing && run >= sustain) {
            firing = true;
            run = 0;
            incidentStartMillis = runStartMillis;
            return Change.FIRED;
        }
        if (firing && run >= hold) {
            firing = false;
            run = 0;
            return Change.RESOLVED;
        }
        return Change.NONE;
    }
}
