package org.cems.connector.influxdb;

import org.apache.flink.annotation.PublicEvolving;

/**
 * The time unit of timestamps on the wire. It is always sent explicitly, since servers disagree
 * on the default (nanoseconds on 1.x/2.x, auto-detection on some 3.x endpoints).
 */
@PublicEvolving
public enum WritePrecision {
    NANOSECONDS("n", "ns"),
    MICROSECONDS("u", "us"),
    MILLISECONDS("ms", "ms"),
    /** Truncates milliseconds: points less than a second apart in one series replace each other. */
    SECONDS("s", "s");

    private final String v1Code;
    private final String v2Code;

    WritePrecision(String v1Code, String v2Code) {
        this.v1Code = v1Code;
        this.v2Code = v2Code;
    }

    /** The {@code precision} query parameter for the given API. */
    String code(InfluxDbApi api) {
        return api == InfluxDbApi.V1 ? v1Code : v2Code;
    }

    long fromMillis(long epochMillis) {
        switch (this) {
            case NANOSECONDS:
                return Math.multiplyExact(epochMillis, 1_000_000L);
            case MICROSECONDS:
                return Math.multiplyExact(epochMillis, 1_000L);
            case SECONDS:
                return Math.floorDiv(epochMillis, 1_000L);
            default:
                return epochMillis;
        }
    }
}
