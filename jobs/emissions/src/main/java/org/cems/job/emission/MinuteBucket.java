package org.cems.job.emission;

import java.util.ArrayList;
import java.util.List;

/**
 * What a source sent for one minute: real-time samples (CN 2011) summed, and the data logger's
 * own minute record (CN 2051) if it sent one. In state with {@link MinuteBucketSerializer}.
 */
public class MinuteBucket {
    public WindowStats realtime = new WindowStats();
    public WindowStats logger;
    /** DataTimes of the real-time samples, so a retransmitted sample never counts twice. */
    public List<Long> sampleTimes = new ArrayList<>();

    public MinuteBucket() {}
}
