package org.cems.job.emission;

import java.util.HashMap;
import java.util.Map;

import org.cems.core.normalize.Measure;
import org.cems.core.normalize.SourceReading;

/** A source's parameters summed over one period, by parameter code. A Flink POJO. */
public class WindowStats {
    public Map<String, ParameterStats> byCode = new HashMap<>();

    public WindowStats() {}

    public void add(SourceReading r) {
        for (Map.Entry<String, Measure> e : r.measures.entrySet()) {
            Measure m = e.getValue();
            byCode.computeIfAbsent(e.getKey(), k -> new ParameterStats()).add(m.value, m.refMgM3, m.valid, m.flag);
        }
    }
}
