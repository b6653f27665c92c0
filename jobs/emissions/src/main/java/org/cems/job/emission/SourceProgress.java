package org.cems.job.emission;

/**
 * A source's small running values, held as one state value that a reading reads and writes once.
 * As nine value states they were nine RocksDB lookups a reading, each in its own column family:
 * the largest cost of the windows' task at 100,000 sources (issue 18, docs/benchmark.md). In state
 * with {@link SourceProgressSerializer}; {@link SourceProgressMigration} builds it from the
 * separate states of earlier savepoints.
 */
final class SourceProgress {
    /** Each time's value while it has none (no reading yet, no timer armed): before any time, yet safe to subtract from. */
    static final long LONG_AGO = Long.MIN_VALUE / 4;

    /** The source's clock: its newest DataTime, aggregates to their end; {@link #LONG_AGO} before its first reading. */
    long clockMs = LONG_AGO;
    /** Its windows are closed up to here (its watermark); {@link #LONG_AGO} before its first reading. */
    long closedUpToMs = LONG_AGO;
    /** When its newest record arrived, on the {@link ArrivalClock}; {@link #LONG_AGO} before. */
    long lastArrivalMs = LONG_AGO;
    /** The idle timer armed for it, or {@link #LONG_AGO}. */
    long idleTimerMs = LONG_AGO;
    /**
     * Start of the first hour it sent data for ({@link Long#MAX_VALUE} before any): the copy of
     * {@link EmissionAccounting}'s, so that a reading need not read the accounting (hundreds of
     * bytes of maximum windows) to learn it. Both change together, in {@code SourceWindows}.
     */
    long firstDataHourMs = Long.MAX_VALUE;
    /** Its logger hours (CN 2061) or days (CN 2031) state holds any: where none, the windows do not look. */
    boolean holdsLoggerHours;

    boolean holdsLoggerDays;
    /** The spacing of its CN 2051 records. */
    final MinuteInterval interval = new MinuteInterval();
    /** The {@link ClockJumpGuard}'s values; its held readings are a list state of their own. */
    final Guard guard = new Guard();

    boolean hasClock() {
        return clockMs != LONG_AGO;
    }

    /** What {@link ClockJumpGuard} keeps of a source between readings. */
    static final class Guard {
        /** Arrival of the last reading it let through, or {@link SourceProgress#LONG_AGO}. */
        long acceptedArrivalMs = LONG_AGO;
        /** Arrival of the newest held reading, or {@link SourceProgress#LONG_AGO} while none is held. */
        long heldArrivalMs = LONG_AGO;
        /** How many readings are held (the list state is read only when there are some). */
        int heldCount;
        /** Readings near the old clock since the held jump. */
        int oldClockVotes;
    }
}
