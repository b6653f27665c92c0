package org.cems.hj212;

/**
 * What a packet is for, from its CN (HJ 212-2017 Table 9). Only {@link #DATA_UPLOAD} packets carry
 * readings; unknown CNs are {@link #OTHER} and are never mistaken for readings.
 */
public enum Hj212PacketKind {
    /** 2011 real-time, 2051 minute, 2061 hour, 2031 day data: these become readings. */
    DATA_UPLOAD,
    /** 2021 facility run status ({@code SBxxx-RS}), 2041 facility daily run time ({@code SBxxx-RT}). */
    FACILITY_STATUS,
    /** 9011 request answer, 9012 execution result, 9013 notify answer, 9014 data answer. */
    REPLY,
    /** 2012 stop real-time data, 2022 stop run status, 1013 time-calibration request. */
    NOTIFY,
    /** Parameter, control and query commands (1000-1072, 3011-3021, 2005-only 1001-1042). */
    COMMAND,
    /** 2081 data-logger restart time. */
    RESTART,
    /** Anything else, including reserved, vendor and HJ 212-2025 CNs this codec does not know. */
    OTHER;

    /** The kind of a CN; {@code null} or unknown gives {@link #OTHER}. */
    public static Hj212PacketKind of(String cn) {
        if (cn == null) {
            return OTHER;
        }
        return switch (cn) {
            case "2011", "2051", "2061", "2031" -> DATA_UPLOAD;
            case "2021", "2041" -> FACILITY_STATUS;
            case "9011", "9012", "9013", "9014" -> REPLY;
            case "2012", "2022", "1013" -> NOTIFY;
            case "2081" -> RESTART;
            case "1000", "1011", "1012", "1061", "1062", "1063", "1064", "1072",
                    "3011", "3012", "3013", "3014", "3015", "3016", "3017", "3018", "3019", "3020", "3021",
                    // HJ/T 212-2005 only: alarm limits, alarm target, report time (2005 Table 9)
                    "1001", "1021", "1022", "1031", "1032", "1041", "1042" -> COMMAND;
            default -> OTHER;
        };
    }
}
