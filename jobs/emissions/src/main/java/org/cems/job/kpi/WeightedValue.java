package org.cems.job.kpi;

/**
 * One member's daily value of an indicator (a device's efficiency gain, a unit's coal rate) with
 * its weight in the scope's mean, addressed to one KPI scope. A Flink POJO.
 */
public class WeightedValue {
    public String scope;
    public String id;
    public String indicator;
    /** The device or unit, {@code enterprise/id}: its later value for a day replaces its earlier one. */
    public String member;

    public long dayStartMillis;
    public double value;
    public double weight;
    /** The registry's target of the indicator for the day's year, or null. */
    public Double target;

    public WeightedValue() {}

    public String kpiKey() {
        return scope + ":" + id + ":" + indicator;
    }
}
