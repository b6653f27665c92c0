package org.cems.core.reading;

/**
 * One facility's running status as a station reported it (HJ 212-2017 CN 2021, item
 * {@code SBxxx-RS}): 0 off, 1 running, 2 calibrating, 3 maintenance, 4 alarm, 5 blow-back.
 * The registry's {@code facilities} says what each SB number is at a source. A Flink POJO.
 */
public class FacilityStatus {
    public static final int OFF = 0;
    public static final int RUNNING = 1;
    public static final int BLOW_BACK = 5;

    public String mn;
    /** The facility's number as the station sends it, e.g. {@code SB1}. */
    public String facility;

    public long timeMillis;
    public int status;

    public FacilityStatus() {}

    public FacilityStatus(String mn, String facility, long timeMillis, int status) {
        this.mn = mn;
        this.facility = facility;
        this.timeMillis = timeMillis;
        this.status = status;
    }

    public boolean isOff() {
        return status == OFF;
    }

    /**
     * The facility is in operation: running, or blowing back (the routine cleaning pulse of a
     * running filter). Off, calibrating, maintenance and alarm are not operation.
     */
    public boolean isRunning() {
        return status == RUNNING || status == BLOW_BACK;
    }
}
