package org.cems.core.reading;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import org.cems.core.deadletter.DeadLetterReason;
import org.cems.hj212.Sm4Keys;

/**
 * Turns a payload from MQTT or Kafka into readings. The format is detected per message (contract
 * section 1): text starting with {@code ##} is HJ 212, text starting with {@code {} or {@code [}
 * is JSON. Never throws: whatever cannot be read comes back as a rejection with a reason.
 */
public final class PayloadDecoder {
    private final int maxPayloadBytes;
    private final ReadingJson json;
    private final Hj212Readings hj212;

    public PayloadDecoder(ZoneId zone, int maxPayloadBytes) {
        this(zone, maxPayloadBytes, Sm4Keys.none());
    }

    /** With the SM4 keys of HJ 212-2025 loggers whose encrypted frames arrive directly over MQTT or Kafka. */
    public PayloadDecoder(ZoneId zone, int maxPayloadBytes, Sm4Keys sm4Keys) {
        this.maxPayloadBytes = maxPayloadBytes;
        this.json = new ReadingJson(zone);
        this.hj212 = new Hj212Readings(zone, sm4Keys);
    }

    public DecodedPayload decode(byte[] payload) {
        try {
            return decodeChecked(payload);
        } catch (RuntimeException unexpected) {
            // a decoder bug must not stop the job: the payload goes to the dead letters instead
            return rejected(DeadLetterReason.DECODER_ERROR, unexpected.toString());
        }
    }

    /** Joins all parts of one split HJ 212 upload into its readings; never throws. */
    public DecodedPayload assembleSplit(List<SplitPart> parts) {
        try {
            return hj212.assemble(parts);
        } catch (RuntimeException unexpected) {
            return rejected(DeadLetterReason.DECODER_ERROR, unexpected.toString());
        }
    }

    private DecodedPayload decodeChecked(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return rejected(DeadLetterReason.EMPTY_PAYLOAD, "the payload is empty");
        }
        if (payload.length > maxPayloadBytes) {
            return rejected(
                    DeadLetterReason.PAYLOAD_TOO_LARGE,
                    payload.length + " bytes, more than the limit of " + maxPayloadBytes);
        }
        int start = firstNonWhitespace(payload);
        if (start == payload.length) {
            return rejected(DeadLetterReason.EMPTY_PAYLOAD, "the payload is only white space");
        }
        byte first = payload[start];
        if (first == '#') {
            return hj212.decode(payload);
        }
        if (first != '{' && first != '[') {
            return rejected(DeadLetterReason.UNKNOWN_FORMAT, "a payload must start with ## (HJ 212) or { or [ (JSON)");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload))
                    .toString();
        } catch (CharacterCodingException e) {
            return rejected(DeadLetterReason.NOT_UTF8, "the payload is not valid UTF-8");
        }
        return json.decode(text);
    }

    private static int firstNonWhitespace(byte[] payload) {
        int i = 0;
        // a UTF-8 byte-order mark is white space for this purpose
        if (payload.length >= 3
                && (payload[0] & 0xFF) == 0xEF
                && (payload[1] & 0xFF) == 0xBB
                && (payload[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < payload.length && Character.isWhitespace(payload[i])) {
            i++;
        }
        return i;
    }

    private static DecodedPayload rejected(DeadLetterReason reason, String detail) {
        return new DecodedPayload(List.of(), List.of(new Rejection(reason, detail)));
    }
}
