package org.cems.hj212;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes HJ 212 bytes into packets or rejections. Immutable and thread-safe; build it once with
 * {@link #builder()}.
 *
 * <ul>
 *   <li>{@link #decode(byte[])} for whole payloads (one MQTT message or Kafka record holding one or
 *       more frames).
 *   <li>{@link #newSession()} for a byte stream (one TCP connection), fed chunk by chunk.
 * </ul>
 *
 * <p>No input makes these methods throw: everything that is not a packet comes back as
 * {@link DecodeResult.Rejected} with a reason. Serializable, so a Flink function can hold it.
 */
public final class Hj212Decoder implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Decoder settings.
     *
     * @param crcPolicy       which CRC algorithms are accepted
     * @param maxSegmentBytes largest accepted data segment, 1..9999 bytes
     * @param sm4             how HJ 212-2025 SM4 data areas are written (hex or Base64)
     * @param sm4Keys         the SM4 key of each MN; an encrypted frame of an MN without one is
     *                        rejected as {@code no_key}
     */
    public record Options(CrcPolicy crcPolicy, int maxSegmentBytes, Sm4DataArea sm4, Sm4Keys sm4Keys)
            implements Serializable {
        public Options {
            Objects.requireNonNull(crcPolicy, "crcPolicy");
            Objects.requireNonNull(sm4, "sm4");
            Objects.requireNonNull(sm4Keys, "sm4Keys");
            if (maxSegmentBytes < 1 || maxSegmentBytes > Hj212Framer.MAX_SEGMENT_BYTES_LIMIT) {
                throw new IllegalArgumentException("maxSegmentBytes must be 1.." + Hj212Framer.MAX_SEGMENT_BYTES_LIMIT);
            }
        }

        /** No SM4 keys, hex ciphertext. */
        public Options(CrcPolicy crcPolicy, int maxSegmentBytes) {
            this(crcPolicy, maxSegmentBytes, Sm4DataArea.hex(), Sm4Keys.none());
        }

        /** STRICT CRC, 4096-byte segments, no SM4 keys. */
        public static Options defaults() {
            return new Options(CrcPolicy.STRICT, Hj212Framer.DEFAULT_MAX_SEGMENT_BYTES);
        }
    }

    private final Options options;

    private Hj212Decoder(Options options) {
        this.options = options;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A decoder with these options. */
    public static Hj212Decoder of(Options options) {
        return new Hj212Decoder(Objects.requireNonNull(options, "options"));
    }

    public Options options() {
        return options;
    }

    /**
     * Decodes a whole payload. Never empty: a payload without any frame (empty, blank, or
     * {@code null}) gives one {@code bad_header} rejection.
     */
    public List<DecodeResult> decode(byte[] payload) {
        return payload == null ? noFrame("null payload") : decode(payload, 0, payload.length);
    }

    /** Decodes {@code payload[off, off+len)} as a whole payload, see {@link #decode(byte[])}. */
    public List<DecodeResult> decode(byte[] payload, int off, int len) {
        if (payload == null || off < 0 || len < 0 || off > payload.length - len) {
            return noFrame("payload range out of bounds");
        }
        Session session = new Session(
                Hj212Framer.forWholeInput(options.maxSegmentBytes(), options.crcPolicy(), len),
                new Collector(options.sm4(), options.sm4Keys()));
        List<DecodeResult> out = new ArrayList<>(2);
        out.addAll(session.feed(payload, off, len));
        out.addAll(session.finish());
        return out.isEmpty() ? noFrame(len == 0 ? "empty payload" : "payload holds only whitespace") : out;
    }

    /** A stream decoder for one connection. Not thread-safe. */
    public Session newSession() {
        return new Session(
                new Hj212Framer(options.maxSegmentBytes(), options.crcPolicy()),
                new Collector(options.sm4(), options.sm4Keys()));
    }

    private static List<DecodeResult> noFrame(String detail) {
        List<DecodeResult> out = new ArrayList<>(1);
        out.add(new DecodeResult.Rejected(RejectReason.BAD_HEADER, detail, ""));
        return out;
    }

    /**
     * Decodes one byte stream incrementally, e.g. one TCP connection. Frames split across chunks
     * are joined; memory stays bounded by about twice the largest allowed frame.
     */
    public static final class Session {
        private final Hj212Framer framer;
        private final Collector collector;

        private Session(Hj212Framer framer, Collector collector) {
            this.framer = framer;
            this.collector = collector;
        }

        /** Feeds the next chunk; returns what became complete (often nothing). */
        public List<DecodeResult> feed(byte[] chunk, int off, int len) {
            if (chunk == null || off < 0 || len < 0 || off > chunk.length - len) {
                return List.of(new DecodeResult.Rejected(RejectReason.INTERNAL_ERROR, "chunk range out of bounds", ""));
            }
            try {
                framer.feed(chunk, off, len, collector);
            } catch (RuntimeException e) {
                framer.reset();
                collector.out.add(internalError(e, chunk, off, len));
            }
            return collector.drain();
        }

        /** Ends the stream: reports a partial frame as truncated and pending garbage. */
        public List<DecodeResult> finish() {
            try {
                framer.finish(collector);
            } catch (RuntimeException e) {
                framer.reset();
                collector.out.add(internalError(e, null, 0, 0));
            }
            return collector.drain();
        }

        /** Bytes held while waiting for the rest of a frame. */
        public int bufferedBytes() {
            return framer.bufferedBytes();
        }

        private static DecodeResult internalError(RuntimeException e, byte[] chunk, int off, int len) {
            return new DecodeResult.Rejected(RejectReason.INTERNAL_ERROR, e.toString(), Excerpts.of(chunk, off, len));
        }
    }

    private static final class Collector implements Hj212Framer.Listener {
        private final Sm4DataArea sm4;
        private final Sm4Keys sm4Keys;
        private List<DecodeResult> out = new ArrayList<>();

        Collector(Sm4DataArea sm4, Sm4Keys sm4Keys) {
            this.sm4 = sm4;
            this.sm4Keys = sm4Keys;
        }

        @Override
        public void onFrame(byte[] segment, CrcVariant crcVariant) {
            out.add(SegmentParser.parse(segment, crcVariant, sm4, sm4Keys));
        }

        @Override
        public void onRejected(DecodeResult.Rejected rejected) {
            out.add(rejected);
        }

        List<DecodeResult> drain() {
            if (out.isEmpty()) {
                return List.of();
            }
            List<DecodeResult> result = out;
            out = new ArrayList<>();
            return result;
        }
    }

    /** Builds a {@link Hj212Decoder}; defaults as {@link Options#defaults()}. */
    public static final class Builder {
        private CrcPolicy crcPolicy = CrcPolicy.STRICT;
        private int maxSegmentBytes = Hj212Framer.DEFAULT_MAX_SEGMENT_BYTES;
        private Sm4DataArea sm4 = Sm4DataArea.hex();
        private Sm4Keys sm4Keys = Sm4Keys.none();

        private Builder() {}

        /** How SM4 ciphertext is written in HJ 212-2025 data areas (default hex). */
        public Builder sm4(Sm4DataArea sm4) {
            this.sm4 = sm4;
            return this;
        }

        /** The SM4 key of each MN (default none); e.g. a {@link Sm4KeyRing} kept up to date. */
        public Builder sm4Keys(Sm4Keys sm4Keys) {
            this.sm4Keys = sm4Keys;
            return this;
        }

        public Builder crcPolicy(CrcPolicy crcPolicy) {
            this.crcPolicy = crcPolicy;
            return this;
        }

        /** Largest accepted data segment in bytes, 1..9999 (default 4096). */
        public Builder maxSegmentBytes(int maxSegmentBytes) {
            this.maxSegmentBytes = maxSegmentBytes;
            return this;
        }

        public Hj212Decoder build() {
            return new Hj212Decoder(new Options(crcPolicy, maxSegmentBytes, sm4, sm4Keys));
        }
    }
}
