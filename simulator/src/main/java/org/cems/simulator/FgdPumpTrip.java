package org.cems.simulator;

import org.cems.core.reading.Reading;

/** An FGD slurry recirculation pump trips: outlet SO2 jumps to 12× for 30 minutes. */
final class FgdPumpTrip extends ReadingChange {
    static final long LENGTH_MILLIS = 30 * Placement.MINUTE_MILLIS;
    static final double TRIP_FACTOR = 12.0;

    private final Placement at;

    FgdPumpTrip(Placement at) {
        this.at = at;
    }

    @Override
    boolean acts(MonitoringPoint point, long timeMillis) {
        return at.targets(point) && timeMillis >= at.fromMillis() && timeMillis < at.fromMillis() + LENGTH_MILLIS;
    }

    @Override
    void change(MonitoringPoint point, Reading reading, long timeMillis) {
        scale(reading, at.pollutant(), TRIP_FACTOR);
    }
}
