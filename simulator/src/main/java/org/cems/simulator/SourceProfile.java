package org.cems.simulator;

import java.util.Map;

/**
 * What the flue gas of one kind of source looks like in normal operation. Concentrations are
 * dry, standard state, at the O2 actually present (not reference-O2), in mg/m3.
 *
 * @param stackMgM3 pollutants at the stack, after whatever controls the plant has
 * @param rawMgM3 pollutants before the control devices, as seen at an inlet point
 * @param o2Pct flue-gas O2 at the stack; null for gas that is not from combustion
 * @param co2Pct CO2 by volume at the stack; null for gas that is not from combustion
 * @param stackTemperatureC flue-gas temperature at the stack
 * @param moisturePct flue-gas moisture by volume
 * @param fullLoadFlowM3PerHour standard dry flow at full load, for a source without capacity_mw
 * @param flowM3PerHourPerMw standard dry flow at full load per MW, for a source with capacity_mw
 */
record SourceProfile(
        Map<String, Range> stackMgM3,
        Map<String, Range> rawMgM3,
        Range o2Pct,
        Range co2Pct,
        Range stackTemperatureC,
        Range moisturePct,
        double fullLoadFlowM3PerHour,
        double flowM3PerHourPerMw) {

    boolean isCombustion() {
        return o2Pct != null;
    }
}
