package org.cems.hj212;

/**
 * What a packet is for, from its CN (HJ 212-2017 Table 9) and, for HJ 212-2025, its ST. Only
 * {@link #DATA_UPLOAD} packets carry pollutant readings; unknown CNs are {@link #OTHER} and are
 * never mistaken for readings.
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
    /**
     * Parameter, control and query commands (1000-1072, 3011-3021, 2005-only 1001-1042; 2025 also
     * 1002 set MN, 3022 instant sample retention, 3024 start standard check).
     */
    COMMAND,
    /** 2081 data-logger restart time. */
    RESTART,
    /**
     * HJ 212-2025: ST=44 electricity monitoring with a data CN (2011, 2051, 2061, 2031): {@code d2xxxx}
     * production-facility and {@code d3xxxx} treatment-facility codes, see {@link Hj2025Codes}.
     */
    FACILITY_POWER,
    /**
     * HJ 212-2025: ST=45 key production conditions with a data CN: {@code pxxxxx} codes whose
     * values are condition marks (text, e.g. {@code St}), see {@link Hj2025Codes}.
     */
    PRODUCTION_CONDITION,
    /** HJ 212-2025: 2013 raw monitoring data (VOCs with ST=27: retention time, peak area, spectrum). */
    RAW_DATA,
    /** HJ 212-2025: 2111 furnace temperature 5-minute mean (waste incineration, {@code a01901-Avg}). */
    FURNACE_TEMPERATURE,
    /** HJ 212-2025: 9015 heartbeat. */
    HEARTBEAT,
    /** HJ 212-2025: 1001 data-logger hardware serial at network activation, see {@link HardwareSerial}. */
    REGISTRATION,
    /** HJ 212-2025: 1014 new SM4 key (logger asks, or host sets {@code NewSK}), see {@link Sm4DataArea#newKey}. */
    KEY_CHANGE,
    /** Anything else, including reserved and vendor CNs (and 2025 ones such as 2052, 2062). */
    OTHER;

    /** ST=44 electricity monitoring (HJ 212-2025). */
    public static final String ST_ELECTRICITY = "44";
    /** ST=45 key production conditions (HJ 212-2025). */
    public static final String ST_PRODUCTION_CONDITIONS = "45";

    /** The kind of a CN as HJ 212-2017 and 2005 define it; {@code null} or unknown gives {@link #OTHER}. */
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
            case "1000",
                    "1011",
                    "1012",
                    "1061",
                    "1062",
                    "1063",
                    "1064",
                    "1072",
                    "3011",
                    "3012",
                    "3013",
                    "3014",
                    "3015",
                    "3016",
                    "3017",
                    "3018",
                    "3019",
                    "3020",
                    "3021",
                    // HJ/T 212-2005 only: alarm limits, alarm target, report time (2005 Table 9)
                    "1001",
                    "1021",
                    "1022",
                    "1031",
                    "1032",
                    "1041",
                    "1042" -> COMMAND;
            default -> OTHER;
        };
    }

    /**
     * The kind of a packet of this edition. 2005 and 2017 packets: {@link #of(String)}. HJ 212-2025
     * packets add the 2025 CNs, and ST=44 / ST=45 turn data CNs into {@link #FACILITY_POWER} /
     * {@link #PRODUCTION_CONDITION}: those items are not pollutant readings.
     */
    public static Hj212PacketKind of(String st, String cn, Hj212Edition edition) {
        Hj212PacketKind byCn = of(cn);
        if (edition != Hj212Edition.HJ212_2025 || cn == null) {
            return byCn;
        }
        if (byCn == DATA_UPLOAD && ST_ELECTRICITY.equals(st)) {
            return FACILITY_POWER;
        }
        if (byCn == DATA_UPLOAD && ST_PRODUCTION_CONDITIONS.equals(st)) {
            return PRODUCTION_CONDITION;
        }
        return switch (cn) {
            case "2013" -> RAW_DATA;
            case "2111" -> FURNACE_TEMPERATURE;
            case "9015" -> HEARTBEAT;
            case "1001" -> REGISTRATION;
            case "1014" -> KEY_CHANGE;
            case "1002", "3022", "3024" -> COMMAND;
            default -> byCn;
        };
    }

    /** Whether items of this kind are measurements at a DataTime (so DataTime is required with items). */
    public boolean timedItems() {
        return switch (this) {
            case DATA_UPLOAD, FACILITY_STATUS, FACILITY_POWER, PRODUCTION_CONDITION, RAW_DATA, FURNACE_TEMPERATURE ->
                true;
            default -> false;
        };
    }
}
