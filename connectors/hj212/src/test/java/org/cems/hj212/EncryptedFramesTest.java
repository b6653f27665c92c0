package org.cems.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HJ 212-2025 frames whose data area is SM4-encrypted, built by hand and decoded back. */
class EncryptedFramesTest {
    static final String MN = "010000A8900016F000169DC0";
    static final byte[] KEY = Sm4DataAreaTest.VECTOR_KEY;
    static final String HEADER = "QN=20260115101500001;ST=31;CN=2011;PW=123456;MN=" + MN + ";Flag=9;CP=&&";
    static final String DATA_AREA =
            "DataTime=20260115101500;a21026-Rtd=23.1,a21026-Flag=N;a19001-Rtd=7.2,a19001-Flag=N";

    /** The data area NUL-filled to whole blocks, SM4-ECB (GB/T 32907 vector-checked), hex. */
    static String handBuiltFrame(String header, String dataArea, byte[] key, boolean base64) {
        byte[] plain = dataArea.getBytes(StandardCharsets.UTF_8);
        byte[] cipher = Sm4DataArea.encryptBlocks(key, Arrays.copyOf(plain, (plain.length + 15) / 16 * 16));
        String text = base64
                ? java.util.Base64.getEncoder().encodeToString(cipher)
                : HexFormat.of().formatHex(cipher);
        return Frames.frame(header + text + "&&");
    }

    static Hj212Decoder decoder(Sm4Keys keys) {
        return Hj212Decoder.builder().sm4Keys(keys).build();
    }

    static DecodeResult decodeOne(Hj212Decoder decoder, String frame) {
        List<DecodeResult> results = decoder.decode(Frames.bytes(frame));
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    @Test
    void decryptsWithTheMnsKey() {
        String frame = handBuiltFrame(HEADER, DATA_AREA, KEY, false);
        DecodeResult r = decodeOne(decoder(Sm4KeyRing.of(Map.of(MN, KEY))), frame);
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        DecodeResult.Decoded d = (DecodeResult.Decoded) r;
        assertThat(d.decrypted()).isTrue();
        Hj212Packet p = d.packet();
        assertThat(p.edition()).isEqualTo(Hj212Edition.HJ212_2025);
        assertThat(p.kind()).isEqualTo(Hj212PacketKind.DATA_UPLOAD);
        assertThat(p.needsAck()).isTrue();
        assertThat(p.dataTime()).contains(LocalDateTime.of(2026, 1, 15, 10, 15));
        assertThat(p.item("a21026").orElseThrow().number(Hj212Item.RTD)).hasValue(23.1);
        assertThat(p.item("a19001").orElseThrow().dataFlag()).contains(DataFlag.N);
    }

    @Test
    void base64CiphertextWhenConfigured() {
        String frame = handBuiltFrame(HEADER, DATA_AREA, KEY, true);
        Hj212Decoder base64 = Hj212Decoder.builder()
                .sm4(new Sm4DataArea(Sm4DataArea.Encoding.BASE64))
                .sm4Keys(Sm4KeyRing.of(Map.of(MN, KEY)))
                .build();
        assertThat(((DecodeResult.Decoded) decodeOne(base64, frame)).packet().item("a21026"))
                .isPresent();
    }

    @Test
    void noKeyForTheMnIsNoKey() {
        String frame = handBuiltFrame(HEADER, DATA_AREA, KEY, false);
        DecodeResult.Rejected r =
                (DecodeResult.Rejected) decodeOne(decoder(Sm4KeyRing.of(Map.of("OTHER", KEY))), frame);
        assertThat(r.reason()).isEqualTo(RejectReason.NO_KEY);
        assertThat(r.reason().code()).isEqualTo("no_key");
        assertThat(r.detail()).contains(MN);
        // the default decoder has no keys at all
        assertThat(Frames.rejectOne(frame).reason()).isEqualTo(RejectReason.NO_KEY);
    }

    @Test
    void aWrongKeyIsBadDecryptAndNeitherKeyNorPlaintextLeaks() {
        String frame = handBuiltFrame(HEADER, DATA_AREA, KEY, false);
        byte[] wrong = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        DecodeResult.Rejected r = (DecodeResult.Rejected) decodeOne(decoder(Sm4KeyRing.of(Map.of(MN, wrong))), frame);
        assertThat(r.reason()).isEqualTo(RejectReason.BAD_DECRYPT);
        assertThat(r.reason().code()).isEqualTo("bad_decrypt");
        String text = (r.detail() + r.rawExcerpt()).toLowerCase();
        assertThat(text)
                .doesNotContain("00112233445566778899aabbccddeeff")
                .doesNotContain("0123456789abcdeffedcba9876543210")
                .doesNotContain("a21026");
        assertThat(Hj212Replies.rejection(r).orElseThrow().cpFields()).containsEntry("QnRtn", "2");
    }

    @Test
    void decryptedTextThatIsNoDataAreaIsBadDecrypt() {
        String frame = handBuiltFrame(HEADER, "just some text without entries", KEY, false);
        DecodeResult.Rejected r = (DecodeResult.Rejected) decodeOne(decoder(Sm4KeyRing.of(Map.of(MN, KEY))), frame);
        assertThat(r.reason()).isEqualTo(RejectReason.BAD_DECRYPT);
    }

    @Test
    void plaintext2025DataAreasStayReadable() {
        DecodeResult.Decoded d =
                (DecodeResult.Decoded) decodeOne(decoder(Sm4Keys.none()), Frames.frame(HEADER + DATA_AREA + "&&"));
        assertThat(d.decrypted()).isFalse();
        assertThat(d.packet().item("a21026")).isPresent();
    }

    @Test
    void a2017FrameIsNeverDecrypted() {
        String frame = handBuiltFrame(HEADER.replace("Flag=9", "Flag=5"), DATA_AREA, KEY, false);
        DecodeResult.Rejected r = (DecodeResult.Rejected) decodeOne(decoder(Sm4KeyRing.of(Map.of(MN, KEY))), frame);
        assertThat(r.reason()).isEqualTo(RejectReason.BAD_CP);
    }

    @Test
    void theEncoderWritesWhatTheDecoderReads() {
        Hj212Packet packet = Hj212Packet.builder()
                .qn("20260115101500001")
                .st("31")
                .cn("2061")
                .pw("123456")
                .mn(MN)
                .flag(Hj212Edition.HJ212_2025, true)
                .dataTime(LocalDateTime.of(2026, 1, 15, 10, 0))
                .item("a21026", Hj212Item.AVG, "23.1")
                .item("a21026", Hj212Item.FLAG, "N")
                .build();
        byte[] frame = Hj212Encoder.encode(packet, Sm4DataArea.hex(), KEY);
        assertThat(new String(frame, StandardCharsets.UTF_8))
                .doesNotContain("a21026")
                .contains("Flag=9;CP=&&");
        DecodeResult.Decoded d = (DecodeResult.Decoded)
                decodeOne(decoder(Sm4KeyRing.of(Map.of(MN, KEY))), new String(frame, StandardCharsets.UTF_8));
        assertThat(d.packet()).isEqualTo(packet);
        assertThat(d.matched()).isEqualTo(CrcVariant.STANDARD);
    }

    @Test
    void keyChangeByCn1014() {
        byte[] newKey = HexFormat.of().parseHex("fedcba98765432100123456789abcdef");
        Sm4KeyRing ring = Sm4KeyRing.of(Map.of(MN, KEY));
        Hj212Decoder decoder = decoder(ring);
        // the host sets a new key, encrypted with the current one (HJ 212-2025 CN 1014)
        String setKey = handBuiltFrame(
                "QN=20260115101500009;ST=91;CN=1014;PW=123456;MN=" + MN + ";Flag=9;CP=&&",
                "SKCreateTime=20260115101500000;NewSK=FEDCBA98765432100123456789ABCDEF",
                KEY,
                false);
        Hj212Packet p = ((DecodeResult.Decoded) decodeOne(decoder, setKey)).packet();
        assertThat(p.kind()).isEqualTo(Hj212PacketKind.KEY_CHANGE);
        assertThat(p.toString()).doesNotContain("FEDCBA98").contains("NewSK=***");
        ring.put(MN, Sm4DataArea.newKey(p).orElseThrow());
        assertThat(ring.keyFor(MN)).hasValueSatisfying(k -> assertThat(k).isEqualTo(newKey));

        String oldKeyFrame = handBuiltFrame(HEADER, DATA_AREA, KEY, false);
        assertThat(((DecodeResult.Rejected) decodeOne(decoder, oldKeyFrame)).reason())
                .isEqualTo(RejectReason.BAD_DECRYPT);
        String newKeyFrame = handBuiltFrame(HEADER, DATA_AREA, newKey, false);
        assertThat(decodeOne(decoder, newKeyFrame)).isInstanceOf(DecodeResult.Decoded.class);
    }

    @Test
    void aRejectedPlaintext1014FrameHidesTheNewKey() {
        String frame = Frames.frame("QN=1;ST=91;CN=1014;PW=123456;MN=" + MN
                        + ";Flag=9;CP=&&NewSK=FEDCBA98765432100123456789ABCDEF&&")
                .replaceFirst("[0-9A-F]{4}\r\n$", "0001\r\n");
        DecodeResult.Rejected r = Frames.rejectOne(frame);
        assertThat(r.reason()).isEqualTo(RejectReason.BAD_CRC);
        assertThat(r.rawExcerpt()).contains("NewSK=***").doesNotContain("FEDCBA98");
    }
}
