package org.cems.job.emission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cems.core.formula.EmissionFormulas;
import org.cems.core.normalize.Pollutants;
import org.cems.core.registry.Source;
import org.cems.core.registry.SourceRef;
import org.cems.core.time.Window;
import org.cems.hj212.ParameterCodes;

/** Turns a period's summary into emission records, one per pollutant that had data. */
public final class EmissionCalculator {
    private EmissionCalculator() {}

    public static List<EmissionRecord> records(PeriodSummary p, SourceRef ref, String window, long windowStartMillis) {
        Source source = ref.source();
        Double o2Pct = p.mean(ParameterCodes.O2);
        Double flowM3H = p.mean(ParameterCodes.FLOW);
        boolean o2Capped = isO2Capped(o2Pct, source);
        List<EmissionRecord> out = new ArrayList<>();
        for (Map.Entry<String, CodeSummary> e : p.byCode.entrySet()) {
            String code = e.getKey();
            if (!Pollutants.isPollutant(code)) {
                continue;
            }
            CodeSummary c = e.getValue();
            EmissionRecord r = new EmissionRecord();
            r.enterprise = ref.enterprise().id;
            r.park = ref.enterprise().park;
            r.industry = ref.enterprise().industry;
            r.source = source.id;
            r.stack = source.isStack();
            r.pollutant = code;
            r.window = window;
            r.windowStartMillis = windowStartMillis;
            r.validCount = c.validCount;
            r.stoppedCount = c.stoppedCount;
            r.valid = c.valid;
            r.fromLogger = p.fromLogger;
            r.concMgM3 = c.mean;
            r.limitMgM3 = source.limitsMgM3.get(code);
            r.massKg = c.massKg;
            r.o2Capped = o2Capped;
            r.massLoggerKg = c.loggerKg;
            if (!Window.MINUTE.is(window)) {
                r.massAccountedKg = c.accountedKg;
                r.substituted = c.substituted;
            }
            if (c.mean != null) {
                r.concRefMgM3 = referenceConcentration(c.mean, o2Pct, c, source);
                if (flowM3H != null) {
                    r.flowM3H = flowM3H;
                    r.rateKgH = EmissionFormulas.rateKgPerHour(c.mean, flowM3H);
                }
            }
            // exceedance is judged on valid hourly reference-O2 averages (HJ 76 App. B; 发改价格[2014]536号);
            // an hour near ambient O2 (start-up, shut-down) is not judged, as marked data is not (MEE 公告 2022年第21号)
            if (Window.HOUR.is(window) && r.valid && !o2Capped && r.concRefMgM3 != null && r.limitMgM3 != null) {
                r.exceeded = r.concRefMgM3 > r.limitMgM3;
            }
            out.add(r);
        }
        return out;
    }

    /**
     * Eq. (28) applied to the period means of concentration and O2 (eq. 24: O2 is averaged like
     * the pollutants). Without measured O2, the mean of the gateway's own 折算 values stands in.
     */
    private static Double referenceConcentration(double concMgM3, Double o2Pct, CodeSummary c, Source source) {
        Double fromO2 = EmissionFormulas.referenceO2Capped(
                concMgM3, o2Pct, source.effectiveReferenceO2Pct(), source.effectiveO2CeilingPct());
        return fromO2 != null ? fromO2 : c.refMean;
    }

    /**
     * The period's mean O2 is above the source's ceiling (start-up, shut-down, air only): eq. (28)
     * runs with the ceiling instead and the period is marked (real-plant-data.md section 4).
     */
    private static boolean isO2Capped(Double o2Pct, Source source) {
        Double ceiling = source.effectiveO2CeilingPct();
        return o2Pct != null && ceiling != null && source.effectiveReferenceO2Pct() != null && o2Pct > ceiling;
    }
}
