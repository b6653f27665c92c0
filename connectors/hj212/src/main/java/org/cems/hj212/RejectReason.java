package org.cems.hj212;

import java.util.Optional;

/**
 * Why input was not turned into a packet. {@link #code()} is stable: the dead-letter output and
 * the quality metrics are keyed on it.
 */
public enum RejectReason {
    /** Bytes that are not part of any {@code ##} frame, or a header field that cannot be read. */
    BAD_HEADER("bad_header"),
    /** The 4-digit length field is not digits, or the declared length does not end at a CRC. */
    BAD_LENGTH("bad_length"),
    /** The CRC field does not match the data segment under the configured {@link CrcPolicy}. */
    BAD_CRC("bad_crc"),
    /** The declared data-segment length exceeds the configured maximum. */
    FRAME_TOO_LONG("frame_too_long"),
    /** The input ended inside a frame. */
    TRUNCATED("truncated"),
    MISSING_MN("missing_mn"),
    MISSING_CN("missing_cn"),
    /** DataTime is malformed, or missing where items need it (uploads). */
    BAD_DATATIME("bad_datatime"),
    /** The CP field is not {@code &&...&&} or holds an entry that cannot be read. */
    BAD_CP("bad_cp"),
    /** Flag is not an integer 0-255 or names a protocol version this codec does not know. */
    BAD_FLAG("bad_flag"),
    /** PNUM/PNO not numbers in 1..9999, only one of them present, or PNO above PNUM. */
    BAD_SPLIT("bad_split"),
    /** A split upload did not complete within the assembler's timeout. */
    SPLIT_TIMEOUT("split_timeout"),
    /** A pending split upload was dropped because too many groups were pending. */
    SPLIT_EVICTED("split_evicted"),
    /** A split upload announced more parts than the assembler accepts. */
    SPLIT_TOO_LARGE("split_too_large"),
    /**
     * An HJ 212-2025 frame whose data area is SM4-encrypted (GB/T 32907) for an MN without a key
     * in the decoder's {@link Sm4Keys}.
     */
    NO_KEY("no_key"),
    /** An SM4-encrypted data area that does not decrypt, with the MN's key, to a readable data area. */
    BAD_DECRYPT("bad_decrypt"),
    /** A bug in this codec; the input is kept for analysis instead of failing the job. */
    INTERNAL_ERROR("internal_error");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    /** Stable snake_case code, e.g. {@code bad_crc}. */
    public String code() {
        return code;
    }

    /** The reason with this {@link #code()}, if any. */
    public static Optional<RejectReason> fromCode(String code) {
        for (RejectReason r : values()) {
            if (r.code.equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
