package org.cems.job.efficiency;

import java.util.Map;
import org.cems.core.registry.Device;
import org.cems.core.registry.DeviceType;

/**
 * The minimum efficiency and the allowed drop under baseline of a device: its registry
 * {@code alert} values, else the defaults of its type. The defaults are engineering values for
 * units in good order (ultra-low-emission FGD and dust collectors, SCR with 2-3 catalyst layers,
 * furnace-injection SNCR, thermal or catalytic VOCs oxidisers), not figures from a standard.
 */
public final class DeviceThresholds {
    public static final Map<DeviceType, Double> DEFAULT_MIN_EFFICIENCY_PCT = Map.of(
            DeviceType.FGD, 95.0,
            DeviceType.SCR, 80.0,
            DeviceType.SNCR, 40.0,
            DeviceType.ESP, 99.0,
            DeviceType.BAG, 99.5,
            DeviceType.WESP, 70.0,
            DeviceType.VOCS, 70.0);

    private DeviceThresholds() {}

    public static double minEfficiencyPct(Device d) {
        return d.alert.minEfficiencyPct != null
                ? d.alert.minEfficiencyPct
                : DEFAULT_MIN_EFFICIENCY_PCT.get(d.deviceType());
    }

    /** Percentage points under the baseline that count as a drop; {@code fallback} from the job config. */
    public static double maxDropPctPoints(Device d, double fallback) {
        return d.alert.maxDropPctPoints != null ? d.alert.maxDropPctPoints : fallback;
    }
}
