package org.cems.job.alert;

/** One instrument flag's run on one point, in the point's event time. A Flink POJO. */
public class FlagRun {
    /** Time of the first reading of the current run with the flag; null while it is absent. */
    public Long flaggedSinceMillis;
    /** Time of the first reading without the flag since the alert fired; null while flagged. */
    public Long clearSinceMillis;
    public boolean firing;
    public long incidentStartMillis;

    public FlagRun() {}
}
