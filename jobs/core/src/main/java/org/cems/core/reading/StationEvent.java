package org.cems.core.reading;

/**
 * One value of a station upload that the job keeps besides readings and facility status
 * (HJ 212-2017 Table 9): a facility's daily run time (CN 2041, {@code SBxxx-RT}, hours), a data
 * logger restart (CN 2081, {@code RestartTime}) or one site-information item (CN 3020,
 * {@code xxxxxx-Info}). A Flink POJO.
 */
public class StationEvent {
    public String mn;
    /** 2041, 2081, 3020 or 9015 (2025 heartbeat, time its QN): what the other fields hold. */
    public String cn;
    /** 2041: the day (DataTime); 2081: when the logger started (RestartTime); 3020: DataTime. */
    public long timeMillis;
    /** 2041: the facility number ({@code SB1}); 3020: the information code ({@code i12001}); 2081: null. */
    public String code;
    /** 3020: the pollutant or parameter the information is about ({@code PolId}), when sent. */
    public String polId;
    /** 2041: run hours; 3020: the value when it is a number. */
    public Double value;
    /** 3020: the value when it is text (a log line, a name), without the {@code //} quotes. */
    public String text;

    public StationEvent() {}

    public StationEvent(String mn, String cn, long timeMillis, String code) {
        this.mn = mn;
        this.cn = cn;
        this.timeMillis = timeMillis;
        this.code = code;
    }
}
