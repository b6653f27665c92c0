package org.cems.simulator;

import org.cems.core.reading.Reading;

/** The gas analyser of a point fails: its gas values are flagged D (fault) for 20 minutes. */
final class AnalyserFault extends FixedLengthChange {
    static final long LENGTH_MILLIS = 20 * Placement.MINUTE_MILLIS;

    AnalyserFault(Placement at) {
        super(at, LENGTH_MILLIS);
    }

    @Override
    void change(MonitoringPoint point, Reading reading, long timeMillis) {
        flag(reading, Instrument.GAS_ANALYSER, "D");
    }
}
