package org.cems.simulator;

import org.cems.core.registry.DeviceType;

/**
 * How the gas at a control device's inlet differs from the stack: it is hotter, and it has less
 * O2 because air leaks in downstream (air preheater, ducts), so its standard dry flow is smaller.
 *
 * @param o2BelowStackPct how many O2 percentage points the inlet is below the stack
 * @param temperatureC flue-gas temperature at the inlet point
 */
record InletConditions(double o2BelowStackPct, Range temperatureC) {

    static InletConditions forDevice(DeviceType type) {
        return switch (type) {
            case SCR -> new InletConditions(0.8, new Range(320, 390));
            // SNCR injects into the furnace; its "inlet" point is usually the economiser outlet
            case SNCR -> new InletConditions(0.8, new Range(330, 400));
            case FGD -> new InletConditions(0.4, new Range(110, 140));
            case ESP, BAG -> new InletConditions(0.3, new Range(120, 150));
            case WESP -> new InletConditions(0.1, new Range(45, 55));
            case VOCS -> new InletConditions(0.0, new Range(25, 40));
        };
    }
}
