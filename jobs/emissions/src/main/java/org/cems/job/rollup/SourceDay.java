package org.cems.job.rollup;

/** One stack's accounted mass of one pollutant on one day, addressed to one KPI scope. A Flink POJO. */
public class SourceDay {
    public String scope;
    public String id;
    public String enterprise;
    public String source;
    public String pollutant;
    public long dayStartMillis;
    public double massKg;

    public SourceDay() {}

    /**
     * A scope's enterprises are split over this many shards, each summed on its own
     * ({@link YearToDateParts}): enough for the city's work to spread over the tasks of a small
     * cluster, few enough for their parts to be summed per day at once.
     */
    static final int SHARDS = 16;

    static final char SHARD_SEPARATOR = '#';

    /** The scope and the shard of this day's enterprise: all of an enterprise's sources meet in one. */
    public String shardKey() {
        return scope + ":" + id + SHARD_SEPARATOR + Math.floorMod(enterprise.hashCode(), SHARDS);
    }
}
