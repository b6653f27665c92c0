package org.cems.core.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.cems.core.deadletter.DeadLetterReason;

/**
 * What a payload held besides readings: facility status (CN 2021) and the other station uploads a
 * platform keeps (2041 run time, 2081 restart, 3020 site information), with the rules their values
 * must meet. The HJ 212 and the JSON reader both fill it through the same rules; a value that
 * breaks one is a {@code bad_value} rejection of that value alone.
 */
public final class StationUploads {
    public static final String CN_FACILITY_STATUS = "2021";
    public static final String CN_FACILITY_RUN_TIME = "2041";
    public static final String CN_RESTART = "2081";
    public static final String CN_SITE_INFO = "3020";
    /** HJ 212-2025 heartbeat ({@link org.cems.hj212.Hj212PacketKind#HEARTBEAT}); read only from 2025 frames. */
    public static final String CN_HEARTBEAT = "9015";

    public static final Set<String> CNS = Set.of(CN_FACILITY_STATUS, CN_FACILITY_RUN_TIME, CN_RESTART, CN_SITE_INFO);
    private static final Pattern FACILITY = Pattern.compile("SB[0-9A-Za-z]+");
    /** The run-status codes of {@code SBxxx-RS}: 0 off ... 5 blow-back (hj212-protocol.md section 2.4). */
    private static final int MAX_STATUS = 5;

    private static final double HOURS_PER_DAY = 24;

    private final List<FacilityStatus> statuses = new ArrayList<>();
    private final List<StationEvent> events = new ArrayList<>();
    private final List<StationMeasurement> measurements = new ArrayList<>();

    public List<FacilityStatus> statuses() {
        return statuses;
    }

    public List<StationEvent> events() {
        return events;
    }

    /** HJ 212-2025 electricity, production conditions, VOCs raw data and furnace temperatures ({@link Hj2025Uploads}). */
    public List<StationMeasurement> measurements() {
        return measurements;
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    int size() {
        return statuses.size() + events.size() + measurements.size();
    }

    void addAll(StationUploads other) {
        statuses.addAll(other.statuses);
        events.addAll(other.events);
        measurements.addAll(other.measurements);
    }

    void measurement(StationMeasurement m) {
        measurements.add(m);
    }

    /** {@code SBxxx-RS}: one of the run-status codes, a whole number 0 to 5. */
    void status(String mn, long timeMillis, String facility, Double rs, String sent, List<Rejection> rejections) {
        if (!facilityName(mn, facility, rejections)) {
            return;
        }
        if (rs == null || rs != Math.rint(rs) || rs < 0 || rs > MAX_STATUS) {
            rejections.add(bad(facility + "-RS=" + sent + " from MN " + mn + " is not a run status (0 off, 1 running, "
                    + "2 calibrating, 3 maintenance, 4 alarm, 5 blow-back)"));
            return;
        }
        statuses.add(new FacilityStatus(mn, facility, timeMillis, rs.intValue()));
    }

    /** {@code SBxxx-RT}: hours the facility ran in the day, 0 to 24 (HJ 212-2017 Table 4). */
    void runTime(String mn, long dayMillis, String facility, Double hours, String sent, List<Rejection> rejections) {
        if (!facilityName(mn, facility, rejections)) {
            return;
        }
        if (hours == null || hours < 0 || hours > HOURS_PER_DAY) {
            rejections.add(
                    bad(facility + "-RT=" + sent + " from MN " + mn + " is not a number of hours in a day (0 to 24)"));
            return;
        }
        StationEvent e = new StationEvent(mn, CN_FACILITY_RUN_TIME, dayMillis, facility);
        e.value = hours;
        events.add(e);
    }

    /** {@code RestartTime}: when the data logger started. */
    void restart(String mn, long restartMillis) {
        events.add(new StationEvent(mn, CN_RESTART, restartMillis, null));
    }

    /** A 2025 heartbeat (CN 9015) sent at {@code sentMillis} (its QN). */
    void heartbeat(String mn, long sentMillis) {
        events.add(new StationEvent(mn, CN_HEARTBEAT, sentMillis, null));
    }

    /** {@code xxxxxx-Info}: a number, or text (logs are sent as {@code //text//}, HJ 212-2017 CN 3020). */
    void siteInfo(String mn, long timeMillis, String polId, String code, Double number, String sent) {
        StationEvent e = new StationEvent(mn, CN_SITE_INFO, timeMillis, code);
        e.polId = polId;
        if (number != null) {
            e.value = number;
        } else {
            e.text = sent.length() >= 4 && sent.startsWith("//") && sent.endsWith("//")
                    ? sent.substring(2, sent.length() - 2)
                    : sent;
        }
        events.add(e);
    }

    /** HJ 212-2017 Table 4 names a facility {@code SBxxx}: SB and its number, e.g. {@code SB1}. */
    public static boolean isFacilityNumber(String code) {
        return code != null && FACILITY.matcher(code).matches();
    }

    private static boolean facilityName(String mn, String facility, List<Rejection> rejections) {
        if (isFacilityNumber(facility)) {
            return true;
        }
        rejections.add(bad(ReadingJson.abbreviate(facility) + " from MN " + mn + " is not a facility (SBxxx)"));
        return false;
    }

    static Rejection bad(String detail) {
        return new Rejection(DeadLetterReason.BAD_VALUE, detail);
    }
}
