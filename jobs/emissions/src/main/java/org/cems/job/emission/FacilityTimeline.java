package org.cems.job.emission;

import java.util.Arrays;

/**
 * One facility's reported running status over time (CN 2021 {@code SBxxx-RS}): a status holds
 * from its DataTime until the facility's next report. A Flink POJO in state, kept short: reports
 * older than the allowed lateness go, except the last one before it, which still holds.
 */
public class FacilityTimeline {
    public long[] times = new long[0];
    public int[] statuses = new int[0];

    public FacilityTimeline() {}

    /** Adds a report in time order; a second report with the same DataTime replaces the first. */
    public void add(long timeMillis, int status) {
        int at = Arrays.binarySearch(times, timeMillis);
        if (at >= 0) {
            statuses[at] = status;
            return;
        }
        int insert = -at - 1;
        long[] t = new long[times.length + 1];
        int[] s = new int[statuses.length + 1];
        System.arraycopy(times, 0, t, 0, insert);
        System.arraycopy(statuses, 0, s, 0, insert);
        t[insert] = timeMillis;
        s[insert] = status;
        System.arraycopy(times, insert, t, insert + 1, times.length - insert);
        System.arraycopy(statuses, insert, s, insert + 1, statuses.length - insert);
        times = t;
        statuses = s;
    }

    /** The status reported last at or before {@code timeMillis}; null when none was. */
    public Integer statusAt(long timeMillis) {
        int at = Arrays.binarySearch(times, timeMillis);
        int index = at >= 0 ? at : -at - 2;
        return index < 0 ? null : statuses[index];
    }

    /** Drops reports that no period after {@code horizon} needs. */
    public void dropBefore(long horizon) {
        int at = Arrays.binarySearch(times, horizon);
        int keepFrom = Math.max(0, (at >= 0 ? at : -at - 1) - 1);
        if (keepFrom > 0) {
            times = Arrays.copyOfRange(times, keepFrom, times.length);
            statuses = Arrays.copyOfRange(statuses, keepFrom, statuses.length);
        }
    }
}
