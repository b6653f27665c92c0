package org.cems.simulator;

/** A reading change at its placement's point, for a fixed length of event time from the placement's start. */
abstract class FixedLengthChange extends ReadingChange {
    final Placement at;
    private final long lengthMillis;

    FixedLengthChange(Placement at, long lengthMillis) {
        this.at = at;
        this.lengthMillis = lengthMillis;
    }

    @Override
    final boolean acts(MonitoringPoint point, long timeMillis) {
        return at.targets(point) && timeMillis >= at.fromMillis() && timeMillis < at.fromMillis() + lengthMillis;
    }
}
