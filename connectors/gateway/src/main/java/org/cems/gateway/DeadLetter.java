package org.cems.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Input the gateway could not use, written to the dead-letter topic as the job writes its own
 * (reason, detail, origin, received_time, mn, payload, payload_bytes, payload_truncated), so one
 * consumer reads both. The payload's PW is hidden.
 *
 * @param origin        {@code tcp:IP:PORT} of the data logger
 * @param mn            the MN the frame names, or null when it cannot be read
 * @param payload       the frame text, or the codec's excerpt (at most 512 chars, control
 *                      characters escaped) when the frame could not be cut out of the stream
 * @param payloadBytes  size of {@code payload} in UTF-8 bytes
 */
record DeadLetter(String reason, String detail, String origin, Instant receivedTime, String mn,
                  String payload, int payloadBytes, boolean payloadTruncated) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Keyed by reason, as the job keys its dead letters. */
    byte[] key() {
        return reason.getBytes(StandardCharsets.UTF_8);
    }

    byte[] json() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("reason", reason);
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
