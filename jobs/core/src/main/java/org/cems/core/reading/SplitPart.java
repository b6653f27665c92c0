package org.cems.core.reading;

/**
 * One part of a split HJ 212 upload (PNUM/PNO), as its own frame. Parts travel in separate
 * messages (a TCP gateway publishes and acknowledges each on its own), so they are joined later,
 * keyed by MN, on {@link #groupKey} = CN + DataTime (HJ 212-2017 Tables C.47-C.50). A Flink POJO.
 */
public class SplitPart {
    public String mn;
    public String groupKey;
    public int pno;
    public int pnum;
    public byte[] frame;
    public String origin;
    public long receivedMillis;

    public SplitPart() {}

    public SplitPart(String mn, String groupKey, int pno, int pnum, byte[] frame) {
        this.mn = mn;
        this.groupKey = groupKey;
        this.pno = pno;
        this.pnum = pnum;
        this.frame = frame;
    }
}
