package org.cems.job.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Alert events as the JSON of Kafka {@code cems.alerts} and MQTT {@code cems/alerts/...}; absent values are left out. */
public final class AlertJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertJson() {}

    public static byte[] bytes(AlertEvent a) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", a.id);
        o.put("type", a.type);
        o.put("severity", a.severity);
        o.put("state", a.state);
        o.put("enterprise", a.enterprise);
        o.put("source", a.source);
        optional(o, "device", a.device);
        optional(o, "pollutant", a.pollutant);
        optional(o, "mn", a.mn);
        if (a.value != null) {
            o.put("value", a.value);
        }
        if (a.threshold != null) {
            o.put("threshold", a.threshold);
        }
        optional(o, "unit", a.unit);
        o.put("message", a.message);
        o.put("time", Instant.ofEpochMilli(a.timeMillis).toString());
        o.put("start_time", Instant.ofEpochMilli(a.startMillis).toString());
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void optional(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }
}
