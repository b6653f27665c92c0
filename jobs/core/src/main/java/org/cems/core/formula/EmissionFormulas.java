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

    /** Eq. (33): G (kg/h) = C (mg/m3, measured dry standard, not 折算) × Q (m3/h, standard dry) × 10^-6. */
    public static double rateKgPerHour(double measuredDryMgM3, double flowStdDryM3PerHour) {
        return measuredDryMgM3 * flowStdDryM3PerHour * 1.0e-6;
    }

    /** Mass emitted over a window at a constant rate: kg/h × hours. */
    public static double massKg(double rateKgPerHour, double windowHours) {
        return rateKgPerHour * windowHours;
    }
}
