package org.cems.hj212;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Bounded, log-safe text excerpts of raw bytes for {@link DecodeResult.Rejected#rawExcerpt()}. */
final class Excerpts {
    static final int MAX = DecodeResult.Rejected.MAX_EXCERPT_CHARS;

    private Excerpts() {}

    /**
     * Decodes at most {@link #MAX} bytes as UTF-8 (malformed bytes become U+FFFD), escapes control
     * characters and ends with an ellipsis when the input was longer than the excerpt.
     */
    static String of(byte[] buf, int off, int len) {
        if (buf == null || len <= 0) {
            return "";
        }
        int n = Math.min(len, MAX);
        String text = new String(buf, off, n, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(Math.min(MAX, text.length() + 16));
        boolean cut = n < len;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String piece = switch (c) {
                case '\r' -> "\\r";
                case '\n' -> "\\n";
                case '\t' -> "\\t";
                default -> (c < 0x20 || c == 0x7F) ? String.format("\\x%02x", (int) c) : null;
            };
            int need = piece == null ? 1 : piece.length();
            if (sb.length() + need > MAX - 1) {
                cut = true;
                break;
            }
            if (piece == null) {
                sb.append(c);
            } else {
                sb.append(piece);
            }
        }
        if (cut) {
            sb.append('\u2026');
        }
        return hideNewKey(sb.toString());
    }

    /** A plaintext CN 1014 frame carries an SM4 key in {@code NewSK=}: it never reaches a dead letter. */
    static String hideNewKey(String text) {
        return NEW_KEY.matcher(text).replaceAll("$1***");
    }

    private static final Pattern NEW_KEY = Pattern.compile("(?i)(" + Sm4DataArea.NEW_KEY_FIELD + "\\s*=)[^;,&]*");

    /** Excerpt of a frame rebuilt from its data segment: {@code ##dddd} + segment start. */
    static String ofSegment(byte[] segment) {
        byte[] prefix = String.format("##%04d", segment.length % 10000).getBytes(StandardCharsets.US_ASCII);
        int n = Math.min(segment.length, MAX);
        byte[] joined = new byte[prefix.length + n];
        System.arraycopy(prefix, 0, joined, 0, prefix.length);
        System.arraycopy(segment, 0, joined, prefix.length, n);
        String s = of(joined, 0, joined.length);
        // the prefix adds 6 chars; keep the cap and flag that the segment was cut
        if (n < segment.length && !s.endsWith("\u2026")) {
            s = s.substring(0, Math.min(s.length(), MAX - 1)) + '\u2026';
        }
        return s;
    }
}
