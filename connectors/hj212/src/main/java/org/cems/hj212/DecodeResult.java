package org.cems.hj212;

import java.util.Objects;

/** One outcome of decoding: a packet, or a rejection with a reason for the dead-letter output. */
public sealed interface DecodeResult permits DecodeResult.Decoded, DecodeResult.Rejected {

    /**
     * A frame whose CRC matched and whose data segment parsed.
     *
     * @param decrypted whether the data area was SM4-encrypted (HJ 212-2025) and was decrypted
     */
    record Decoded(Hj212Packet packet, CrcVariant matched, boolean decrypted) implements DecodeResult {
        public Decoded {
            Objects.requireNonNull(packet, "packet");
            Objects.requireNonNull(matched, "matched");
        }

        /** A frame sent in plaintext. */
        public Decoded(Hj212Packet packet, CrcVariant matched) {
            this(packet, matched, false);
        }
    }

    /**
     * Input that did not become a packet.
     *
     * @param reason     stable reason, see {@link RejectReason#code()}
     * @param detail     human-readable explanation
     * @param rawExcerpt the start of the offending bytes (from {@code ##} for frames), control
     *                   characters escaped, at most {@link #MAX_EXCERPT_CHARS} chars
     */
    record Rejected(RejectReason reason, String detail, String rawExcerpt) implements DecodeResult {
        /** Cap on {@link #rawExcerpt()}, so a huge payload is never copied whole. */
        public static final int MAX_EXCERPT_CHARS = 512;

        public Rejected {
            Objects.requireNonNull(reason, "reason");
            detail = detail == null ? "" : detail;
            rawExcerpt = rawExcerpt == null ? "" : rawExcerpt;
        }
    }
}
