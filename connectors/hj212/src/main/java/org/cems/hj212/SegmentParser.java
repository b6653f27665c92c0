package org.cems.hj212;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses one data segment (HJ 212-2017 §6.3.2-6.3.3) into a packet, tolerating what real devices
 * and the standard's own examples get wrong (see the notes §1.4 and §3.2):
 * header fields in any order and any case, {@code ,} instead of {@code ;} between them, stray
 * spaces, trailing {@code ;}, {@code Flag=5CP=&&}, empty values, repeated keys (last wins), items
 * separated only by {@code ;}, lowercase data flags.
 */
final class SegmentParser {

    /** Known suffixes in the standard's spelling (Table 4), looked up case-insensitively. */
    private static final Map<String, String> CANONICAL_SUFFIX = new LinkedHashMap<>();

    static {
        for (String s : new String[] {
            "Rtd",
            "Min",
            "Avg",
            "Max",
            "ZsRtd",
            "ZsMin",
            "ZsAvg",
            "ZsMax",
            "Cou",
            "Flag",
            "EFlag",
            "SampleTime",
            "RS",
            "RT",
            "Data",
            "DayData",
            "NightData",
            "Info",
            "SN"
        }) {
            CANONICAL_SUFFIX.put(s.toLowerCase(Locale.ROOT), s);
        }
    }

    private SegmentParser() {}

    /** Never throws for any segment bytes. Encrypted data areas are rejected as {@code no_key}. */
    static DecodeResult parse(byte[] segment, CrcVariant crc) {
        return parse(segment, crc, Sm4DataArea.hex(), Sm4Keys.none());
    }

    /** Never throws for any segment bytes; SM4 data areas are decrypted with the MN's key. */
    static DecodeResult parse(byte[] segment, CrcVariant crc, Sm4DataArea sm4, Sm4Keys keys) {
        try {
            boolean[] decrypted = new boolean[1];
            Hj212Packet packet = parse(new String(segment, StandardCharsets.UTF_8), sm4, keys, decrypted);
            return new DecodeResult.Decoded(packet, crc, decrypted[0]);
        } catch (Reject r) {
            return new DecodeResult.Rejected(r.reason, r.getMessage(), Excerpts.ofSegment(segment));
        } catch (RuntimeException e) {
            return new DecodeResult.Rejected(RejectReason.INTERNAL_ERROR, e.toString(), Excerpts.ofSegment(segment));
        }
    }

    static Hj212Packet parse(String seg) throws Reject {
        return parse(seg, Sm4DataArea.hex(), Sm4Keys.none(), new boolean[1]);
    }

    private static Hj212Packet parse(String seg, Sm4DataArea sm4, Sm4Keys keys, boolean[] decrypted) throws Reject {
        String headerText;
        String cpText = null;
        int cpAt = indexOfIgnoreCase(seg, "CP=&&");
        if (cpAt >= 0) {
            int contentStart = cpAt + 5;
            int close = seg.lastIndexOf("&&");
            if (close < contentStart) {
                throw new Reject(RejectReason.BAD_CP, "CP=&& is not closed by &&");
            }
            cpText = seg.substring(contentStart, close);
            // 2005 packets may carry fields after CP; read them as header fields (§1.4).
            headerText = seg.substring(0, cpAt) + ";" + seg.substring(close + 2);
        } else {
            if (hasField(seg, "CP")) {
                throw new Reject(RejectReason.BAD_CP, "CP value does not start with &&");
            }
            headerText = seg;
        }

        Header h = parseHeader(headerText);
        Hj212Packet.Builder b =
                Hj212Packet.builder().qn(h.get("QN")).st(h.get("ST")).pw(h.get("PW"));
        String mn = h.get("MN");
        if (mn == null) {
            throw new Reject(RejectReason.MISSING_MN, "no MN in the header");
        }
        String cn = h.get("CN");
        if (cn == null) {
            throw new Reject(RejectReason.MISSING_CN, "no CN in the header");
        }
        b.mn(mn).cn(cn);
        int flag = parseFlag(h.get("FLAG"));
        if (flag >= 0) {
            b.flag(flag);
        }
        parseSplit(h.get("PNUM"), h.get("PNO"), b);
        Hj212Edition edition = flag < 0 ? Hj212Edition.HJT212_2005 : Hj212Edition.ofVersionBits(flag >> 2);

        String dataTimeText = null;
        if (cpText != null && sm4.isEncrypted(edition, cn, cpText)) {
            dataTimeText = parseEncryptedCp(cpText, mn, sm4, keys, b);
            decrypted[0] = true;
        } else if (cpText != null) {
            dataTimeText = parseCp(cpText, b, edition == Hj212Edition.HJT212_2005);
        }
        if (dataTimeText != null) {
            b.dataTime(parseDataTime(dataTimeText));
        }
        Hj212Packet packet = b.build();
        Hj212PacketKind kind = packet.kind();
        if (packet.dataTime().isEmpty() && !packet.items().isEmpty() && kind.timedItems()) {
            throw new Reject(RejectReason.BAD_DATATIME, "upload with items but no DataTime");
        }
        return packet;
    }

    /** Header fields split on ';' or ','; names case-insensitive; empty values are absent. */
    private static Header parseHeader(String text) throws Reject {
        Header h = new Header();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int next = i;
            while (next < n && text.charAt(next) != ';' && text.charAt(next) != ',') {
                next++;
            }
            String token = text.substring(i, next).trim();
            i = next + 1;
            if (token.isEmpty()) {
                continue;
            }
            int eq = token.indexOf('=');
            if (eq <= 0) {
                throw new Reject(RejectReason.BAD_HEADER, "header field without name=value: " + cut(token));
            }
            String name = token.substring(0, eq).trim().toUpperCase(Locale.ROOT);
            String value = token.substring(eq + 1).trim();
            h.fields.put(name, value.isEmpty() ? null : value);
        }
        return h;
    }

    private static int parseFlag(String text) throws Reject {
        if (text == null) {
            return -1;
        }
        int v = parseSmallInt(text, 3);
        if (v < 0 || v > 255) {
            throw new Reject(RejectReason.BAD_FLAG, "Flag is not an integer 0-255: " + cut(text));
        }
        if (Hj212Edition.ofVersionBits(v >> 2) == null) {
            throw new Reject(RejectReason.BAD_FLAG, "Flag " + v + " names unknown protocol version " + (v >> 2));
        }
        return v;
    }

    /** PNUM/PNO, zero-padded or not, in either order (the header map does not care). */
    private static void parseSplit(String pnumText, String pnoText, Hj212Packet.Builder b) throws Reject {
        if (pnumText == null && pnoText == null) {
            return;
        }
        if (pnumText == null || pnoText == null) {
            throw new Reject(RejectReason.BAD_SPLIT, "PNUM and PNO must come together");
        }
        int pnum = parseSmallInt(pnumText, 4);
        int pno = parseSmallInt(pnoText, 4);
        if (pnum < 1 || pno < 1 || pno > pnum) {
            throw new Reject(
                    RejectReason.BAD_SPLIT,
                    "need 1 <= PNO <= PNUM <= 9999, got PNO=" + cut(pnoText) + " PNUM=" + cut(pnumText));
        }
        b.split(pnum, pno);
    }

    /**
     * HJ 212-2025 SM4 data area (see {@link Sm4DataArea}): decrypted with the MN's key, then read as
     * a plaintext one. Only {@code no_key} and {@code bad_decrypt} name the cause; the key and the
     * plaintext never reach the rejection.
     */
    private static String parseEncryptedCp(
            String cipherText, String mn, Sm4DataArea sm4, Sm4Keys keys, Hj212Packet.Builder b) throws Reject {
        byte[] key = keys.keyFor(mn)
                .orElseThrow(
                        () -> new Reject(RejectReason.NO_KEY, "SM4-encrypted data area and no key for MN " + cut(mn)));
        String plain = sm4.decrypt(cipherText, key)
                .orElseThrow(() -> new Reject(
                        RejectReason.BAD_DECRYPT,
                        "SM4 data area does not decrypt to UTF-8 text with the key of MN " + cut(mn)));
        if (plain.indexOf('=') < 0) {
            throw new Reject(RejectReason.BAD_DECRYPT, "decrypted data area holds no name=value entry");
        }
        try {
            return parseCp(plain, b, false);
        } catch (Reject r) {
            if (r.reason == RejectReason.BAD_CP) {
                throw new Reject(RejectReason.BAD_DECRYPT, "decrypted data area is not a valid CP");
            }
            throw r;
        }
    }

    /**
     * CP entries split on ';' or ',' (§6.3.3.1); a value starting with {@code //} runs to the closing
     * {@code //}, so Info text may hold separators. Returns the DataTime text, if any.
     */
    private static String parseCp(String cp, Hj212Packet.Builder b, boolean legacyCodes) throws Reject {
        String dataTime = null;
        Map<String, Map<String, String>> items = new LinkedHashMap<>();
        int i = 0;
        int n = cp.length();
        while (i < n) {
            char c = cp.charAt(i);
            if (c == ';' || c == ',') {
                i++;
                continue;
            }
            int keyEnd = i;
            while (keyEnd < n && cp.charAt(keyEnd) != '=' && cp.charAt(keyEnd) != ';' && cp.charAt(keyEnd) != ',') {
                keyEnd++;
            }
            String key = cp.substring(i, keyEnd).trim();
            if (keyEnd == n || cp.charAt(keyEnd) != '=') {
                if (!key.isEmpty()) {
                    throw new Reject(RejectReason.BAD_CP, "CP entry without '=': " + cut(key));
                }
                i = keyEnd + 1;
                continue;
            }
            int valueStart = keyEnd + 1;
            while (valueStart < n && cp.charAt(valueStart) == ' ') {
                valueStart++;
            }
            int valueEnd = -1;
            if (cp.startsWith("//", valueStart)) {
                int close = cp.indexOf("//", valueStart + 2);
                if (close >= 0) {
                    valueEnd = close + 2;
                }
            }
            if (valueEnd < 0) {
                valueEnd = valueStart;
            }
            while (valueEnd < n && cp.charAt(valueEnd) != ';' && cp.charAt(valueEnd) != ',') {
                valueEnd++;
            }
            String value =
                    cp.substring(Math.min(valueStart, valueEnd), valueEnd).trim();
            i = valueEnd + 1;

            if (!validKey(key)) {
                throw new Reject(RejectReason.BAD_CP, "bad CP key: " + cut(key));
            }
            int dash = key.lastIndexOf('-');
            if (dash >= 0) {
                if (dash == 0 || dash == key.length() - 1) {
                    throw new Reject(RejectReason.BAD_CP, "bad item key: " + cut(key));
                }
                String code = key.substring(0, dash);
                String suffix = canonicalSuffix(key.substring(dash + 1));
                if (suffix.equals(Hj212Item.FLAG)) {
                    value = value.toUpperCase(Locale.ROOT); // 'm' seen in the wild (§2.4)
                }
                if (legacyCodes) {
                    code = LegacyCodes.toCurrent(code).orElse(code);
                }
                Map<String, String> values = items.computeIfAbsent(code, k -> new LinkedHashMap<>());
                if (value.isEmpty()) {
                    values.remove(suffix);
                } else {
                    values.put(suffix, value);
                }
            } else if (key.equalsIgnoreCase("DataTime")) {
                dataTime = value.isEmpty() ? null : value;
            } else {
                b.cpField(key, value);
            }
        }
        items.forEach((code, values) -> {
            b.item(new Hj212Item(code, values));
        });
        return dataTime;
    }

    /** 14 digits {@code yyyyMMddHHmmss}, or 17 with milliseconds (seen in the wild). */
    private static LocalDateTime parseDataTime(String text) throws Reject {
        if ((text.length() != 14 && text.length() != 17) || !allDigits(text)) {
            throw new Reject(RejectReason.BAD_DATATIME, "DataTime is not 14 or 17 digits: " + cut(text));
        }
        try {
            int ms = text.length() == 17 ? Integer.parseInt(text.substring(14, 17)) : 0;
            return LocalDateTime.of(
                    Integer.parseInt(text.substring(0, 4)),
                    Integer.parseInt(text.substring(4, 6)),
                    Integer.parseInt(text.substring(6, 8)),
                    Integer.parseInt(text.substring(8, 10)),
                    Integer.parseInt(text.substring(10, 12)),
                    Integer.parseInt(text.substring(12, 14)),
                    ms * 1_000_000);
        } catch (DateTimeException e) {
            throw new Reject(RejectReason.BAD_DATATIME, "DataTime is not a valid time: " + text);
        }
    }

    private static String canonicalSuffix(String suffix) {
        return CANONICAL_SUFFIX.getOrDefault(suffix.toLowerCase(Locale.ROOT), suffix);
    }

    /** Letters, digits, '-', '_', '.': covers standard and vendor keys (a19001w, 100000-Ia, lng). */
    private static boolean validKey(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Digits only (zero-padding allowed), at most maxDigits significant digits; -1 otherwise. */
    private static int parseSmallInt(String text, int maxDigits) {
        if (text.isEmpty() || !allDigits(text)) {
            return -1;
        }
        int i = 0;
        while (i < text.length() - 1 && text.charAt(i) == '0') {
            i++;
        }
        if (text.length() - i > maxDigits) {
            return -1;
        }
        return Integer.parseInt(text.substring(i));
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Index of {@code needle} (ASCII) in {@code s}, ignoring case; -1 if absent. */
    private static int indexOfIgnoreCase(String s, String needle) {
        for (int i = 0, last = s.length() - needle.length(); i <= last; i++) {
            if (s.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a header field {@code name=} starts at a field boundary somewhere in {@code s}. */
    private static boolean hasField(String s, String name) {
        String needle = name + "=";
        for (int i = 0, last = s.length() - needle.length(); i <= last; i++) {
            if (s.regionMatches(true, i, needle, 0, needle.length())
                    && (i == 0 || ";, ".indexOf(s.charAt(i - 1)) >= 0 || Character.isDigit(s.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + '\u2026';
    }

    private static final class Header {
        final Map<String, String> fields = new LinkedHashMap<>();

        String get(String name) {
            return fields.get(name);
        }
    }

    /** Control flow for a rejection; no stack trace needed. */
    static final class Reject extends Exception {
        private static final long serialVersionUID = 1L;
        final RejectReason reason;

        Reject(RejectReason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }
}
