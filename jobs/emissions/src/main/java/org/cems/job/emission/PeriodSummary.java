package org.cems.job.emission;

import java.util.HashMap;
import java.util.Map;

/** A source over one period: a summary per parameter code. A Flink POJO. */
public class PeriodSummary {
    public Map<String, CodeSummary> byCode = new HashMap<>();
    /** True when the data logger sent this period's values itself (CN 2051/2061/2031). */
    public boolean fromLogger;
    /** Minutes of an hour in which the source was stopped (corroborated): not missing, not emitting. */
    public int stoppedMinutes;

    public PeriodSummary() {}

    public Double mean(String code) {
        CodeSummary s = byCode.get(code);
        return s == null ? null : s.mean;
    }
}
