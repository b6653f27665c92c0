package org.cems.job.points;

import org.cems.connector.influxdb.InfluxPoint;

/** Field helpers shared by the point converters. */
final class Fields {
    private Fields() {}

    /** Adds a numeric field when there is a value; InfluxDB has no null, so absent means unknown. */
    static void optional(InfluxPoint.Builder p, String field, Double value) {
        if (value != null) {
            p.field(field, value);
        }
    }
}
