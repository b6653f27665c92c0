package org.cems.simulator;

import org.cems.core.reading.Reading;

/** An FGD slurry recirculation pump trips: outlet SO2 jumps to 12× for 30 minutes. */
final class FgdPumpTrip extends FixedLengthChange {
    static final long LENGTH_MILLIS = 30 * Placement.MINUTE_MILLIS;
    static final double TRIP_FACTOR = 12.0;

    FgdPumpTrip(Placement at) {
        super(at, LENGTH_MILLIS);
    }

    @Override
    void change(MonitoringPoint point, Reading reading, long timeMillis) {
        scale(reading, at.pollutant(), TRIP_FACTOR);
    }
}
