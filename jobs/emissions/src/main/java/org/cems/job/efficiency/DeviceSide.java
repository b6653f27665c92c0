package org.cems.job.efficiency;

import org.cems.core.reading.FacilityStatus;
import org.cems.job.emission.EmissionRecord;

/**
 * What one control device hears: an inlet or outlet emission record, the device's running
 * status as its station reported it (CN 2021), or whether it draws power (HJ 212-2025 ST=44). A Flink POJO.
 */
public class DeviceSide {
    public static final String INLET = "inlet";
    public static final String OUTLET = "outlet";
    public static final String STATUS = "status";
    /** A treatment facility's electricity (HJ 212-2025 ST=44) as a status: off when it draws no power ({@link DevicePowers}). */
    public static final String POWER = "power";

    public String enterprise;
    public String device;
    /** {@link #INLET}, {@link #OUTLET} (with {@link #record}), {@link #STATUS} or {@link #POWER} (with {@link #status}). */
    public String side;

    public EmissionRecord record;
    public FacilityStatus status;

    public DeviceSide() {}

    public String deviceKey() {
        return new DeviceId(enterprise, device).path();
    }
}
