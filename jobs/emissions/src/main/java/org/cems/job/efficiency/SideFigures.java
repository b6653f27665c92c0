package org.cems.job.efficiency;

import org.cems.job.emission.EmissionRecord;

/**
 * What a device window needs of one side's emission record, and no more: the whole record (with
 * its tags) was most of the efficiency state. A Flink POJO.
 */
public class SideFigures {
    public Double concRefMgM3;
    public Double rateKgH;
    public Double massKg;
    public boolean valid;
    public int validCount;
    public int stoppedCount;

    public SideFigures() {}

    static SideFigures of(EmissionRecord r) {
        SideFigures f = new SideFigures();
        f.concRefMgM3 = r.concRefMgM3;
        f.rateKgH = r.rateKgH;
        f.massKg = r.massKg;
        f.valid = r.valid;
        f.validCount = r.validCount;
        f.stoppedCount = r.stoppedCount;
        return f;
    }

    /** Stopped (flag F) throughout the window, never valid. */
    boolean stopped() {
        return validCount == 0 && stoppedCount > 0;
    }
}
