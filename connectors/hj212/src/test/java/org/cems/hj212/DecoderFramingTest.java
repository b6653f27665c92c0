package org.cems.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cems.hj212.Frames.bytes;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecoderFramingTest {

    private final Hj212Decoder strict = Frames.STRICT;

    @Test
    void gluedFramesWithoutCrlf() {
        String glued = strip(Frames.APPENDIX_A) + strip(Frames.UPLOAD_2011) + strip(Frames.FLAG_8);
        List<DecodeResult> results = strict.decode(bytes(glued));
        assertThat(results).hasSize(3).allMatch(r -> r instanceof DecodeResult.Decoded);
        assertThat(cns(results)).containsExactly("1062", "2011", "2011");
    }

    /**
     * A whole payload is decoded in one buffer of its own size: one longer than a connection's
     * stream buffer (twice the largest frame) comes out as the same frames a stream gives.
     */
    @Test
    void aPayloadLongerThanTheStreamBufferGivesTheFramesAStreamGives() {
        Hj212Decoder small = Hj212Decoder.builder().maxSegmentBytes(300).build();
        String payload = (Frames.UPLOAD_2011 + "junk").repeat(20) + "##02";
        List<DecodeResult> whole = small.decode(bytes(payload));
        Hj212Decoder.Session stream = small.newSession();
        List<DecodeResult> streamed = new ArrayList<>(stream.feed(bytes(payload), 0, payload.length()));
        streamed.addAll(stream.finish());
        assertThat(whole).hasSize(41).isEqualTo(streamed);
        assertThat(whole.get(40))
                .isInstanceOfSatisfying(
                        DecodeResult.Rejected.class, r -> assertThat(r.reason()).isEqualTo(RejectReason.TRUNCATED));
    }

    @Test
    void gluedFramesWithCrlfAndBlankLines() {
        String glued = "\r\n" + Frames.APPENDIX_A + "\r\n\r\n" + Frames.UPLOAD_2011 + "  \n";
        assertThat(strict.decode(bytes(glued))).hasSize(2).allMatch(r -> r instanceof DecodeResult.Decoded);
    }

    @Test
    void garbageIsReportedOnceAndFramesAroundItSurvive() {
        String payload = "hello" + Frames.APPENDIX_A + "junk junk" + Frames.UPLOAD_2011 + "tail";
        List<DecodeResult> results = strict.decode(bytes(payload));
        assertThat(results).hasSize(5);
        assertThat(reasons(results)).containsExactly("bad_header", null, "bad_header", null, "bad_header");
        assertThat(((DecodeResult.Rejected) results.get(2)).rawExcerpt()).isEqualTo("junk junk");
    }

    @Test
    void badCrcIsRejectedAndTheNextFrameSurvives() {
        String broken = Frames.APPENDIX_A.replace("&&1C80", "&&1C81");
        List<DecodeResult> results = strict.decode(bytes(broken + Frames.UPLOAD_2011));
        assertThat(results).hasSize(2);
        DecodeResult.Rejected r = (DecodeResult.Rejected) results.get(0);
        assertThat(r.reason()).isEqualTo(RejectReason.BAD_CRC);
        assertThat(r.detail()).contains("1C81").contains("1C80");
        assertThat(r.rawExcerpt()).isEqualTo(broken.substring(0, broken.length() - 2));
        assertThat(results.get(1)).isInstanceOf(DecodeResult.Decoded.class);
    }

    @Test
    void aFrameWithATooLongDeclaredLengthDoesNotSwallowTheNextOne() {
        String lying = "##0200" + Frames.APPENDIX_A_SEGMENT + "1C80\r\n";
        List<DecodeResult> results = strict.decode(bytes(lying + Frames.UPLOAD_2011));
        assertThat(reasons(results)).startsWith("bad_length");
        assertThat(results.get(results.size() - 1)).isInstanceOf(DecodeResult.Decoded.class);
        assertThat(results.stream().filter(r -> r instanceof DecodeResult.Decoded))
                .hasSize(1);
    }

    /** A writer that puts len+6 in the length field (a known client bug, notes §3). */
    @Test
    void tooLongLengthIsCaughtWithoutWaitingForMoreBytes() {
        byte[] lying = bytes("##0107" + Frames.APPENDIX_A_SEGMENT + "1C80\r\n");
        Hj212Decoder.Session session = strict.newSession();
        List<DecodeResult> now = session.feed(lying, 0, lying.length);
        assertThat(reasons(now)).containsExactly("bad_length");
        assertThat(((DecodeResult.Rejected) now.get(0)).detail()).contains("after 101 bytes");
        assertThat(session.bufferedBytes()).isZero();
        assertThat(session.finish()).isEmpty();
        assertThat(strict.decode(lying)).isEqualTo(now);
    }

    @Test
    void truncatedFrame() {
        String cut = Frames.APPENDIX_A.substring(0, 60);
        DecodeResult.Rejected r = Frames.rejectOne(cut);
        assertThat(r.reason()).isEqualTo(RejectReason.TRUNCATED);
        assertThat(Frames.rejectOne("##01").reason()).isEqualTo(RejectReason.TRUNCATED);
    }

    @Test
    void lengthFieldNotDigits() {
        assertThat(Frames.rejectOne("##01a1QN=1;CN=2011;MN=1;CP=&&&&0000").reason())
                .isEqualTo(RejectReason.BAD_LENGTH);
    }

    @Test
    void frameTooLongAgainstTheConfiguredCap() {
        String seg = "QN=1;ST=31;CN=2011;MN=M1;Flag=4;CP=&&DataTime=20200101000000;a21026-Info=//" + "x".repeat(1500)
                + "//&&";
        String frame = Frames.frame(seg);
        // real devices send more than the standard's 1024 bytes: the default cap (4096) accepts it
        assertThat(Frames.decodeOne(frame).items()).containsKey("a21026");
        Hj212Decoder tight = Hj212Decoder.builder().maxSegmentBytes(1024).build();
        List<DecodeResult> results = tight.decode(bytes(frame + Frames.APPENDIX_A));
        assertThat(reasons(results)).containsExactly("frame_too_long", null);
    }

    @Test
    void modbusVariantsAreRejectedByStrictAndReportedByLenient() {
        assertThat(Frames.rejectOne(Frames.UPLOAD_2011_MODBUS_HI).reason()).isEqualTo(RejectReason.BAD_CRC);
        Hj212Decoder lenient = Hj212Decoder.builder()
                .crcPolicy(CrcPolicy.ACCEPT_MODBUS_VARIANTS)
                .build();
        assertThat(matched(lenient, Frames.UPLOAD_2011)).isEqualTo(CrcVariant.STANDARD);
        assertThat(matched(lenient, Frames.UPLOAD_2011_MODBUS_HI)).isEqualTo(CrcVariant.MODBUS_HIGH_FIRST);
        assertThat(matched(lenient, Frames.UPLOAD_2011_MODBUS_LO)).isEqualTo(CrcVariant.MODBUS_LOW_FIRST);
    }

    @Test
    void sessionJoinsFramesFedByteByByte() {
        byte[] all = bytes(Frames.CHINESE + Frames.APPENDIX_A + "x" + Frames.UPLOAD_2011);
        Hj212Decoder.Session session = strict.newSession();
        List<DecodeResult> results = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            results.addAll(session.feed(all, i, 1));
        }
        results.addAll(session.finish());
        assertThat(results).isEqualTo(strict.decode(all));
        assertThat(reasons(results)).containsExactly(null, null, "bad_header", null);
    }

    @Test
    void sessionBuffersOnlyWhatAPendingFrameNeeds() {
        Hj212Decoder.Session session = strict.newSession();
        byte[] garbage = new byte[1 << 20];
        java.util.Arrays.fill(garbage, (byte) 'z');
        assertThat(session.feed(garbage, 0, garbage.length)).isEmpty();
        assertThat(session.bufferedBytes()).isZero();
        List<DecodeResult> end = session.finish();
        assertThat(end).hasSize(1);
        DecodeResult.Rejected r = (DecodeResult.Rejected) end.get(0);
        assertThat(r.reason()).isEqualTo(RejectReason.BAD_HEADER);
        assertThat(r.detail()).contains(String.valueOf(garbage.length));
        assertThat(r.rawExcerpt()).hasSizeLessThanOrEqualTo(DecodeResult.Rejected.MAX_EXCERPT_CHARS);
    }

    @Test
    void hugePayloadGivesCappedExcerpts() {
        byte[] big = bytes("##9999" + "A".repeat(5_000_000));
        List<DecodeResult> results = strict.decode(big);
        assertThat(results).isNotEmpty().allSatisfy(r -> {
            assertThat(r).isInstanceOf(DecodeResult.Rejected.class);
            assertThat(((DecodeResult.Rejected) r).rawExcerpt())
                    .hasSizeLessThanOrEqualTo(DecodeResult.Rejected.MAX_EXCERPT_CHARS);
        });
        assertThat(reasons(results)).containsExactly("frame_too_long");
    }

    @Test
    void emptyBlankAndNullPayloadsGiveOneRejection() {
        assertThat(reasons(strict.decode(new byte[0]))).containsExactly("bad_header");
        assertThat(reasons(strict.decode(bytes(" \r\n")))).containsExactly("bad_header");
        assertThat(reasons(strict.decode(null))).containsExactly("bad_header");
    }

    @Test
    void strayHashBeforeAFrameIsGarbageNotABrokenFrame() {
        List<DecodeResult> results = strict.decode(bytes("#" + Frames.APPENDIX_A));
        assertThat(reasons(results)).containsExactly("bad_header", null);
        results = strict.decode(bytes("x#" + Frames.APPENDIX_A + "#"));
        assertThat(reasons(results)).containsExactly("bad_header", null, "bad_header");
    }

    private static String strip(String frame) {
        return frame.substring(0, frame.length() - 2);
    }

    private static CrcVariant matched(Hj212Decoder decoder, String frame) {
        List<DecodeResult> results = decoder.decode(bytes(frame));
        assertThat(results).hasSize(1).first().isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded) results.get(0)).matched();
    }

    static List<String> cns(List<DecodeResult> results) {
        return results.stream()
                .map(r -> ((DecodeResult.Decoded) r).packet().cn())
                .toList();
    }

    /** The reason code per result, null for decoded packets. */
    static List<String> reasons(List<DecodeResult> results) {
        List<String> out = new ArrayList<>();
        for (DecodeResult r : results) {
            out.add(r instanceof DecodeResult.Rejected rej ? rej.reason().code() : null);
        }
        return out;
    }
}
