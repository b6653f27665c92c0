package org.cems.connector.influxdb;

import org.apache.flink.annotation.PublicEvolving;

/** Which write endpoint the sink posts to. */
@PublicEvolving
public enum InfluxDbApi {
    /** {@code /write?db=&rp=&precision=}: InfluxDB 1.x, and the compatibility endpoint of 2.x and 3.x. */
    V1,
    /** {@code /api/v2/write?org=&bucket=&precision=}: InfluxDB 2.x, 3.x, 1.8+, VictoriaMetrics. */
    V2
}
