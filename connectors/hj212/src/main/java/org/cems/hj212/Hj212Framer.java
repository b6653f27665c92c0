package org.cems.hj212;

import java.util.Arrays;
import java.util.Objects;

/**
 * Incremental framing of an HJ 212 byte stream (one TCP connection, or one MQTT/Kafka payload that
 * holds one or more frames): {@code ##} + 4-digit length + data segment + 4 hex CRC + optional CRLF
 * (HJ 212-2017 §6.3, Table 2).
 *
 * <ul>
 *   <li>The length counts <b>bytes</b> of the UTF-8 data segment (Chinese text in CP is multibyte).
 *   <li>CRLF is optional: frames glued back to back are split by their lengths.
 *   <li>After garbage or a rejected frame, scanning resumes at the next {@code ##}, starting one byte
 *       after the rejected frame's start, so a valid frame behind a broken one is not lost.
 *   <li>A declared length that runs past a complete frame end ({@code &&XXXX\r\n}) is rejected at
 *       once instead of waiting for bytes a device waiting for its answer will never send.
 *   <li>Results do not depend on how the input is chunked.
 *   <li>The CRC field is compared case-insensitively.
 *   <li>Memory is bounded: at most about twice the largest allowed frame is buffered.
 * </ul>
 *
 * <p>Not thread-safe: one instance per connection. Nothing thrown for any input bytes.
 */
public final class Hj212Framer {

    /** Receives framing results, in input order. Segments are fresh copies owned by the receiver. */
    public interface Listener {
        /** A frame whose CRC matched; {@code segment} is the data segment (QN=... up to &&). */
        void onFrame(byte[] segment, CrcVariant crcVariant);

        /** A frame or run of bytes that was rejected. */
        void onRejected(DecodeResult.Rejected rejected);
    }

    /** Default cap on the data segment. Lenient: the standard says 1024, real devices send more. */
    public static final int DEFAULT_MAX_SEGMENT_BYTES = 4096;
    /** The length field has 4 digits, so no segment can be longer. */
    public static final int MAX_SEGMENT_BYTES_LIMIT = 9999;

    private static final int HEAD_LEN = 6; // "##" + 4 length digits
    private static final int CRC_LEN = 4;
    private static final int NEED_MORE = -2;
    /** Bytes after the header kept in the excerpt of a frame rejected on its header alone. */
    private static final int REJECT_CONTEXT = 64;

    private final int maxSegmentBytes;
    private final CrcPolicy crcPolicy;
    private final byte[] buf;
    private int start;
    private int end;

    /** Non-whitespace bytes skipped outside frames and not yet reported. */
    private long garbageCount;

    private final byte[] garbageExcerpt = new byte[Excerpts.MAX];
    private int garbageExcerptLen;
    /** True right after a rejected frame: the rest of its bytes are not reported a second time. */
    private boolean insideRejectedFrame;
    /** Start of the frame whose length is being checked, and how far that check got. */
    private int pendingStart = -1;

    private int pendingScanned;

    public Hj212Framer(int maxSegmentBytes, CrcPolicy crcPolicy) {
        // Whatever stays buffered between feeds is shorter than one maximal frame, so twice that
        // always leaves room to make progress.
        this(maxSegmentBytes, crcPolicy, 2 * (HEAD_LEN + maxSegmentBytes + CRC_LEN + 2));
    }

    private Hj212Framer(int maxSegmentBytes, CrcPolicy crcPolicy, int bufferBytes) {
        if (maxSegmentBytes < 1 || maxSegmentBytes > MAX_SEGMENT_BYTES_LIMIT) {
            throw new IllegalArgumentException("maxSegmentBytes must be 1.." + MAX_SEGMENT_BYTES_LIMIT);
        }
        this.maxSegmentBytes = maxSegmentBytes;
        this.crcPolicy = Objects.requireNonNull(crcPolicy, "crcPolicy");
        this.buf = new byte[bufferBytes];
    }

    /**
     * A framer for one whole input of {@code inputBytes}, fed once and finished: its buffer holds
     * that input, not two maximal frames (20 KB at the default limit, zeroed for every message
     * was 6 % of the job's decoding thread).
     */
    static Hj212Framer forWholeInput(int maxSegmentBytes, CrcPolicy crcPolicy, int inputBytes) {
        return new Hj212Framer(maxSegmentBytes, crcPolicy, Math.max(inputBytes, HEAD_LEN));
    }

    /** Feeds {@code in[off, off+len)}; complete frames and rejections go to {@code listener}. */
    public void feed(byte[] in, int off, int len, Listener listener) {
        Objects.checkFromIndexSize(off, len, in.length);
        while (len > 0) {
            compact();
            int n = Math.min(len, buf.length - end);
            System.arraycopy(in, off, buf, end, n);
            end += n;
            off += n;
            len -= n;
            scan(listener, false);
        }
    }

    /** Ends the input: a partial frame is reported as truncated, pending garbage is reported. */
    public void finish(Listener listener) {
        scan(listener, true);
        flushGarbage(listener);
        reset();
    }

    /** Drops all buffered state (e.g. after the connection was reset). */
    public void reset() {
        start = 0;
        end = 0;
        garbageCount = 0;
        garbageExcerptLen = 0;
        insideRejectedFrame = false;
        pendingStart = -1;
    }

    /** Bytes currently buffered while waiting for the rest of a frame. */
    public int bufferedBytes() {
        return end - start;
    }

    private void scan(Listener listener, boolean eof) {
        while (start < end) {
            int p = indexOfFrameStart(start, eof);
            if (p == NEED_MORE) {
                skip(start, end - 2);
                start = end - 2;
                return;
            }
            if (p < 0) {
                // A trailing single '#' may become "##" with the next feed.
                int keep = (!eof && buf[end - 1] == '#') ? 1 : 0;
                skip(start, end - keep);
                start = end - keep;
                return;
            }
            skip(start, p);
            start = p;
            flushGarbage(listener);
            insideRejectedFrame = false;

            int available = end - p;
            if (available < HEAD_LEN) {
                if (!eof) {
                    return;
                }
                reject(listener, RejectReason.TRUNCATED, "input ends inside the frame header", p, end);
                continue;
            }
            int declared = parseLength(p + 2);
            if (declared < 0 || declared > maxSegmentBytes) {
                // Wait for a fixed amount of context, so the excerpt does not depend on chunking.
                if (!eof && available < HEAD_LEN + REJECT_CONTEXT) {
                    return;
                }
                if (declared < 0) {
                    reject(
                            listener,
                            RejectReason.BAD_LENGTH,
                            "length field after '##' is not 4 digits",
                            p,
                            p + HEAD_LEN + REJECT_CONTEXT);
                } else {
                    reject(
                            listener,
                            RejectReason.FRAME_TOO_LONG,
                            "declared data segment of " + declared + " bytes exceeds the limit of " + maxSegmentBytes,
                            p,
                            p + HEAD_LEN + REJECT_CONTEXT);
                }
                continue;
            }
            int frameLen = HEAD_LEN + declared + CRC_LEN;
            int earlyEnd = findEarlierFrameEnd(p, declared);
            if (earlyEnd >= 0) {
                reject(
                        listener,
                        RejectReason.BAD_LENGTH,
                        "declared length " + declared
                                + " runs past a frame end ('&&' + CRC + CRLF) after "
                                + (earlyEnd - p - HEAD_LEN - CRC_LEN - 2)
                                + " bytes (length counts UTF-8 bytes)",
                        p,
                        earlyEnd);
                continue;
            }
            if (available < frameLen) {
                if (!eof) {
                    return;
                }
                reject(
                        listener,
                        RejectReason.TRUNCATED,
                        "input ends after " + (available - HEAD_LEN) + " of " + declared
                                + " declared data-segment bytes",
                        p,
                        end);
                continue;
            }
            int segOff = p + HEAD_LEN;
            int received = parseHex4(segOff + declared);
            if (received < 0) {
                reject(
                        listener,
                        RejectReason.BAD_LENGTH,
                        "no 4-hex-digit CRC where the declared length " + declared
                                + " ends (length counts UTF-8 bytes)",
                        p,
                        p + frameLen);
                continue;
            }
            CrcVariant variant = crcPolicy.match(buf, segOff, declared, received);
            if (variant == null) {
                reject(
                        listener,
                        RejectReason.BAD_CRC,
                        "CRC field " + Hj212Crc.hex(received)
                                + " does not match " + Hj212Crc.hex(Hj212Crc.compute(buf, segOff, declared))
                                + " (HJ 212 Appendix A)",
                        p,
                        p + frameLen);
                continue;
            }
            byte[] segment = Arrays.copyOfRange(buf, segOff, segOff + declared);
            start = p + frameLen; // a following CRLF is skipped as whitespace
            listener.onFrame(segment, variant);
        }
    }

    /**
     * A declared length that is too long would make a TCP reader wait for bytes that never come
     * (a device waiting for its 9014 sends nothing more). A complete frame end "&&XXXX\r\n" before
     * the declared end gives the lie away early; the search is resumed, not restarted, on each
     * feed. Returns the index after that CRLF, or -1.
     */
    private int findEarlierFrameEnd(int p, int declared) {
        if (p != pendingStart) {
            pendingStart = p;
            pendingScanned = p + HEAD_LEN;
        }
        int lastCandidate = p + HEAD_LEN + declared - 3; // "&&" of the real end is at declared - 2
        int j = pendingScanned;
        for (; j <= lastCandidate && j + 8 <= end; j++) {
            if (buf[j] == '&'
                    && buf[j + 1] == '&'
                    && buf[j + 6] == '\r'
                    && buf[j + 7] == '\n'
                    && parseHex4(j + 2) >= 0) {
                return j + 8;
            }
        }
        pendingScanned = j;
        return -1;
    }

    /** Reports a frame starting at {@code p} and resumes scanning one byte after its start. */
    private void reject(Listener listener, RejectReason reason, String detail, int p, int excerptEnd) {
        String excerpt = Excerpts.of(buf, p, Math.max(0, Math.min(end, excerptEnd) - p));
        start = p + 1;
        insideRejectedFrame = true;
        listener.onRejected(new DecodeResult.Rejected(reason, detail, excerpt));
    }

    /**
     * Start of the next "##"; in a run like "###0101" the last pair, the rest is garbage. A pair
     * at the very end of the buffer is undecided until the next byte shows whether the run goes
     * on ({@link #NEED_MORE}), so results never depend on how the input was chunked.
     */
    private int indexOfFrameStart(int from, boolean eof) {
        for (int i = from; i < end - 1; i++) {
            if (buf[i] == '#' && buf[i + 1] == '#') {
                if (i + 2 < end) {
                    if (buf[i + 2] != '#') {
                        return i;
                    }
                } else {
                    return eof ? i : NEED_MORE;
                }
            }
        }
        return -1;
    }

    private int parseLength(int at) {
        int v = 0;
        for (int i = at; i < at + 4; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** The 4 hex digits at {@code at}, either case, or -1. */
    private int parseHex4(int at) {
        int v = 0;
        for (int i = at; i < at + CRC_LEN; i++) {
            int d = Character.digit(buf[i] & 0xFF, 16);
            if (d < 0) {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v;
    }

    /** Skips bytes outside frames; whitespace (CRLF between frames) is never reported. */
    private void skip(int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            boolean blank = b == '\r' || b == '\n' || b == ' ' || b == '\t' || b == 0;
            if (insideRejectedFrame || (blank && garbageCount == 0)) {
                continue;
            }
            if (!blank) {
                garbageCount++;
            }
            if (garbageExcerptLen < garbageExcerpt.length) {
                garbageExcerpt[garbageExcerptLen++] = b;
            }
        }
    }

    private void flushGarbage(Listener listener) {
        if (garbageCount == 0) {
            garbageExcerptLen = 0;
            return;
        }
        String detail = garbageCount + " bytes outside any '##' frame skipped";
        String excerpt = Excerpts.of(garbageExcerpt, 0, garbageExcerptLen);
        if (garbageExcerptLen == garbageExcerpt.length && !excerpt.endsWith("\u2026")) {
            excerpt = excerpt.substring(0, Math.min(excerpt.length(), Excerpts.MAX - 1)) + '\u2026';
        }
        garbageCount = 0;
        garbageExcerptLen = 0;
        listener.onRejected(new DecodeResult.Rejected(RejectReason.BAD_HEADER, detail, excerpt));
    }

    private void compact() {
        if (start > 0) {
            if (pendingStart >= start) {
                pendingStart -= start;
                pendingScanned -= start;
            } else {
                pendingStart = -1;
            }
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
    }
}
