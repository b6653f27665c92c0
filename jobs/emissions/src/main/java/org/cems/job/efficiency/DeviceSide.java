package org.cems.job.efficiency;

import org.cems.job.emission.EmissionRecord;

/** An inlet or outlet emission record addressed to one control device. A Flink POJO. */
public class DeviceSide {
    public static final String INLET = "inlet";
    public static final String OUTLET = "outlet";

    public String enterprise;
    public String device;
    /** {@link #INLET} or {@link #OUTLET}. */
    public String side;
    public EmissionRecord record;

    public DeviceSide() {}

    public String deviceKey() {
        return new DeviceId(enterprise, device).path();
    }
}
