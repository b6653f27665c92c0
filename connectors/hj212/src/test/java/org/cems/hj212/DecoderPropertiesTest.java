package org.cems.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Decoding never throws, and everything that is not a packet comes back with a reason. */
class DecoderPropertiesTest {

    private static final Hj212Decoder STRICT = Frames.STRICT;
    private static final Hj212Decoder LENIENT = Hj212Decoder.builder()
            .crcPolicy(CrcPolicy.ACCEPT_MODBUS_VARIANTS)
            .maxSegmentBytes(300)
            .build();

    private static final String[] VALID = {
        Frames.APPENDIX_A, Frames.UPLOAD_2011, Frames.TYPO_FLAG_CP, Frames.TYPO_COMMA_QN, Frames.TYPO_MISSING_W,
        Frames.TYPO_SPACES, Frames.TYPO_COMMA_TIMES, Frames.LEGACY_2005, Frames.FLAG_8, Frames.PNO_FIRST,
        Frames.CHINESE, Frames.QUIRKS, Frames.CRC_0000
    };

    @Property
    void randomBytesNeverThrowAndAlwaysGiveResults(@ForAll @Size(max = 600) byte[] payload) {
        checkWellFormed(STRICT.decode(payload), payload);
        checkWellFormed(LENIENT.decode(payload), payload);
    }

    @Property
    void hashHeavyNoiseNeverThrows(@ForAll("hashNoise") byte[] payload) {
        checkWellFormed(STRICT.decode(payload), payload);
        checkWellFormed(LENIENT.decode(payload), payload);
    }

    @Property
    void corruptedValidFramesNeverThrow(
            @ForAll("validFrame") byte[] frame,
            @ForAll @IntRange(min = 1, max = 4) int edits,
            @ForAll("editSeeds") List<Integer> seeds) {
        byte[] corrupted = corrupt(frame, edits, seeds);
        checkWellFormed(STRICT.decode(corrupted), corrupted);
        checkWellFormed(LENIENT.decode(corrupted), corrupted);
    }

    @Property
    void everyStrictPrefixOfAFrameIsRejectedNeverDecoded(
            @ForAll("validFrame") byte[] frame, @ForAll @IntRange(min = 1, max = 2000) int cut) {
        int frameEnd = frame.length - 2; // without CRLF
        int len = Math.min(cut, frameEnd - 1);
        List<DecodeResult> results = STRICT.decode(frame, 0, len);
        checkWellFormed(results, frame);
        assertThat(results).isNotEmpty().allMatch(r -> r instanceof DecodeResult.Rejected);
    }

    @Property
    void gluedFramesAllDecodeInOrder(@ForAll("frames") List<byte[]> frames, @ForAll("separators") List<String> seps) {
        ByteArrayOutputStream glued = new ByteArrayOutputStream();
        List<Hj212Packet> expected = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            byte[] f = frames.get(i);
            glued.write(f, 0, f.length - 2); // drop the CRLF ...
            byte[] sep = seps.get(i % seps.size()).getBytes(StandardCharsets.UTF_8);
            glued.write(sep, 0, sep.length); // ... and put a random (possibly empty) blank run instead
            expected.add(Frames.decodeOne(new String(f, StandardCharsets.UTF_8)));
        }
        List<DecodeResult> results = STRICT.decode(glued.toByteArray());
        assertThat(results).hasSize(frames.size()).allMatch(r -> r instanceof DecodeResult.Decoded);
        assertThat(results.stream()
                        .map(r -> ((DecodeResult.Decoded) r).packet())
                        .toList())
                .isEqualTo(expected);
    }

    @Property
    void aValidFrameSurvivesGarbageAroundIt(
            @ForAll("validFrame") byte[] frame, @ForAll("garbage") String before, @ForAll("garbage") String after) {
        byte[] payload = concat(before.getBytes(StandardCharsets.UTF_8), frame, after.getBytes(StandardCharsets.UTF_8));
        List<DecodeResult> results = STRICT.decode(payload);
        checkWellFormed(results, payload);
        assertThat(results.stream().filter(r -> r instanceof DecodeResult.Decoded))
                .hasSize(1);
    }

    @Property
    void chunkingDoesNotChangeTheResult(
            @ForAll("frames") List<byte[]> frames,
            @ForAll("garbage") String noise,
            @ForAll @IntRange(min = 1, max = 64) int chunk) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] f : frames) {
            all.write(f, 0, f.length);
            byte[] n = noise.getBytes(StandardCharsets.UTF_8);
            all.write(n, 0, n.length);
        }
        byte[] bytes = all.toByteArray();
        Hj212Decoder.Session session = LENIENT.newSession();
        List<DecodeResult> streamed = new ArrayList<>();
        for (int off = 0; off < bytes.length; off += chunk) {
            streamed.addAll(session.feed(bytes, off, Math.min(chunk, bytes.length - off)));
            assertThat(session.bufferedBytes()).isLessThanOrEqualTo(2 * (300 + 12));
        }
        streamed.addAll(session.finish());
        assertThat(streamed).isEqualTo(LENIENT.decode(bytes));
    }

    @Property
    void chunkingNoisyStreamsGivesTheSameResultAsAWholePayload(
            @ForAll("hashNoise") byte[] noise,
            @ForAll("validFrame") byte[] frame,
            @ForAll @IntRange(min = 1, max = 17) int chunk) {
        byte[] bytes = concat(noise, frame, noise);
        Hj212Decoder.Session session = STRICT.newSession();
        List<DecodeResult> streamed = new ArrayList<>();
        for (int off = 0; off < bytes.length; off += chunk) {
            streamed.addAll(session.feed(bytes, off, Math.min(chunk, bytes.length - off)));
        }
        streamed.addAll(session.finish());
        assertThat(streamed).isEqualTo(STRICT.decode(bytes));
        checkWellFormed(streamed, bytes);
    }

    private static void checkWellFormed(List<DecodeResult> results, byte[] payload) {
        assertThat(results).as("a non-empty payload always gives a result").isNotEmpty();
        for (DecodeResult r : results) {
            if (r instanceof DecodeResult.Rejected rej) {
                assertThat(rej.reason()).isNotNull().isNotEqualTo(RejectReason.INTERNAL_ERROR);
                assertThat(rej.detail()).isNotBlank();
                assertThat(rej.rawExcerpt()).hasSizeLessThanOrEqualTo(DecodeResult.Rejected.MAX_EXCERPT_CHARS);
            } else {
                Hj212Packet p = ((DecodeResult.Decoded) r).packet();
                assertThat(p.mn()).isNotEmpty();
                assertThat(p.cn()).isNotEmpty();
            }
        }
    }

    @Provide
    Arbitrary<byte[]> validFrame() {
        return Arbitraries.of(VALID).map(Frames::bytes);
    }

    @Provide
    Arbitrary<List<byte[]>> frames() {
        return validFrame().list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<String>> separators() {
        return Arbitraries.of("", "\r\n", "\n", "\r\n\r\n", " ", "\t\r\n")
                .list()
                .ofMinSize(1)
                .ofMaxSize(4);
    }

    /** Printable noise without '#', so it cannot start a frame of its own. */
    @Provide
    Arbitrary<String> garbage() {
        return Arbitraries.strings()
                .withChars("abcXYZ0123456789;,=&-. \r\n\u6e05")
                .ofMaxLength(40);
    }

    /** Bytes biased towards the frame alphabet so that the framer's branches are exercised. */
    @Provide
    Arbitrary<byte[]> hashNoise() {
        Arbitrary<String> pieces = Arbitraries.of(
                "##",
                "#",
                "0101",
                "0000",
                "9999",
                "00",
                "QN=1;",
                "CN=2011;",
                "MN=M;",
                "Flag=5;",
                "Flag=5CP=&&",
                "CP=&&",
                "&&",
                "DataTime=20200101000000;",
                "a21026-Rtd=1,",
                "1C80",
                "ffff",
                "\r\n",
                ",",
                ";",
                "=",
                "-",
                "//",
                "\u6e05",
                "\u0000",
                "\u00ff");
        return pieces.list().ofMaxSize(60).map(l -> String.join("", l).getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<List<Integer>> editSeeds() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofSize(12);
    }

    /** Replaces, inserts or deletes bytes at pseudo-random places. */
    private static byte[] corrupt(byte[] frame, int edits, List<Integer> seeds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] cur = frame.clone();
        for (int e = 0; e < edits; e++) {
            int pos = seeds.get(e * 3) % cur.length;
            int op = seeds.get(e * 3 + 1) % 3;
            byte b = (byte) (int) seeds.get(e * 3 + 2);
            out.reset();
            out.write(cur, 0, pos);
            if (op == 0) {
                out.write(b);
                out.write(cur, pos + 1, cur.length - pos - 1);
            } else if (op == 1) {
                out.write(b);
                out.write(cur, pos, cur.length - pos);
            } else {
                out.write(cur, pos + 1, cur.length - pos - 1);
            }
            cur = out.toByteArray();
            if (cur.length == 0) {
                cur = new byte[] {'#'};
            }
        }
        return cur;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }
}
