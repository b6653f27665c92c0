package org.cems.simulator;

import org.cems.core.reading.Reading;

/** The gas analyser of a point fails: its gas values are flagged D (fault) for 20 minutes. */
final class AnalyserFault extends ReadingChange {
    static final long LENGTH_MILLIS = 20 * Placement.MINUTE_MILLIS;

    private final Placement at;

    AnalyserFault(Placement at) {
        this.at = at;
    }

    @Override
    boolean acts(MonitoringPoint point, long timeMillis) {
        return at.targets(point) && timeMillis >= at.fromMillis() && timeMillis < at.fromMillis() + LENGTH_MILLIS;
    }

    @Override
    void change(MonitoringPoint point, Reading reading, long timeMillis) {
        flag(reading, Instrument.GAS_ANALYSER, "D");
    }
}
