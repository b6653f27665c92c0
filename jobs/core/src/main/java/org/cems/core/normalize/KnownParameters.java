package org.cems.core.normalize;

import java.util.Set;

import org.cems.core.registry.Units;

/**
 * Whether the job knows what a parameter code is: a pollutant, a gas with a molar mass, a flue-gas
 * condition, O2, flow or a unit operating value. A reading with none of these carries nothing the
 * job computes from, so it is a dead letter ({@code no_known_parameter}), not a reading that moves
 * its source's clock.
 */
public final class KnownParameters {
    private static final Set<String> OTHERS = Set.of(Units.FLOW, Units.O2, Units.CO2,
            Normalizer.MOISTURE, Normalizer.VELOCITY, Normalizer.TEMPERATURE, Normalizer.STATIC_PRESSURE, Normalizer.DUCT_AREA,
            ProcessCodes.LOAD_MW, ProcessCodes.COAL_T_H, ProcessCodes.COAL_NCV_MJ_KG);

    private KnownParameters() {}

    public static boolean isKnown(String code) {
        return Pollutants.isPollutant(code) || Units.molarMass(code) != null || OTHERS.contains(code);
    }
}
