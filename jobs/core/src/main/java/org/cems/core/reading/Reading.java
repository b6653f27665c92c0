package org.cems.core.reading;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One message of a monitoring point: its MN, the HJ 212 command (2011 real-time, 2051 minute,
 * 2061 hour, 2031 day), the DataTime (for aggregates, the interval START) and the parameter values
 * keyed by HJ 212-2017 code. A Flink POJO.
 */
public class Reading {
    public static final String CN_REALTIME = "2011";
    public static final String CN_MINUTE = "2051";
    public static final String CN_HOUR = "2061";
    public static final String CN_DAY = "2031";

    public String mn;
    public String cn;
    public long timeMillis;
    public Map<String, ReadingValue> values = new LinkedHashMap<>();

    public Reading() {}

    public Reading(String mn, String cn, long timeMillis, Map<String, ReadingValue> values) {
        this.mn = mn;
        this.cn = cn;
        this.timeMillis = timeMillis;
        this.values = values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reading r
                && timeMillis == r.timeMillis
                && Objects.equals(mn, r.mn)
                && Objects.equals(cn, r.cn)
                && Objects.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mn, cn, timeMillis);
    }

    @Override
    public String toString() {
        return "Reading{mn=" + mn + ", cn=" + cn + ", time=" + timeMillis + ", values=" + values + "}";
    }
}
