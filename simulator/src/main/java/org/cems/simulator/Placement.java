package org.cems.simulator;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.cems.core.registry.Enterprise;
import org.cems.hj212.ParameterCodes;

/**
 * Where and when one scenario acts.
 *
 * @param fromMillis event time from which it acts: START after the run's first live reading, or the time given
 * @param point the point it targets: the source named, or for a device incident the device's outlet
 * @param enterprise the enterprise of {@code point}
 * @param pollutant a device incident's pollutant; null for a source scenario
 * @param unitPoints every point that sees the gas of the same unit as {@code point}, itself included
 * @param dataStepMillis how often {@code point} sends data: its minute interval under interval-Nm, else one minute
 * @param tickMillis event time between two ticks of the simulator ({@code --interval})
 * @param zone the registry's time zone: DataTime and the hour and day grids are local
 * @param noise the plant model's noise, for seeded variation
 */
record Placement(
        long fromMillis,
        MonitoringPoint point,
        Enterprise enterprise,
        String pollutant,
        List<MonitoringPoint> unitPoints,
        long dataStepMillis,
        long tickMillis,
        ZoneId zone,
        Noise noise) {
    static final long MINUTE_MILLIS = 60_000L;
    static final long HOUR_MILLIS = 3_600_000L;
    static final long DAY_MILLIS = 86_400_000L;

    boolean targets(MonitoringPoint p) {
        return p == point;
    }

    boolean inUnit(MonitoringPoint p) {
        return unitPoints.contains(p);
    }

    /** The first instant at or after {@code millis} on the local grid of {@code stepMillis} (a divisor of a day). */
    long nextOnGrid(long millis, long stepMillis) {
        long floor = floorOnGrid(millis, stepMillis);
        return floor == millis ? millis : floorOnGrid(millis + stepMillis, stepMillis);
    }

    /** The last instant at or before {@code millis} on the local grid of {@code stepMillis}. */
    long floorOnGrid(long millis, long stepMillis) {
        long offsetMillis =
                zone.getRules().getOffset(Instant.ofEpochMilli(millis)).getTotalSeconds() * 1000L;
        return Math.floorDiv(millis + offsetMillis, stepMillis) * stepMillis - offsetMillis;
    }

    /** Whether the tick at {@code atTickMillis} is the one that sends what happens at {@code instantMillis}. */
    boolean sendsAt(long instantMillis, long atTickMillis) {
        return instantMillis <= atTickMillis && instantMillis > atTickMillis - tickMillis;
    }

    /** The first tick at or after {@code millis}: ticks are whole multiples of the tick length. */
    long firstTickAtOrAfter(long millis) {
        return Math.floorDiv(millis + tickMillis - 1, tickMillis) * tickMillis;
    }

    /** The pollutant a value pattern acts on: SO2 where the point measures it, else its first pollutant. */
    String mainPollutant() {
        return point.pollutantRangesMgM3().containsKey(ParameterCodes.SO2)
                ? ParameterCodes.SO2
                : point.pollutantRangesMgM3().keySet().iterator().next();
    }
}
