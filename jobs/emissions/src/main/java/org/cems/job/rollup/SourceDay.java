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

    public String scopeKey() {
        return scope + ":" + id;
    }
}
