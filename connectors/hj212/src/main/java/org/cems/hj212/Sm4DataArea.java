package org.cems.hj212;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM4 encryption of the HJ 212-2025 data area: the characters between {@code CP=&&} and {@code &&}
 * of data commands (CN 2000-2999), new-key commands (1014) and site-machine information (3020) are
 * encrypted with SM4 (GB/T 32907-2016), 128-bit key, ECB, no padding, when sent over public
 * networks (docs/hj212-2025.md, "SM4").
 *
 * <ul>
 *   <li>The ciphertext is written into the frame as hex (uppercase on encode, either case on
 *       decode) or, if configured, Base64: public implementations differ (docs/hj212-2025.md).
 *   <li>"No padding" leaves the plaintext length open; a plaintext that is not a whole number of
 *       16-byte blocks is filled with NUL bytes on encode. On decode trailing NULs, and PKCS#7
 *       bytes some SM4 libraries add by default, are removed: neither can end a data area.
 *   <li>Keys never appear in {@code toString}, exception messages or logs.
 * </ul>
 *
 * Immutable and thread-safe; each call uses its own SM4 engine.
 */
public final class Sm4DataArea implements Serializable {

    private static final long serialVersionUID = 1L;

    /** SM4 key and block size, GB/T 32907-2016 §5. */
    public static final int KEY_BYTES = 16;

    private static final int BLOCK_BYTES = 16;

    /** How the ciphertext bytes are written between {@code CP=&&} and {@code &&}. */
    public enum Encoding {
        /** Hex digits, two per byte (written uppercase). */
        HEX,
        /** Standard Base64 with padding (RFC 4648 §4). */
        BASE64
    }

    private final Encoding encoding;

    public Sm4DataArea(Encoding encoding) {
        this.encoding = Objects.requireNonNull(encoding, "encoding");
    }

    /** Hex-written ciphertext, the form found in public HJ 212-2025 code. */
    public static Sm4DataArea hex() {
        return new Sm4DataArea(Encoding.HEX);
    }

    public Encoding encoding() {
        return encoding;
    }

    /** Whether HJ 212-2025 encrypts this CN's data area: 2000-2999, 1014 and 3020. */
    public static boolean appliesTo(String cn) {
        if (cn == null || cn.length() != 4 || !cn.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return cn.charAt(0) == '2' || cn.equals("1014") || cn.equals("3020");
    }

    /**
     * The decoder's rule for "this data area is encrypted": an HJ 212-2025 frame (Flag 8-11), a CN
     * the standard encrypts ({@link #appliesTo}), and a data area shaped as this encoding's
     * ciphertext of whole 16-byte blocks. A plaintext data area never has that shape: every entry
     * holds {@code name=value}. A 2025 frame of such a CN with a plaintext data area (sent over a
     * private network) is read as plaintext.
     */
    public boolean isEncrypted(Hj212Edition edition, String cn, String dataArea) {
        return edition == Hj212Edition.HJ212_2025 && appliesTo(cn) && looksLikeCiphertext(dataArea);
    }

    /** Whether {@code dataArea} is non-empty ciphertext of whole blocks in this encoding. */
    public boolean looksLikeCiphertext(String dataArea) {
        if (dataArea == null) {
            return false;
        }
        String s = dataArea.trim();
        if (s.isEmpty()) {
            return false;
        }
        return switch (encoding) {
            case HEX -> s.length() % (2 * BLOCK_BYTES) == 0 && s.chars().allMatch(c -> Character.digit(c, 16) >= 0);
            case BASE64 ->
                s.length() % 4 == 0 && s.matches("[A-Za-z0-9+/]+={0,2}") && base64Bytes(s) % BLOCK_BYTES == 0;
        };
    }

    /** The data area encrypted with {@code key} and written in this encoding. */
    public String encrypt(String dataArea, byte[] key) {
        byte[] plain = dataArea.getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(plain, (plain.length + BLOCK_BYTES - 1) / BLOCK_BYTES * BLOCK_BYTES);
        byte[] cipher = encryptBlocks(key, padded);
        return encoding == Encoding.HEX
                ? HexFormat.of().withUpperCase().formatHex(cipher)
                : Base64.getEncoder().encodeToString(cipher);
    }

    /**
     * The plaintext data area, or empty when the text is not ciphertext in this encoding or does
     * not decrypt to UTF-8 text without control characters (a wrong key gives random bytes).
     */
    public Optional<String> decrypt(String cipherText, byte[] key) {
        checkKey(key);
        if (!looksLikeCiphertext(cipherText)) {
            return Optional.empty();
        }
        String s = cipherText.trim();
        byte[] cipher = encoding == Encoding.HEX
                ? HexFormat.of().parseHex(s)
                : Base64.getDecoder().decode(s);
        byte[] plain = decryptBlocks(key, cipher);
        return text(plain, unpaddedLength(plain));
    }

    /** SM4-ECB encryption of whole 16-byte blocks (GB/T 32907-2016 §7.1), no padding. */
    public static byte[] encryptBlocks(byte[] key, byte[] plain) {
        return crypt(true, key, plain);
    }

    /** SM4-ECB decryption of whole 16-byte blocks (GB/T 32907-2016 §7.2), no padding. */
    public static byte[] decryptBlocks(byte[] key, byte[] cipher) {
        return crypt(false, key, cipher);
    }

    /**
     * A key written as 32 hex digits (as in the GB/T 32907 example {@code 0123456789abcdef...}).
     * The message of the exception never holds the text.
     */
    public static byte[] parseHexKey(String hex) {
        String s = hex == null ? "" : hex.trim();
        if (s.length() != 2 * KEY_BYTES || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("an SM4 key is 32 hex digits (128 bits)");
        }
        return HexFormat.of().parseHex(s);
    }

    /**
     * The new key a CN 1014 packet carries in {@code NewSK}, once its data area was decrypted:
     * 32 hex digits, or 16 ASCII characters taken as the key bytes. Empty for other packets or a
     * malformed value.
     */
    public static Optional<byte[]> newKey(Hj212Packet packet) {
        if (!"1014".equals(packet.cn())) {
            return Optional.empty();
        }
        String v = packet.cpFields().get(NEW_KEY_FIELD);
        if (v == null) {
            return Optional.empty();
        }
        if (v.length() == 2 * KEY_BYTES && v.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Optional.of(HexFormat.of().parseHex(v));
        }
        if (v.length() == KEY_BYTES && v.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            return Optional.of(v.getBytes(StandardCharsets.US_ASCII));
        }
        return Optional.empty();
    }

    /** The CN 1014 field holding the new key; redacted wherever packets are printed. */
    static final String NEW_KEY_FIELD = "NewSK";

    static byte[] checkKey(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an SM4 key is " + KEY_BYTES + " bytes");
        }
        return key;
    }

    private static byte[] crypt(boolean encrypt, byte[] key, byte[] in) {
        checkKey(key);
        if (in.length % BLOCK_BYTES != 0) {
            throw new IllegalArgumentException(
                    "SM4 without padding needs whole 16-byte blocks, got " + in.length + " bytes");
        }
        SM4Engine engine = new SM4Engine();
        engine.init(encrypt, new KeyParameter(key));
        byte[] out = new byte[in.length];
        for (int off = 0; off < in.length; off += BLOCK_BYTES) {
            engine.processBlock(in, off, out, off);
        }
        return out;
    }

    /** Length without trailing NUL fill or a PKCS#7 tail (bytes 1-16, all equal to their count). */
    private static int unpaddedLength(byte[] plain) {
        int n = plain.length;
        while (n > 0 && plain[n - 1] == 0) {
            n--;
        }
        if (n == plain.length && n > 0) {
            int pad = plain[n - 1];
            if (pad >= 1 && pad <= BLOCK_BYTES && pad <= n) {
                boolean pkcs7 = true;
                for (int i = n - pad; i < n; i++) {
                    pkcs7 &= plain[i] == pad;
                }
                if (pkcs7) {
                    n -= pad;
                }
            }
        }
        return n;
    }

    private static Optional<String> text(byte[] plain, int len) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plain, 0, len));
            String s = chars.toString();
            return s.chars().anyMatch(c -> c < 0x20 || c == 0x7F) ? Optional.empty() : Optional.of(s);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static int base64Bytes(String s) {
        int padding = s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0;
        return s.length() / 4 * 3 - padding;
    }

    @Override
    public String toString() {
        return "Sm4DataArea{" + encoding + '}';
    }
}
