package org.cems.job.emission;

import java.time.Instant;
import java.time.ZoneId;

/** Where minute, hour and day windows start: minutes and hours in epoch time, days in the registry's zone. */
public final class WindowTimes {
    public static final long MINUTE_MS = 60_000L;
    public static final long HOUR_MS = 3_600_000L;

    private WindowTimes() {}

    /** Start of the {@code unit}-long window holding {@code t} (also before 1970). */
    public static long floor(long t, long unit) {
        return t - Math.floorMod(t, unit);
    }

    /** Start of the local day holding {@code t}. */
    public static long dayStart(long t, ZoneId zone) {
        return Instant.ofEpochMilli(t)
                .atZone(zone)
                .toLocalDate()
                .atStartOfDay(zone)
                .toInstant()
                .toEpochMilli();
    }

    /** Start of the local day after the one starting at {@code dayStart} (23 or 25 hours where clocks change). */
    public static long nextDayStart(long dayStart, ZoneId zone) {
        return Instant.ofEpochMilli(dayStart)
                .atZone(zone)
                .toLocalDate()
                .plusDays(1)
                .atStartOfDay(zone)
                .toInstant()
                .toEpochMilli();
    }
}
