package org.cems.job.rollup;

/**
 * How one stack's mass of one pollutant on one day changed its year-to-date figures, addressed to
 * one KPI scope: the change of its figures up to each of its days from that day on ({@link
 * SourceYearDays}). A Flink POJO.
 *
 * <p>A source's figures up to a day (mass, projection, covered days, and 1 for the source once it
 * has data) change only on the days it has data, so the change up to any day is that of the
 * latest step on or before it.
 */
public class SourceYearChange {
    /** Index of each figure in a step of {@link #stepFigures} (and in {@link YearToDateParts}' state). */
    static final int MASS_KG = 0;

    static final int PROJECTED_KG = 1;
    static final int COVERED_DAYS = 2;
    static final int SOURCES = 3;
    static final int FIGURES = 4;

    /**
     * A scope's enterprises are split over this many shards, each summed on its own
     * ({@link YearToDateParts}): enough for the city's work to spread over the tasks of a small
     * cluster, few enough for their parts to be summed per day at once.
     */
    static final int SHARDS = 16;

    static final char SHARD_SEPARATOR = '#';

    public String scope;
    public String id;
    public String enterprise;
    public String pollutant;
    /** The day whose mass changed: the first step. */
    public long dayStartMillis;
    /** The starts of the source's days from {@link #dayStartMillis} on, ascending. */
    public long[] stepDayStarts;
    /** {@link #FIGURES} per step: the change of the source's figures up to and including that day. */
    public double[] stepFigures;

    public SourceYearChange() {}

    /** The scope and the shard of this change's enterprise: all of an enterprise's sources meet in one. */
    public String shardKey() {
        return scope + ":" + id + SHARD_SEPARATOR + Math.floorMod(enterprise.hashCode(), SHARDS);
    }

    /** The step that holds the change up to the day starting at {@code dayStart}; -1 before the first. */
    int stepOf(long dayStart) {
        int step = -1;
        for (int i = 0; i < stepDayStarts.length && stepDayStarts[i] <= dayStart; i++) {
            step = i;
        }
        return step;
    }
}
