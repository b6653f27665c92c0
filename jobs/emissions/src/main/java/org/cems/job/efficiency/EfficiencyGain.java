package org.cems.job.efficiency;

/** One device's daily efficiency gain over its baseline, addressed to a KPI scope. A Flink POJO. */
public class EfficiencyGain {
    public String scope;
    public String id;
    public String device;
    public long dayStartMillis;
    /** (efficiency − baseline) / baseline × 100. */
    public double gainPct;

    public EfficiencyGain() {}

    public String scopeKey() {
        return scope + ":" + id;
    }
}
