package org.cems.job.decode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.cems.core.deadletter.DeadLetterMessage;
import org.cems.core.deadletter.DeadLetterReason;
import org.cems.job.quality.AccountingNote;

/**
 * Input the job could not use, with why (contract section 2, {@code cems.deadletter}). A Flink
 * POJO. The payload is kept as text, cut to {@link #MAX_PAYLOAD_CHARS} so a hostile
 * multi-megabyte message cannot blow up the dead-letter topic; {@code payloadBytes} tells its size.
 * {@code reason} holds the wire name of a {@link DeadLetterReason}: the quality counts are keyed by
 * it, and a String keys the same in every JVM.
 */
public class DeadLetter {
    public static final int MAX_PAYLOAD_CHARS = 64 * 1024;
    public static final String UNKNOWN = "unknown";

    public String reason;
    public String detail;
    public String origin;
    public String payload;
    public int payloadBytes;
    public boolean payloadTruncated;
    public long receivedMillis;
    /** Known when the payload was readable far enough to name its source; else {@link #UNKNOWN}. */
    public String enterprise = UNKNOWN;

    public String source = UNKNOWN;
    public String mn;
    /** The DataTime of the reading turned away, when it was readable that far; else null. */
    public Long dataTimeMillis;
    /** The events this one stands for in the {@code quality} counts: an hour's close notes a reason once for all its pollutants. */
    public int count = 1;

    public DeadLetter() {}

    public static DeadLetter of(
            DeadLetterReason reason, String detail, String origin, byte[] payload, long receivedMillis) {
        return of(reason.wireName(), detail, origin, payload, receivedMillis);
    }

    /** An accounting event for the {@code quality} counts; it never goes to the dead-letter topic. */
    public static DeadLetter of(
            AccountingNote note, String detail, String origin, byte[] payload, long receivedMillis) {
        return of(note.wireName(), detail, origin, payload, receivedMillis);
    }

    private static DeadLetter of(
            String reasonWireName, String detail, String origin, byte[] payload, long receivedMillis) {
        DeadLetter d = new DeadLetter();
        d.reason = reasonWireName;
        d.detail = detail;
        d.origin = origin;
        d.receivedMillis = receivedMillis;
        d.payloadBytes = payload == null ? 0 : payload.length;
        String text = payload == null
                ? ""
                : new String(payload, 0, Math.min(payload.length, MAX_PAYLOAD_CHARS * 4), StandardCharsets.UTF_8);
        d.payloadTruncated = text.length() > MAX_PAYLOAD_CHARS || d.payloadBytes > MAX_PAYLOAD_CHARS * 4;
        d.payload = text.length() > MAX_PAYLOAD_CHARS ? text.substring(0, MAX_PAYLOAD_CHARS) : text;
        return d;
    }

    /** As written to the dead-letter topic. */
    public DeadLetterMessage message() {
        DeadLetterReason r = DeadLetterReason.ofWireName(reason)
                .orElseThrow(
                        () -> new IllegalStateException("dead-letter reason " + reason + " is not in the catalogue"));
        return new DeadLetterMessage(
                r, detail, origin, Instant.ofEpochMilli(receivedMillis), mn, payload, payloadBytes, payloadTruncated);
    }
}
