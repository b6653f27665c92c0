package org.cems.job.alert;

import java.time.Instant;

/** Builds the common part of alert events. */
final class AlertEvents {
    private AlertEvents() {}

    /** An event of the incident of {@code subject} that began at {@code startMillis}; its id is stable across both events. */
    static AlertEvent of(AlertType type, String state, String subject, long startMillis, long timeMillis) {
        AlertEvent a = new AlertEvent();
        a.type = type.code();
        a.severity = type.severity();
        a.state = state;
        a.id = type.code() + ":" + subject + ":" + Instant.ofEpochMilli(startMillis);
        a.startMillis = startMillis;
        a.timeMillis = timeMillis;
        return a;
    }
}
