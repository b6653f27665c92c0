package org.cems.core.deadletter;

import java.util.Optional;
import org.cems.hj212.RejectReason;

/**
 * Every reason a payload, or a point, goes to the dead-letter topic: the catalogue. The wire name
 * is the JSON {@code reason}, the Kafka key and the {@code reason} tag of the {@code quality}
 * measurement; docs/interface.md section "Payloads in" lists them all (a test holds both to the same list).
 */
public enum DeadLetterReason {
    // the payload as a whole
    EMPTY_PAYLOAD("empty_payload", "the payload is empty or only white space"),
    PAYLOAD_TOO_LARGE("payload_too_large", "the payload is larger than the configured limit"),
    UNKNOWN_FORMAT("unknown_format", "the payload starts with neither ## (HJ 212) nor { or [ (JSON)"),
    NOT_UTF8("not_utf8", "a JSON payload that is not valid UTF-8"),
    DECODER_ERROR("decoder_error", "a bug in the decoder; the payload is kept for analysis"),
    // JSON readings
    BAD_JSON("bad_json", "not JSON, or JSON that is not a reading object"),
    MISSING_MN("missing_mn", "no MN"),
    BAD_TIME("bad_time", "the time is missing or cannot be read"),
    UNSUPPORTED_CN("unsupported_cn", "a CN that is not a data upload (2011, 2051, 2061, 2031)"),
    MISSING_VALUES("missing_values", "a data upload without values"),
    BAD_VALUE(
            "bad_value",
            "one item that is not a finite number, or a flag that cannot be read; the reading's other items are used"),
    NO_KNOWN_PARAMETER(
            "no_known_parameter", "a reading none of whose codes the job knows: it must not move its source's clock"),
    // values that cannot be physical: kept in `reading` as reported, not valid
    NEGATIVE_CONCENTRATION("negative_concentration", "a concentration below zero"),
    MOISTURE_OUT_OF_RANGE("moisture_out_of_range", "flue-gas moisture outside [0, 100) %"),
    O2_OUT_OF_RANGE("o2_out_of_range", "dry O2 outside [0, 21) %"),
    FLOW_OUT_OF_RANGE("flow_out_of_range", "a standard-dry flow below zero or above the source's plausible maximum"),
    NO_SITE_PRESSURE(
            "no_site_pressure",
            "flow from velocity needs the site's ambient pressure, which the registry does not give"),
    // HJ 212 frames (connectors/hj212 RejectReason)
    BAD_HEADER(RejectReason.BAD_HEADER, "bytes outside any ## frame, or a header field that cannot be read"),
    BAD_LENGTH(RejectReason.BAD_LENGTH, "the length field is not 4 digits or does not end at the CRC"),
    BAD_CRC(RejectReason.BAD_CRC, "the CRC does not match the data segment"),
    FRAME_TOO_LONG(RejectReason.FRAME_TOO_LONG, "the declared data segment is longer than the configured maximum"),
    TRUNCATED(RejectReason.TRUNCATED, "the input ended inside a frame"),
    MISSING_CN(RejectReason.MISSING_CN, "a frame without CN"),
    BAD_DATATIME(RejectReason.BAD_DATATIME, "DataTime is malformed, or missing in a data upload"),
    BAD_CP(RejectReason.BAD_CP, "the CP field is not &&...&& or holds an entry that cannot be read"),
    BAD_FLAG(RejectReason.BAD_FLAG, "the frame's Flag is not 0-255 or names an unknown protocol version"),
    BAD_SPLIT(RejectReason.BAD_SPLIT, "PNUM/PNO not numbers in 1..9999, only one of them, or PNO above PNUM"),
    SPLIT_TIMEOUT(RejectReason.SPLIT_TIMEOUT, "a split upload the codec's assembler did not see complete in time"),
    SPLIT_EVICTED(RejectReason.SPLIT_EVICTED, "a split upload dropped because too many were pending"),
    SPLIT_TOO_LARGE(RejectReason.SPLIT_TOO_LARGE, "a split upload announcing more parts than accepted"),
    NO_KEY(RejectReason.NO_KEY, "an HJ 212-2025 frame with an SM4-encrypted data area from an MN without a key"),
    BAD_DECRYPT(
            RejectReason.BAD_DECRYPT,
            "an SM4-encrypted data area that does not decrypt to a data area with the MN's key"),
    INTERNAL_ERROR(RejectReason.INTERNAL_ERROR, "a bug in the HJ 212 codec; the input is kept for analysis"),
    NOT_A_READING("not_a_reading", "an HJ 212 reply, command, notify or restart: no readings in it"),
    INCOMPLETE_SPLIT("incomplete_split", "a split upload not complete within 10 minutes of its first part"),
    // the job
    UNKNOWN_MN("unknown_mn", "an MN that is not in the registry"),
    LATE("late", "a reading more than the allowed lateness behind its source's closed windows"),
    DUPLICATE("duplicate", "a reading already received from its source (same CN and time)"),
    FUTURE_TIME("future_time", "a DataTime further ahead of its arrival than clock.max_ahead (a logger clock glitch)"),
    CLOCK_JUMP("clock_jump", "a reading far ahead of its source's clock that the readings after it did not confirm"),
    INFLUXDB_REJECTED("influxdb_rejected", "a point InfluxDB refused for good, with the server's message"),
    NOTIFY_FAILED(
            "notify_failed",
            "an alert notification a target did not take within the retry budget, or refused; the target and why in detail"),
    // the TCP gateway
    BAD_PASSWORD("bad_password", "the frame's PW does not match the registry's password for its MN");

    private final String wireName;
    private final String meaning;

    DeadLetterReason(String wireName, String meaning) {
        this.wireName = wireName;
        this.meaning = meaning;
    }

    DeadLetterReason(RejectReason codec, String meaning) {
        this(codec.code(), meaning);
    }

    /** Stable snake_case name, e.g. {@code bad_crc}. */
    public String wireName() {
        return wireName;
    }

    /** One line for people: what the input had wrong. */
    public String meaning() {
        return meaning;
    }

    /** The reason the HJ 212 codec gave, as a dead-letter reason. */
    public static DeadLetterReason of(RejectReason codec) {
        return ofWireName(codec.code())
                .orElseThrow(() -> new IllegalStateException("no dead-letter reason for " + codec));
    }

    public static Optional<DeadLetterReason> ofWireName(String wireName) {
        for (DeadLetterReason r : values()) {
            if (r.wireName.equals(wireName)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
