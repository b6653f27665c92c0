package org.cems.core.normalize;

import org.cems.hj212.ParameterCatalogue;

/** Parameter codes that are pollutants with an emitted mass: category {@code pollutant} of the parameter catalogue. */
public final class Pollutants {

    private Pollutants() {}

    public static boolean isPollutant(String code) {
        return ParameterCatalogue.standard().isPollutant(code);
    }
}
