package org.cems.job.emission;

import org.cems.core.registry.Source;

/**
 * A source's minute-data interval (HJ 212-2017 MinInterval, CN 1063/1064: 1, 2, 3, 4, 5, 6, 10,
 * 12, 15, 20 or 30 minutes), learned from the spacing of its CN 2051 DataTimes: the first allowed
 * spacing seen, then any spacing seen twice in a row (a logger reconfigured from 1 to 10 minutes
 * is followed after its second 10-minute step; one lost record, a single 20-minute step, is not
 * taken for a new interval). The registry's {@code minute_interval} overrides it. A Flink POJO in state.
 */
public class MinuteInterval {
    public static final int UNKNOWN = 0;
    /** DataTime of the last 2051 record, or {@link Long#MIN_VALUE} before the first. */
    public long lastDataTime = Long.MIN_VALUE;

    public int lastSpacingMinutes = UNKNOWN;
    public int learnedMinutes = UNKNOWN;

    public MinuteInterval() {}

    /** Learns from the DataTime of one more 2051 record. */
    public void observe(long dataTimeMillis) {
        if (lastDataTime != Long.MIN_VALUE) {
            long spacingMs = Math.abs(dataTimeMillis - lastDataTime);
            if (spacingMs % WindowTimes.MINUTE_MS == 0
                    && Source.MINUTE_INTERVALS.contains((int) Math.min(spacingMs / WindowTimes.MINUTE_MS, 60))) {
                int spacing = (int) (spacingMs / WindowTimes.MINUTE_MS);
                if (learnedMinutes == UNKNOWN || spacing == lastSpacingMinutes) {
                    learnedMinutes = spacing;
                }
                lastSpacingMinutes = spacing;
            }
        }
        lastDataTime = dataTimeMillis;
    }

    /** The interval a 2051 record covers, minutes: the registry's, else the learned one, else 1. */
    public int minutes(Integer registryMinutes) {
        if (registryMinutes != null) {
            return registryMinutes;
        }
        return learnedMinutes == UNKNOWN ? 1 : learnedMinutes;
    }
}
