package org.cems.core.registry;

import java.util.List;
import org.cems.hj212.Parameter;
import org.cems.hj212.ParameterCatalogue;

/**
 * Units a gateway may report in, per parameter code, from the parameter catalogue's {@code units}
 * column; without an override in the registry the first applies (the HJ 212-2017 Table B.2
 * default: flue-gas flow a00000 in m3/s, gas concentrations in mg/m3).
 */
public final class Units {
    public static final String M3_PER_S = "m3/s";
    public static final String M3_PER_H = "m3/h";
    public static final String MG_PER_M3 = "mg/m3";
    public static final String PPM = "ppm";
    public static final String PCT = "pct";

    private Units() {}

    /** The unit a code is reported in without an override, or null for a code the catalogue gives no units. */
    public static String defaultUnit(String code) {
        return ParameterCatalogue.standard()
                .find(code)
                .map(Parameter::defaultUnit)
                .orElse(null);
    }

    /** The units the registry may declare for a code; none for a code the catalogue gives no units. */
    public static List<String> allowedFor(String code) {
        return ParameterCatalogue.standard().find(code).map(Parameter::units).orElse(List.of());
    }

    public static boolean isKnown(String code, String unit) {
        return allowedFor(code).contains(unit);
    }

    /** Molar mass in g/mol of a gas with a known code, or null (HJ 212-2017 eq. 20; NOx as NO2). */
    public static Double molarMass(String code) {
        return ParameterCatalogue.standard()
                .find(code)
                .map(Parameter::molarMassGPerMol)
                .orElse(null);
    }
}
