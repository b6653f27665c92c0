package org.cems.connector.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;

/**
 * One message for people: an alert that fires or resolves. {@code id} + {@code state} identify it
 * (the sink sends each pair at most once per target while it remembers it). A Flink POJO.
 */
@PublicEvolving
public class Notification {
    public static final String FIRING = "firing";
    public static final String RESOLVED = "resolved";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The same for the firing and the resolved message of one incident. */
    public String id;
    /** {@link #FIRING} or {@link #RESOLVED}. */
    public String state;
    /** critical, major or warning: what routes match on. */
    public String severity;
    /** The alert type code, e.g. {@code exceedance}. */
    public String type;

    public String enterprise;
    /** The enterprise's name for people; its id when it has none. */
    public String enterpriseName;

    public String source;
    /** One line, e.g. 【超标】 or 【超标解除】 with the enterprise's name. */
    public String title;
    /** The full text, as the alert engine worded it. */
    public String message;
    /** When the state was reached (event time). */
    public long timeMillis;

    public Notification() {}

    public boolean firing() {
        return FIRING.equals(state);
    }

    /** What de-duplication keys on: the incident and its state. */
    public String dedupKey() {
        return id + "|" + state;
    }

    /** As a webhook receives it: snake_case keys, {@code time} as an ISO-8601 instant. */
    public String json() {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        o.put("state", state);
        o.put("severity", severity);
        o.put("type", type);
        o.put("enterprise", enterprise);
        o.put("enterprise_name", enterpriseName);
        o.put("source", source);
        o.put("title", title);
        o.put("message", message);
        o.put("time", Instant.ofEpochMilli(timeMillis).toString());
        return o.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Notification n)) {
            return false;
        }
        return timeMillis == n.timeMillis
                && Objects.equals(id, n.id)
                && Objects.equals(state, n.state)
                && Objects.equals(severity, n.severity)
                && Objects.equals(type, n.type)
                && Objects.equals(enterprise, n.enterprise)
                && Objects.equals(enterpriseName, n.enterpriseName)
                && Objects.equals(source, n.source)
                && Objects.equals(title, n.title)
                && Objects.equals(message, n.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, state);
    }

    @Override
    public String toString() {
        return "Notification{" + id + " " + state + "}";
    }
}
