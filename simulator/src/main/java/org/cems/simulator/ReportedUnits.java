package org.cems.simulator;

import org.cems.core.formula.EmissionFormulas;
import org.cems.core.registry.Source;
import org.cems.core.registry.Units;
import org.cems.hj212.ParameterCodes;

/**
 * Writes a value in the unit the registry declares for the source (or the HJ 212-2017 default),
 * the way the job will read it back. The model works in flow m3/h, gases in mg/m3 and CO2 in %.
 */
final class ReportedUnits {
    private static final double SECONDS_PER_HOUR = 3600.0;

    private ReportedUnits() {}

    static double flow(Source source, double flowM3PerHour) {
        return Units.M3_PER_S.equals(unitOf(source, ParameterCodes.FLOW))
                ? flowM3PerHour / SECONDS_PER_HOUR
                : flowM3PerHour;
    }

    static double co2(Source source, double co2Pct) {
        return switch (unitOf(source, ParameterCodes.CO2)) {
            case Units.PCT -> co2Pct;
            case Units.PPM -> co2Pct * 1.0e4;
            default -> EmissionFormulas.pctToMgM3(co2Pct, Units.molarMass(ParameterCodes.CO2));
        };
    }

    /** A pollutant concentration; only gases with a molar mass can be declared in ppm. */
    static double concentration(Source source, String code, double mgM3) {
        if (Units.PPM.equals(unitOf(source, code))) {
            return mgM3 * EmissionFormulas.MOLAR_VOLUME_L_PER_MOL / Units.molarMass(code);
        }
        return mgM3;
    }

    /** The inverse of {@link #flow}: a reported flow in m3/h. */
    static double flowM3PerHour(Source source, double reported) {
        return Units.M3_PER_S.equals(unitOf(source, ParameterCodes.FLOW)) ? reported * SECONDS_PER_HOUR : reported;
    }

    /** The inverse of {@link #concentration}: a reported concentration in mg/m3. */
    static double concentrationMgM3(Source source, String code, double reported) {
        if (Units.PPM.equals(unitOf(source, code))) {
            return reported * Units.molarMass(code) / EmissionFormulas.MOLAR_VOLUME_L_PER_MOL;
        }
        return reported;
    }

    private static String unitOf(Source source, String code) {
        return source.units.getOrDefault(code, Units.defaultUnit(code));
    }
}
