package org.cems.job.points;

import java.util.List;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.job.incident.OpenIncident;

/**
 * Open incidents as {@code incident_open} points, one series per incident slot (enterprise,
 * source, device, pollutant, type: an alert engine keeps at most one incident of a slot open),
 * and their count per enterprise as {@code incident_count}. Written at processing time.
 */
public final class IncidentPoints {
    private IncidentPoints() {}

    /** The incident, open at {@code nowMillis}. */
    public static InfluxPoint open(OpenIncident i, long nowMillis) {
        return point(i, i.message, 1, nowMillis);
    }

    /** The marker that closes the incident's series at {@code nowMillis}. */
    public static InfluxPoint closed(OpenIncident i, String message, long nowMillis) {
        return point(i, message != null ? message : i.message, 0, nowMillis);
    }

    public static InfluxPoint count(String enterprise, List<OpenIncident> open, long nowMillis) {
        return InfluxPoint.measurement("incident_count")
                .tag("enterprise", enterprise)
                .field("open", (long) open.size())
                .field(
                        "critical",
                        open.stream().filter(i -> "critical".equals(i.severity)).count())
                .field(
                        "major",
                        open.stream().filter(i -> "major".equals(i.severity)).count())
                .field(
                        "warning",
                        open.stream().filter(i -> "warning".equals(i.severity)).count())
                .timeMillis(nowMillis)
                .build();
    }

    private static InfluxPoint point(OpenIncident i, String message, long open, long nowMillis) {
        InfluxPoint.Builder p = InfluxPoint.measurement("incident_open")
                .tag("enterprise", i.enterprise)
                .tag("source", i.source)
                .tag("device", i.device == null ? AlertPoints.NONE : i.device)
                .tag("pollutant", i.pollutant == null ? AlertPoints.NONE : i.pollutant)
                .tag("type", i.type)
                .tag("severity", i.severity)
                .field("id", i.id)
                .field("open", open)
                .field("opened_at", i.openedAtMillis)
                .field("open_minutes", i.openMinutes(nowMillis))
                .timeMillis(nowMillis);
        if (message != null) {
            p.field("message", message);
        }
        return p.build();
    }
}
