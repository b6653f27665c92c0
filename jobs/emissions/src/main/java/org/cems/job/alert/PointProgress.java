package org.cems.job.alert;

/**
 * A monitoring point's small values of the rules {@link ReadingAlerts} runs, held as one state
 * value that a reading reads and writes once. As separate states they were nine RocksDB lookups
 * and four writes a reading (issue 18); what stays apart (the last reading, a firing no-data
 * event, the flag runs) is read only when these say it is there. In state with
 * {@link PointProgressSerializer}; {@link PointProgressMigration} builds it from the separate
 * states of earlier savepoints.
 */
final class PointProgress {
    /** Each time's value while it has none: before any time, yet safe to subtract from. */
    static final long LONG_AGO = Long.MIN_VALUE / 4;

    /** The newest DataTime of the point's readings, which the no-data and instrument rules judge by. */
    long newestMs = LONG_AGO;
    /** No data: when the point's last reading arrived (processing time). */
    long lastArrivalMs = LONG_AGO;
    /** No data: the timer armed for the point, or {@link #LONG_AGO}. */
    long noDataTimerMs = LONG_AGO;
    /** No data: an alert is firing (the event itself is a state of {@link NoDataAlerts}). */
    boolean noDataFiring;
    /** Instrument: one bit per flag that has a run in {@link InstrumentAlerts}' map state. */
    int flagRuns;
    /** Clock skew: arrival of the first reading of the current run that disagrees with the alert's state. */
    long clockChangingSinceMs = LONG_AGO;
    /** Clock skew: when the firing alert started, or {@link #LONG_AGO} while none fires. */
    long clockFiringSinceMs = LONG_AGO;
}
