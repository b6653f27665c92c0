package org.cems.job.emission;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.cems.core.normalize.Measure;
import org.cems.core.normalize.Pollutants;
import org.cems.core.normalize.ProcessCodes;
import org.cems.core.normalize.SourceReading;
import org.cems.core.registry.Units;

/**
 * A source's parameters summed over one period, by parameter code: only the codes a window's
 * results are computed from (pollutants, flow, O2, unit load and coal); the rest (temperature,
 * pressure, moisture, velocity) have done their work in normalisation, and window state is what
 * grows with the number of sources.
 */
public class WindowStats {
    private static final Set<String> WINDOWED_CODES = Set.of(Units.FLOW, Units.O2,
            ProcessCodes.LOAD_MW, ProcessCodes.COAL_T_H, ProcessCodes.COAL_NCV_MJ_KG);

    public Map<String, ParameterStats> byCode = new HashMap<>();

    public WindowStats() {}

    private static boolean isWindowed(String code) {
        return Pollutants.isPollutant(code) || WINDOWED_CODES.contains(code);
    }

    public void add(SourceReading r) {
        for (Map.Entry<String, Measure> e : r.measures.entrySet()) {
            if (!isWindowed(e.getKey())) {
                continue;
            }
            Measure m = e.getValue();
            byCode.computeIfAbsent(e.getKey(), k -> new ParameterStats()).add(m.value, m.refMgM3, m.valid, m.flag, m.couKg);
        }
    }
}
