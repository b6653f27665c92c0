package org.cems.job.rollup;

/** One indicator of the plan at one time: the {@code kpi} measurement. A Flink POJO; nulls are not written. */
public class KpiRecord {
    public String scope;
    public String id;
    public String indicator;
    public long timeMillis;
    public double value;
    public Double target;
    public Double baseline;
    public Double progressPct;
    /** Year-to-date indicators: the share of the year's days (1 January to this day) the sources' data covers, %. */
    public Double coveragePct;

    public KpiRecord() {}
}
