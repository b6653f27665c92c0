package org.cems.job.incident;

import org.cems.job.alert.AlertEvent;

/**
 * An incident that fired and has not resolved: what the duty officer's table shows. A Flink POJO
 * in state (its serializer takes added and removed fields across a savepoint).
 */
public class OpenIncident {
    public String id;
    public String type;
    public String severity;
    public String enterprise;
    public String source;
    public String device;
    public String pollutant;
    public String mn;
    public String message;
    /** When the incident began (the alert's start, its engine's time: data time, or processing time for no_data and clock_skew). */
    public long openedAtMillis;

    public OpenIncident() {}

    static OpenIncident of(AlertEvent firing) {
        OpenIncident i = new OpenIncident();
        i.id = firing.id;
        i.type = firing.type;
        i.severity = firing.severity;
        i.enterprise = firing.enterprise;
        i.source = firing.source;
        i.device = firing.device;
        i.pollutant = firing.pollutant;
        i.mn = firing.mn;
        i.message = firing.message;
        i.openedAtMillis = firing.startMillis;
        return i;
    }

    /** Whole minutes from the incident's start to {@code nowMillis}; 0 when the start lies ahead (a replay, a skewed clock). */
    public long openMinutes(long nowMillis) {
        return Math.max(0, (nowMillis - openedAtMillis) / 60_000L);
    }
}
