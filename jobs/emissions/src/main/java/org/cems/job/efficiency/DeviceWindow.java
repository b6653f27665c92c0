package org.cems.job.efficiency;

import org.cems.job.emission.EmissionRecord;

/** The latest inlet and outlet records of one device for one window. A Flink POJO. */
public class DeviceWindow {
    public EmissionRecord inlet;
    public EmissionRecord outlet;
    /** Processing time of the last update, for state cleanup. */
    public long updatedMillis;

    public DeviceWindow() {}

    /** The unit ran in the window: its outlet window exists and was not stopped (flag F throughout). */
    public boolean running() {
        return outlet != null && !(outlet.validCount == 0 && outlet.stoppedCount > 0);
    }
}
