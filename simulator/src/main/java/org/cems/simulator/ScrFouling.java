package org.cems.simulator;

import org.cems.core.reading.Reading;

/**
 * A fouling SCR catalyst (ammonium bisulphate, ash): outlet NOx rises steadily to 4× over an
 * hour, stays there for 30 minutes, and is back to normal at once when the catalyst is changed.
 */
final class ScrFouling extends FixedLengthChange {
    static final long RAMP_MILLIS = 60 * Placement.MINUTE_MILLIS;
    static final long LENGTH_MILLIS = 90 * Placement.MINUTE_MILLIS;
    static final double FOULED_FACTOR = 4.0;

    ScrFouling(Placement at) {
        super(at, LENGTH_MILLIS);
    }

    @Override
    void change(MonitoringPoint point, Reading reading, long timeMillis) {
        double ramp = Math.min(1.0, (timeMillis - at.fromMillis()) / (double) RAMP_MILLIS);
        scale(reading, at.pollutant(), 1.0 + (FOULED_FACTOR - 1.0) * ramp);
    }
}
