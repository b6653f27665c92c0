package org.cems.job.rate;

import static org.cems.job.emission.WindowTimes.MINUTE_MS;

import org.cems.core.registry.Source;

/**
 * How many records a source owes in an hour (传输应收量): one per interval of the time it ran.
 * Stopped time leaves the denominator as in HJ 75-2017's capture rate α = (H − H_停运 − H_invalid)
 * / (H − H_停运) and the marking rules (MEE 公告 2022年第21号: 停运-marked data is not judged);
 * the official 应收量 denominators were not found (real-plant-data.md §1, §5). Stops are those the
 * windows corroborate (flag F with no flow or load, a production facility off, the registry's
 * {@code stop_schedule}).
 */
final class ExpectedRecords {
    static final int MINUTES_PER_HOUR = 60;

    private ExpectedRecords() {}

    /** Records due in an hour of which {@code stoppedMinutes} were stopped, at {@code intervalMinutes}, rounded half up. */
    static long perHour(int intervalMinutes, int stoppedMinutes) {
        int running = Math.max(0, MINUTES_PER_HOUR - stoppedMinutes);
        return Math.round(running / (double) intervalMinutes);
    }

    /**
     * The interval of a source the job has no record of in the hour: the registry's
     * {@code minute_interval}, else the one its records had, else 1 minute (HJ 212-2017 default).
     */
    static int interval(Source source, Integer lastSeenMinutes) {
        if (source.minuteInterval != null) {
            return source.minuteInterval;
        }
        return lastSeenMinutes != null ? lastSeenMinutes : 1;
    }

    /** Records due in an hour the source sent nothing for: all of it, less its registry stop schedule. */
    static long silentHour(Source source, long hourStartMillis, Integer lastSeenMinutes) {
        int stopped = 0;
        for (int m = 0; m < MINUTES_PER_HOUR; m++) {
            if (source.scheduledStop(hourStartMillis + m * MINUTE_MS)) {
                stopped++;
            }
        }
        return perHour(interval(source, lastSeenMinutes), stopped);
    }
}
