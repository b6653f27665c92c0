package org.cems.job.emission;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cems.core.normalize.Measure;
import org.cems.core.normalize.Pollutants;
import org.cems.core.normalize.SourceReading;
import org.cems.hj212.Parameter;
import org.cems.hj212.Parameter.Category;
import org.cems.hj212.ParameterCatalogue;
import org.cems.hj212.ParameterCodes;

/**
 * A source's parameters summed over one period, by parameter code: only the codes a window's
 * results are computed from (pollutants, flow, O2, unit load and coal); the rest (temperature,
 * pressure, moisture, velocity) have done their work in normalisation, and window state is what
 * grows with the number of sources.
 */
public class WindowStats {
    /** Besides the pollutants: the flow, the diluent O2 and the unit's process data (catalogue categories). */
    private static final Set<String> WINDOWED_CODES = ParameterCatalogue.standard().all().stream()
            .filter(p -> p.category() == Category.DILUENT
                    || p.category() == Category.PROCESS
                    || p.code().equals(ParameterCodes.FLOW))
            .map(Parameter::code)
            .collect(Collectors.toUnmodifiableSet());

    /** Every code windows keep, sorted: the codes {@link MinuteBucketSerializer} writes as one byte. */
    static final List<String> CODES = ParameterCatalogue.standard().all().stream()
            .map(Parameter::code)
            .filter(WindowStats::isWindowed)
            .distinct()
            .sorted()
            .toList();

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
            byCode.computeIfAbsent(e.getKey(), k -> new ParameterStats())
                    .add(m.value, m.refMgM3, m.valid, m.flag, m.couKg);
        }
    }
}
