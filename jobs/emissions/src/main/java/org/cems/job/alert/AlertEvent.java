package org.cems.job.alert;

/**
 * One alert event (contract section 2: Kafka {@code cems.alerts}, MQTT
 * {@code cems/alerts/{enterprise}/{source}}, InfluxDB {@code alert}). An incident gives exactly
 * two: {@code firing}, then {@code resolved} with the same id (lower case, as Alertmanager and the
 * Grafana dashboards have it). A Flink POJO; null fields are left out.
 */
public class AlertEvent {
    public static final String FIRING = "firing";
    public static final String RESOLVED = "resolved";

    /** type:subject:start (start as ISO-8601 instant): the same for both events of an incident. */
    public String id;
    /** One of {@link AlertType}'s codes. */
    public String type;
    /** critical, major or warning; the same for both events of an incident. */
    public String severity;

    public String state;
    public String enterprise;
    public String source;
    public String device;
    public String pollutant;
    public String mn;
    /** The value that fired or resolved the alert, in {@link #unit}. */
    public Double value;

    public Double threshold;
    /** %, mg/m3 or min. */
    public String unit;

    public String message;
    /** Event time at which the state was reached (data time, not wall time). */
    public long timeMillis;
    /** Event time at which the incident began (the first abnormal sub-period). */
    public long startMillis;

    public AlertEvent() {}
}
