package org.cems.core.registry;

import java.util.List;
import java.util.Map;

/**
 * Units a gateway may report in, per parameter code. Without an override the HJ 212-2017
 * Table B.2 default applies: flue-gas flow a00000 in m3/s, gas concentrations in mg/m3.
 */
public final class Units {
    public static final String M3_PER_S = "m3/s";
    public static final String M3_PER_H = "m3/h";
    public static final String MG_PER_M3 = "mg/m3";
    public static final String PPM = "ppm";
    public static final String PCT = "pct";

    public static final String FLOW = "a00000";
    public static final String O2 = "a19001";
    public static final String CO2 = "a05001";

    private static final List<String> FLOW_UNITS = List.of(M3_PER_S, M3_PER_H);
    private static final List<String> GAS_UNITS = List.of(MG_PER_M3, PPM);
    private static final List<String> CO2_UNITS = List.of(MG_PER_M3, PPM, PCT);

    /** Molar masses (g/mol) for ppm conversion, HJ 212-2017 eq. (20); NOx is counted as NO2 (eq. 21/22). */
    private static final Map<String, Double> MOLAR_MASS_G_PER_MOL = Map.of(
            "a21026", 64.06,   // SO2
            "a21002", 46.005,  // NOx as NO2
            "a21003", 30.006,  // NO
            "a21004", 46.005,  // NO2
            "a21005", 28.01,   // CO
            "a05001", 44.01,   // CO2
            "a21001", 17.031,  // NH3
            "a21028", 34.08,   // H2S
            "a21024", 36.46);  // HCl

    private Units() {}

    public static String defaultUnit(String code) {
        return FLOW.equals(code) ? M3_PER_S : MG_PER_M3;
    }

    public static List<String> allowedFor(String code) {
        if (FLOW.equals(code)) {
            return FLOW_UNITS;
        }
        if (CO2.equals(code)) {
            return CO2_UNITS;
        }
        return MOLAR_MASS_G_PER_MOL.containsKey(code) ? GAS_UNITS : List.of(MG_PER_M3);
    }

    public static boolean isKnown(String code, String unit) {
        return allowedFor(code).contains(unit);
    }

    /** Molar mass in g/mol of a gas with a known code, or null. */
    public static Double molarMass(String code) {
        return MOLAR_MASS_G_PER_MOL.get(code);
    }
}
