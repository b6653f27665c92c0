package org.cems.job.carbon;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.cems.core.formula.EmissionFormulas;
import org.cems.core.registry.Source;
import org.cems.core.registry.SourceRef;
import org.cems.hj212.ParameterCodes;
import org.cems.job.emission.CodeSummary;
import org.cems.job.emission.PeriodSummary;

/**
 * CO2 from a CO2 CEMS (emission-formulas.md 2.1): the vol % is converted by eq. (20) on the way
 * in, the mass is eq. (33) like any pollutant (G = C × Q × 10^-6 kg/h), a day's mass the sum of
 * its valid hours. Where the unit reports its load: generation, and the intensity over the hours
 * that have both a counted CO2 and a load; with coal feed and its calorific value too: the coal
 * rates and the fuel-method CO2 (real-plant-data.md 7), each over the hours that have what it
 * needs, so numerator and denominator always cover the same time.
 */
public final class CarbonCalculator {
    private static final double KG_PER_T = 1000.0;

    private CarbonCalculator() {}

    /** The carbon record of a period, or null when it carries no CO2 and no load. */
    public static CarbonRecord record(
            PeriodSummary p,
            SourceRef ref,
            String window,
            long start,
            double windowHours,
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
        List<Slice> slices = new ArrayList<>();
        if (dayHours == null || dayHours.isEmpty()) {
            slices.add(Slice.of(p, windowHours));
        } else {
            dayHours.forEach(h -> slices.add(Slice.of(h, 1.0)));
        }
        addFromSlices(c, slices, source);
        return c;
    }

    private static void addFromSlices(CarbonRecord c, List<Slice> slices, Source source) {
        Sum energy = new Sum();
        Sum co2OfEnergyHours = new Sum();
        Sum energyOfCo2Hours = new Sum();
        Sum standardCoalT = new Sum();
        Sum energyOfCoalHours = new Sum();
        Sum fuelCo2T = new Sum();
        Sum cemsCo2OfFuelHours = new Sum();
        Sum fuelCo2OfCemsHours = new Sum();
        for (Slice s : slices) {
            Double mwh = s.loadMw == null ? null : s.loadMw * s.hours;
            energy.add(mwh);
            if (s.co2T != null && mwh != null) {
                co2OfEnergyHours.add(s.co2T);
                energyOfCo2Hours.add(mwh);
            }
            if (s.coalTH == null || s.ncvMjKg == null) {
                continue;
            }
            double coalT = s.coalTH * s.hours;
            double fuelT = EmissionFormulas.fuelCo2T(
                    coalT, s.ncvMjKg, source.effectiveCoalCarbonTcPerGj(), source.effectiveCoalOxidationPct());
            fuelCo2T.add(fuelT);
            if (s.co2T != null) {
                cemsCo2OfFuelHours.add(s.co2T);
                fuelCo2OfCemsHours.add(fuelT);
            }
            if (mwh != null && mwh > 0) {
                standardCoalT.add(EmissionFormulas.standardCoalT(coalT, s.ncvMjKg));
                energyOfCoalHours.add(mwh);
            }
        }
        c.energyMwh = energy.value;
        if (energyOfCo2Hours.positive()) {
            c.intensityTMwh = co2OfEnergyHours.value / energyOfCo2Hours.value;
        }
        if (energyOfCoalHours.positive()) {
            c.coalEnergyMwh = energyOfCoalHours.value;
            c.coalRateGrossGceKwh = EmissionFormulas.coalRateGcePerKwh(standardCoalT.value, energyOfCoalHours.value, 0);
            if (source.auxPowerPct != null) {
                c.coalRateNetGceKwh = EmissionFormulas.coalRateGcePerKwh(
                        standardCoalT.value, energyOfCoalHours.value, source.auxPowerPct);
            }
        }
        c.co2FuelT = fuelCo2T.value;
        if (fuelCo2OfCemsHours.positive()) {
            c.co2DiffPct = (cemsCo2OfFuelHours.value - fuelCo2OfCemsHours.value) / fuelCo2OfCemsHours.value * 100.0;
        }
    }

    /**
     * One hour of a day, or the period itself: its counted CO2 (a valid or substituted hour; an
     * invalid one counts no CO2 and so no energy in the intensity), mean load, coal feed and NCV.
     */
    private record Slice(Double co2T, Double loadMw, Double coalTH, Double ncvMjKg, double hours) {
        static Slice of(PeriodSummary p, double hours) {
            CodeSummary co2 = p.byCode.get(ParameterCodes.CO2);
            Double co2T = null;
            if (co2 != null && (co2.valid || co2.substituted)) {
                Double kg = co2.accountedKg != null ? co2.accountedKg : co2.massKg;
                co2T = kg == null ? null : kg / KG_PER_T;
            }
            return new Slice(
                    co2T,
                    p.mean(ParameterCodes.LOAD_MW),
                    p.mean(ParameterCodes.COAL_T_H),
                    p.mean(ParameterCodes.COAL_NCV_MJ_KG),
                    hours);
        }
    }

    /** A sum that stays null until something is added. */
    private static final class Sum {
        Double value;

        void add(Double x) {
            if (x != null) {
                value = (value == null ? 0 : value) + x;
            }
        }

        boolean positive() {
            return value != null && value > 0;
        }
    }
}
