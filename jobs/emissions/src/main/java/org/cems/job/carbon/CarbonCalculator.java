package org.cems.job.carbon;

import java.util.Collection;

import org.cems.core.formula.EmissionFormulas;
import org.cems.core.registry.Source;
import org.cems.core.registry.SourceRef;
import org.cems.hj212.ParameterCodes;
import org.cems.job.emission.CodeSummary;
import org.cems.job.emission.PeriodSummary;

/**
 * CO2 from a CO2 CEMS (emission-formulas.md 2.1): the vol % is converted by eq. (20) on the way
 * in, the mass is eq. (33) like any pollutant (G = C × Q × 10^-6 kg/h), a day's mass the sum of
 * its valid hours. Intensity is CO2 per generated MWh where the unit reports its load; the coal
 * rate needs coal feed and calorific value too.
 */
public final class CarbonCalculator {
    private static final double KG_PER_T = 1000.0;

    private CarbonCalculator() {}

    /** The carbon record of a period, or null when it carries no CO2 and no load. */
    public static CarbonRecord record(PeriodSummary p, SourceRef ref, String window, long start, double windowHours,
            Collection<PeriodSummary> dayHours) {
        CodeSummary co2 = p.byCode.get(ParameterCodes.CO2);
        Double loadMw = p.mean(ParameterCodes.LOAD_MW);
        if ((co2 == null || co2.mean == null) && loadMw == null) {
            return null;
        }
        Source source = ref.source();
        CarbonRecord c = new CarbonRecord();
        c.enterprise = ref.enterprise().id;
        c.park = ref.enterprise().park;
        c.industry = ref.enterprise().industry;
        c.source = source.id;
        c.window = window;
        c.windowStartMillis = start;
        Double flowM3H = p.mean(ParameterCodes.FLOW);
        if (co2 != null && co2.mean != null && flowM3H != null) {
            c.co2RateTH = EmissionFormulas.rateKgPerHour(co2.mean, flowM3H) / KG_PER_T;
        }
        // hours and days: the accounted mass (measured valid hours, eq. 34; substituted only if
        // accounting.substituted_pollutants names CO2, as HJ 75-2017 gives no CO2 rule), so hours sum to the day
        Double co2Kg = co2 == null ? null : co2.accountedKg != null ? co2.accountedKg : co2.massKg;
        if (co2Kg != null) {
            c.co2T = co2Kg / KG_PER_T;
        }
        c.loadMw = loadMw;
        c.energyMwh = dayHours == null ? (loadMw == null ? null : loadMw * windowHours) : energyOfHours(dayHours);
        if (c.co2T != null && c.energyMwh != null && c.energyMwh > 0) {
            c.intensityTMwh = c.co2T / c.energyMwh;
        }
        Double coal = p.mean(ParameterCodes.COAL_T_H);
        Double ncv = p.mean(ParameterCodes.COAL_NCV_MJ_KG);
        if (coal != null && ncv != null && loadMw != null && loadMw > 0) {
            double aux = source.auxPowerPct == null ? 0.0 : source.auxPowerPct;
            c.coalGceKwh = EmissionFormulas.coalRateGcePerKwh(coal, ncv, loadMw, aux);
        }
        return c;
    }

    /** A day's generation: the sum of its hours' mean load × 1 h, over the hours with a load. */
    private static Double energyOfHours(Collection<PeriodSummary> hours) {
        Double sum = null;
        for (PeriodSummary h : hours) {
            Double load = h.mean(ParameterCodes.LOAD_MW);
            if (load != null) {
                sum = (sum == null ? 0 : sum) + load;
            }
        }
        return sum;
    }
}
