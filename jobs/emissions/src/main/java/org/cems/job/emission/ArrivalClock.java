package org.cems.job.emission;

/**
 * The time at which the records a task reads now arrived (their timestamp: Kafka's append or create
 * time; the processing time where a record has none), advancing with processing time between
 * records. A source is silent when this clock has moved past its last reading by the idle timeout:
 * while the job works off a backlog, the processing time between two readings of a source is the
 * backlog's, not the source's, and closing every source's minute, hour and day as idle made more
 * work than the backlog itself (at 100,000 sources the job read 300 records/s instead of 2,750).
 * One per task: not state, so after a restart it starts from the first record read.
 */
final class ArrivalClock {
    /** When the task first asked without having read a record: after a restart, the first timer. */
    private long firstAskedMs = -1;

    private boolean read;
    private long arrivalMs;
    private long processedMs;

    /** The task read a record that arrived at {@code arrivalMs}, at processing time {@code nowMs}. */
    void read(long arrivalMs, long nowMs) {
        this.read = true;
        this.arrivalMs = arrivalMs;
        this.processedMs = nowMs;
    }

    /**
     * The arrival time of what the task reads at processing time {@code nowMs}: the last record's,
     * plus the time since it was read. Before the first record, processing time once the task has
     * waited {@code graceMs} for one since it first asked (sources that send nothing after a
     * restart are silent), else null (their silence is not yet known).
     */
    Long now(long nowMs, long graceMs) {
        if (read) {
            return arrivalMs + (nowMs - processedMs);
        }
        if (firstAskedMs < 0) {
            firstAskedMs = nowMs;
        }
        return nowMs - firstAskedMs >= graceMs ? nowMs : null;
    }
}
