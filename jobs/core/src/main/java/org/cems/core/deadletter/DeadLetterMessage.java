package org.cems.core.deadletter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One dead letter as it goes on the dead-letter topic: the one writer of its JSON, used by the
 * job, the job's InfluxDB rejected-points path and the TCP gateway, so one consumer reads them all.
 * Keyed by reason.
 *
 * @param origin           where the input came from, e.g. {@code kafka:topic/partition@offset},
 *                         {@code mqtt:topic}, {@code tcp:IP:PORT}, {@code influxdb}
 * @param mn               the MN, when the payload could be read far enough; else null
 * @param payload          the input as text, cut by the writer's caller; its passwords and keys are
 *                         hidden here ({@link PayloadSecrets}), whoever writes the dead letter
 * @param payloadBytes     the size of the whole input in bytes
 * @param payloadTruncated whether {@code payload} is only the start of it
 */
public record DeadLetterMessage(
        DeadLetterReason reason,
        String detail,
        String origin,
        Instant receivedTime,
        String mn,
        String payload,
        int payloadBytes,
        boolean payloadTruncated) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public DeadLetterMessage {
        payload = payload == null ? null : PayloadSecrets.hide(payload);
    }

    /** A dead letter whose payload is the whole of {@code payload}, with no MN. */
    public static DeadLetterMessage whole(
            DeadLetterReason reason, String detail, String origin, Instant receivedTime, String payload) {
        return new DeadLetterMessage(
                reason,
                detail,
                origin,
                receivedTime,
                null,
                payload,
                payload.getBytes(StandardCharsets.UTF_8).length,
                false);
    }

    public byte[] key() {
        return reason.wireName().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] json() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("reason", reason.wireName());
        o.put("detail", detail);
        o.put("origin", origin);
        o.put("received_time", receivedTime.toString());
        if (mn != null) {
            o.put("mn", mn);
        }
        o.put("payload", payload);
        o.put("payload_bytes", payloadBytes);
        if (payloadTruncated) {
            o.put("payload_truncated", true);
        }
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }
}
