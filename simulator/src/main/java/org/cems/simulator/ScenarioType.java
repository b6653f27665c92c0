package org.cems.simulator;

import java.util.function.Function;
import org.cems.core.registry.DeviceType;

/**
 * One entry of {@link ScenarioCatalog}: the name {@code --scenario} takes, the line {@code --help}
 * shows, what it targets, and how it is placed.
 *
 * @param deviceType the device type it targets (TARGET is a device id), or null: it targets a source
 */
record ScenarioType(String name, String summary, DeviceType deviceType, Function<Placement, Scenario> factory) {

    static ScenarioType onSource(String name, String summary, Function<Placement, Scenario> factory) {
        return new ScenarioType(name, summary, null, factory);
    }

    static ScenarioType onDevice(
            String name, DeviceType deviceType, String summary, Function<Placement, Scenario> factory) {
        return new ScenarioType(name, summary, deviceType, factory);
    }
}
