package org.cems.job.efficiency;

/** The latest inlet and outlet figures of one device for one window. A Flink POJO. */
public class DeviceWindow {
    public SideFigures inlet;
    public SideFigures outlet;

    public DeviceWindow() {}

    /** The unit ran in the window: its outlet window exists and was not stopped (flag F throughout). */
    public boolean running() {
        return outlet != null && !outlet.stopped();
    }
}
