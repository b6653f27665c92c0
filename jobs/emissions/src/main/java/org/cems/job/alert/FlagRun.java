package org.cems.job.alert;

/**
 * One abnormal condition's run in event time: an instrument flag on one point, or a treatment
 * facility without power. A Flink POJO.
 */
public class FlagRun {
    /** Time of the first reading of the current run with the flag (the condition); null while it is absent. */
    public Long flaggedSinceMillis;
    /** Time of the first reading without the flag since the alert fired; null while flagged. */
    public Long clearSinceMillis;

    public boolean firing;
    public long incidentStartMillis;

    public FlagRun() {}
}
