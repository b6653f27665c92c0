package org.cems.core.formula;

/**
 * The flue-gas equations of HJ 212-2017 Appendix D.2 (which cites HJ/T 75-2007 and HJ/T 76-2007).
 * Concentrations in mg/m3, O2 and moisture in volume %, flows in m3/h, rates in kg/h.
 */
public final class EmissionFormulas {
    /** Molar volume of an ideal gas at 273.15 K and 101.325 kPa, L/mol (eq. 20). */
    public static final double MOLAR_VOLUME_L_PER_MOL = 22.4;
    /** O2 in dry air, % (eq. 27/28). */
    public static final double AIR_O2_PCT = 21.0;

    private EmissionFormulas() {}

    /** Standard state of HJ 212-2017 eq. (18)/(31): 273 K (as printed) and 101 325 Pa. */
    public static final double STANDARD_TEMPERATURE_K = 273.0;

    public static final double STANDARD_PRESSURE_PA = 101_325.0;
    private static final double SECONDS_PER_HOUR = 3600.0;

    /**
     * Eq. (18): working-state to standard-state concentration (same wet/dry basis),
     * Csn = Cs × 101325 / (Ba + Ps) × (273 + ts) / 273.
     *
     * @param ambientPa Ba, ambient pressure at the CEMS, Pa
     * @param staticPa Ps, flue static pressure, Pa
     * @param flueTempC ts, flue temperature, °C
     */
    public static double toStandardState(double working, double ambientPa, double staticPa, double flueTempC) {
        return working
                * STANDARD_PRESSURE_PA
                / (ambientPa + staticPa)
                * (STANDARD_TEMPERATURE_K + flueTempC)
                / STANDARD_TEMPERATURE_K;
    }

    /**
     * Eq. (30) and (31): standard-dry flow from the flue-gas velocity,
     * Qsh = 3600 × F × Vs (working, wet), Qsnh = Qsh × 273/(273 + ts) × (Ba + Ps)/101325 × (1 − Xsw).
     *
     * @return the standard-dry flow, m3/h
     */
    public static double standardDryFlowM3PerHour(
            double velocityMPerS,
            double areaM2,
            double flueTempC,
            double ambientPa,
            double staticPa,
            double moisturePct) {
        double workingM3PerHour = SECONDS_PER_HOUR * areaM2 * velocityMPerS;
        return workingM3PerHour
                * STANDARD_TEMPERATURE_K
                / (STANDARD_TEMPERATURE_K + flueTempC)
                * (ambientPa + staticPa)
                / STANDARD_PRESSURE_PA
                * (1.0 - moisturePct / 100.0);
    }

    /** Eq. (20): C(mg/m3) = M / 22.4 × C(ppm), at standard state. */
    public static double ppmToMgM3(double ppm, double molarMassGPerMol) {
        return molarMassGPerMol / MOLAR_VOLUME_L_PER_MOL * ppm;
    }

    /** Eq. (20) for a volume fraction in %: 1 % = 10^4 ppm (CO2 CEMS report vol %). */
    public static double pctToMgM3(double pct, double molarMassGPerMol) {
        return ppmToMgM3(pct * 1.0e4, molarMassGPerMol);
    }

    /** Eq. (19): C_dry = C_wet / (1 − Xsw), Xsw the moisture as a fraction (here given in %). */
    public static double wetToDry(double wet, double moisturePct) {
        return wet / (1.0 - moisturePct / 100.0);
    }

    /**
     * Eq. (28): C_ref = C_dry × (21 − O2_ref) / (21 − O2_dry). Null when the measured O2 is at or
     * above 21 % (air only: the correction is undefined) or when there is no reference O2
     * (Appendix D.2.3(4): then the reference value is the dry-standard value).
     */
    public static Double referenceO2(double dryMgM3, Double o2DryPct, Double referenceO2Pct) {
        if (referenceO2Pct == null) {
            return dryMgM3;
        }
        if (o2DryPct == null || o2DryPct >= AIR_O2_PCT) {
            return null;
        }
        return dryMgM3 * (AIR_O2_PCT - referenceO2Pct) / (AIR_O2_PCT - o2DryPct);
    }

    /**
     * Eq. (28) with the O2 capped at {@code o2CeilingPct}: near ambient O2 (start-up, shut-down) the
     * correction would blow up (5 mg/m3 at 20.5 % O2 becomes 150 at 6 % reference), so the ceiling
     * stands in for the measured O2, as the diluent cap of 40 CFR 75 Appendix F does. Null where
     * {@link #referenceO2} is null; without a ceiling it is {@link #referenceO2}.
     */
    public static Double referenceO2Capped(
            double dryMgM3, Double o2DryPct, Double referenceO2Pct, Double o2CeilingPct) {
        boolean capped = o2DryPct != null && o2CeilingPct != null && o2DryPct > o2CeilingPct;
        return referenceO2(dryMgM3, capped ? o2CeilingPct : o2DryPct, referenceO2Pct);
    }

    /** Sea-level pressure and the troposphere's lapse rate and exponent of the standard atmosphere (ISO 2533:1975). */
    private static final double SEA_LEVEL_KPA = 101.325;

    private static final double LAPSE_PER_M = 0.0065 / 288.15;
    private static final double BAROMETRIC_EXPONENT = 5.25588;

    /**
     * Ambient pressure at an altitude by the barometric formula of the ISO 2533 standard atmosphere
     * (troposphere, also ICAO and US Standard Atmosphere 1976): p = 101.325 × (1 − 0.0065 h / 288.15)^5.25588 kPa.
     * Ordos at 1,300 m: 86.6 kPa. A site's measured pressure is better where it is known.
     */
    public static double pressureAtAltitudeKpa(double altitudeM) {
        return SEA_LEVEL_KPA * Math.pow(1.0 - LAPSE_PER_M * altitudeM, BAROMETRIC_EXPONENT);
    }

    /** Eq. (33): G (kg/h) = C (mg/m3, measured dry standard, not 折算) × Q (m3/h, standard dry) × 10^-6. */
    public static double rateKgPerHour(double measuredDryMgM3, double flowStdDryM3PerHour) {
        return measuredDryMgM3 * flowStdDryM3PerHour * 1.0e-6;
    }

    /** Molar mass ratio CO2 / C, 44/12. */
    public static final double CO2_PER_C = 44.0 / 12.0;
    /** Standard coal (标准煤): 29.3076 MJ/kg (7000 kcal/kg). */
    public static final double STANDARD_COAL_MJ_PER_KG = 29.3076;

    /**
     * Coal rate in gce/kWh: coal burnt, as standard coal, per kWh: b = B × NCV / 29.3076 / W. Per
     * generated kWh it is the gross rate (发电煤耗); per supplied kWh, W_gen × (1 − ξ_aux), the net
     * rate (供电煤耗): b_s = b_g / (1 − ξ_aux) (real-plant-data.md 7, DL/T 904 convention).
     */
    public static double coalRateGcePerKwh(double standardCoalT, double generatedMwh, double auxPowerPct) {
        return standardCoalT * 1.0e6 / (generatedMwh * 1000.0 * (1.0 - auxPowerPct / 100.0));
    }

    /** Coal as standard coal (标准煤), t: B × NCV / 29.3076 MJ/kg. */
    public static double standardCoalT(double coalT, double ncvMjPerKg) {
        return coalT * ncvMjPerKg / STANDARD_COAL_MJ_PER_KG;
    }

    /**
     * CO2 of burnt coal by the fuel method of the power-sector GHG accounting guideline
     * (《企业温室气体排放核算与报告指南 发电设施》): E = FC × NCV × CC × OF × 44/12, t (FC t,
     * NCV GJ/t = MJ/kg, CC tC/GJ, OF a fraction; real-plant-data.md 7).
     */
    public static double fuelCo2T(double coalT, double ncvMjPerKg, double carbonTcPerGj, double oxidationPct) {
        return coalT * ncvMjPerKg * carbonTcPerGj * oxidationPct / 100.0 * CO2_PER_C;
    }

    /** Mass emitted over a window at a constant rate: kg/h × hours. */
    public static double massKg(double rateKgPerHour, double windowHours) {
        return rateKgPerHour * windowHours;
    }
}
