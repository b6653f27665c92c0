package org.cems.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Sm4DataAreaTest {
    /** GB/T 32907-2016 Appendix A: key = plaintext = 0123456789abcdeffedcba9876543210. */
    static final byte[] VECTOR_KEY = HexFormat.of().parseHex("0123456789abcdeffedcba9876543210");

    @Test
    void gbt32907AppendixAExample1() {
        byte[] cipher = Sm4DataArea.encryptBlocks(VECTOR_KEY, VECTOR_KEY);
        assertThat(HexFormat.of().formatHex(cipher)).isEqualTo("681edf34d206965e86b3e94f536e4246");
        assertThat(Sm4DataArea.decryptBlocks(VECTOR_KEY, cipher)).isEqualTo(VECTOR_KEY);
    }

    @Test
    void gbt32907AppendixAExample2OneMillionEncryptions() {
        byte[] block = VECTOR_KEY.clone();
        for (int i = 0; i < 1_000_000; i++) {
            block = Sm4DataArea.encryptBlocks(VECTOR_KEY, block);
        }
        assertThat(HexFormat.of().formatHex(block)).isEqualTo("595298c7c6fd271f0402f804c33d3f66");
    }

    @Test
    void hexCiphertextIsUppercaseWholeBlocksNulFilledAndDecryptsBack() {
        Sm4DataArea sm4 = Sm4DataArea.hex();
        String dataArea = "DataTime=20260115101500;a21026-Rtd=23.1,a21026-Flag=N"; // 53 bytes: 4 blocks
        String cipher = sm4.encrypt(dataArea, VECTOR_KEY);
        assertThat(cipher).hasSize(4 * 32).matches("[0-9A-F]+");
        byte[] plain = Sm4DataArea.decryptBlocks(VECTOR_KEY, HexFormat.of().parseHex(cipher));
        assertThat(new String(plain, 0, 53, StandardCharsets.UTF_8)).isEqualTo(dataArea);
        assertThat(plain).endsWith(new byte[11]); // 64 - 53 NUL bytes
        assertThat(sm4.decrypt(cipher, VECTOR_KEY)).contains(dataArea);
        assertThat(sm4.decrypt(cipher.toLowerCase(), VECTOR_KEY)).contains(dataArea);
    }

    @Test
    void base64CiphertextDecryptsBack() {
        Sm4DataArea sm4 = new Sm4DataArea(Sm4DataArea.Encoding.BASE64);
        String dataArea = "DataTime=20260115101500;清洗管路";
        String cipher = sm4.encrypt(dataArea, VECTOR_KEY);
        assertThat(sm4.looksLikeCiphertext(cipher)).isTrue();
        assertThat(Sm4DataArea.hex().looksLikeCiphertext(cipher)).isFalse();
        assertThat(sm4.decrypt(cipher, VECTOR_KEY)).contains(dataArea);
    }

    @Test
    void pkcs7PaddingFromLibrariesThatAddItIsRemoved() {
        byte[] plain = "QnRtn=1".getBytes(StandardCharsets.US_ASCII); // 7 bytes + 9 x 0x09
        byte[] padded = new byte[16];
        System.arraycopy(plain, 0, padded, 0, 7);
        java.util.Arrays.fill(padded, 7, 16, (byte) 9);
        String cipher = HexFormat.of().formatHex(Sm4DataArea.encryptBlocks(VECTOR_KEY, padded));
        assertThat(Sm4DataArea.hex().decrypt(cipher, VECTOR_KEY)).contains("QnRtn=1");
    }

    @Test
    void aWrongKeyGivesNothingNotGarbage() {
        Sm4DataArea sm4 = Sm4DataArea.hex();
        String cipher = sm4.encrypt("DataTime=20260115101500;a21026-Rtd=23.1,a21026-Flag=N", VECTOR_KEY);
        byte[] other = VECTOR_KEY.clone();
        other[0] ^= 1;
        assertThat(sm4.decrypt(cipher, other)).isEmpty();
    }

    @Test
    void ciphertextShape() {
        Sm4DataArea hex = Sm4DataArea.hex();
        assertThat(hex.looksLikeCiphertext("681EDF34D206965E86B3E94F536E4246")).isTrue();
        assertThat(hex.looksLikeCiphertext("681EDF34D206965E86B3E94F536E424")).isFalse(); // not a whole block
        assertThat(hex.looksLikeCiphertext("DataTime=20260115101500")).isFalse();
        assertThat(hex.looksLikeCiphertext("")).isFalse();
        assertThat(hex.isEncrypted(Hj212Edition.HJ212_2025, "2011", "681EDF34D206965E86B3E94F536E4246"))
                .isTrue();
        assertThat(hex.isEncrypted(Hj212Edition.HJ212_2017, "2011", "681EDF34D206965E86B3E94F536E4246"))
                .isFalse();
        assertThat(hex.isEncrypted(Hj212Edition.HJ212_2025, "9014", "681EDF34D206965E86B3E94F536E4246"))
                .isFalse();
    }

    @Test
    void commandsTheStandardEncrypts() {
        assertThat(Sm4DataArea.appliesTo("2011")).isTrue();
        assertThat(Sm4DataArea.appliesTo("2000")).isTrue();
        assertThat(Sm4DataArea.appliesTo("2999")).isTrue();
        assertThat(Sm4DataArea.appliesTo("1014")).isTrue();
        assertThat(Sm4DataArea.appliesTo("3020")).isTrue();
        assertThat(Sm4DataArea.appliesTo("9015")).isFalse();
        assertThat(Sm4DataArea.appliesTo("1001")).isFalse();
        assertThat(Sm4DataArea.appliesTo("3021")).isFalse();
        assertThat(Sm4DataArea.appliesTo("20111")).isFalse();
        assertThat(Sm4DataArea.appliesTo(null)).isFalse();
    }

    @Test
    void keysNeverShowInMessagesOrToString() {
        String hexKey = "0123456789abcdeffedcba9876543210";
        assertThat(Sm4DataArea.parseHexKey(hexKey)).isEqualTo(VECTOR_KEY);
        assertThatThrownBy(() -> Sm4DataArea.parseHexKey("0123456789abcdeffedcba987654321Z"))
                .hasMessageNotContaining("0123456789")
                .hasMessageContaining("32 hex digits");
        assertThatThrownBy(() -> Sm4DataArea.encryptBlocks(new byte[15], new byte[16]))
                .hasMessageContaining("16 bytes");
        Sm4KeyRing ring = Sm4KeyRing.of(Map.of("MN1", VECTOR_KEY));
        assertThat(ring.toString()).isEqualTo("Sm4KeyRing{1 MNs}");
        assertThat(Hj212Decoder.builder().sm4Keys(ring).build().options().toString())
                .doesNotContainIgnoringCase("0123456789abcdef");
    }

    @Test
    void keyRingCopiesKeysInAndOut() {
        byte[] key = VECTOR_KEY.clone();
        Sm4KeyRing ring = new Sm4KeyRing();
        ring.put("MN1", key);
        key[0] = 0;
        ring.keyFor("MN1").orElseThrow()[1] = 0;
        assertThat(ring.keyFor("MN1")).hasValueSatisfying(k -> assertThat(k).isEqualTo(VECTOR_KEY));
        assertThat(ring.keyFor("MN2")).isEmpty();
        ring.remove("MN1");
        assertThat(ring.keyFor("MN1")).isEmpty();
        assertThatThrownBy(() -> ring.put("MN1", new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }
}
