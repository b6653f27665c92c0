package org.cems.core.normalize;

import java.util.Set;

/** Parameter codes that are pollutants with an emitted mass (HJ 212-2017 Table B.2, Cou in kg). */
public final class Pollutants {
    public static final String SO2 = "a21026";
    public static final String NOX = "a21002";
    public static final String PARTICULATE = "a34013";
    public static final String NMHC = "a24088";
    public static final String CO2 = "a05001";

    private static final Set<String> WITH_MASS = Set.of(
            SO2, NOX, PARTICULATE, NMHC, CO2,
            "a21005",  // CO
            "a21024",  // HCl
            "a21018",  // fluoride
            "a21028",  // H2S
            "a24087",  // hydrocarbons
            "a20057"); // mercury

    private Pollutants() {}

    public static boolean isPollutant(String code) {
        return WITH_MASS.contains(code);
    }
}
