package org.cems.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.cems.core.reading.Reading;

/**
 * One message a gateway sends: a data upload (CN 2011 real-time, 2051 minute, 2061 hour, 2031 day)
 * or a station upload (2021 facility status, 2041 facility run time, 2081 restart time, 3020 site
 * information). Numbers sit in {@link #reading}'s values; items that are text on the wire (a
 * facility's {@code SB1-RS}, {@code i12001-Info}, or a broken value such as {@code a21026-Rtd=NaN})
 * in {@link #textItems}. Mutable: every tick builds its uploads afresh, so a scenario may change them.
 */
final class Upload {
    static final String CN_FACILITY_STATUS = "2021";
    static final String CN_FACILITY_RUN_TIME = "2041";
    static final String CN_RESTART_TIME = "2081";
    static final String CN_SITE_INFO = "3020";
    static final String CN_REAL_TIME = Reading.CN_REALTIME;
    static final String ST_ELECTRICITY = "44";
    static final String ST_PRODUCTION_CONDITIONS = "45";
    private static final Set<String> DATA_CNS =
            Set.of(Reading.CN_REALTIME, Reading.CN_MINUTE, Reading.CN_HOUR, Reading.CN_DAY);

    /** MN, CN, DataTime (for minute, hour and day data the interval's start) and the numeric items. */
    final Reading reading;
    /** Code to suffix (HJ 212 spelling: Rtd, Avg, RS, Info) to the text sent, which may be empty or not a number. */
    final Map<String, Map<String, String>> textItems = new LinkedHashMap<>();
    /** CN 2081: when the data logger was switched on; null otherwise. */
    Long restartTimeMillis;
    /** CN 3020: the monitored parameter the site information is about; null otherwise. */
    String polId;
    /** The system code (ST) when not flue gas: HJ 212-2025 ST=44 electricity, ST=45 production conditions. */
    String st;

    private Upload(Reading reading) {
        this.reading = reading;
    }

    static Upload data(Reading reading) {
        return new Upload(reading);
    }

    /** A station upload of a CN other than data, with no items yet. */
    static Upload station(String mn, String cn, long dataTimeMillis) {
        return new Upload(new Reading(mn, cn, dataTimeMillis, new LinkedHashMap<>()));
    }

    Upload textItem(String code, String suffix, String text) {
        textItems.computeIfAbsent(code, c -> new LinkedHashMap<>()).put(suffix, text);
        return this;
    }

    String mn() {
        return reading.mn;
    }

    String cn() {
        return reading.cn;
    }

    long timeMillis() {
        return reading.timeMillis;
    }

    boolean isData() {
        return DATA_CNS.contains(reading.cn) && st == null;
    }

    boolean isRealTime() {
        return Reading.CN_REALTIME.equals(reading.cn) && st == null;
    }

    @Override
    public String toString() {
        return "Upload{" + reading + (textItems.isEmpty() ? "" : ", text=" + textItems)
                + (restartTimeMillis == null ? "" : ", restart=" + restartTimeMillis)
                + (polId == null ? "" : ", polId=" + polId)
                + (st == null ? "" : ", st=" + st) + "}";
    }
}
