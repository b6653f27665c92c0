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

    public KpiRecord() {}
}
