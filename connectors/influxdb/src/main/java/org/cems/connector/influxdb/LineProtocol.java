package org.cems.connector.influxdb;

import org.apache.flink.annotation.PublicEvolving;

/**
 * Encodes an {@link InfluxPoint} as one line of InfluxDB line protocol, so that no value can add a
 * line, a tag or a field.
 *
 * <p>Escaping follows the line-protocol table: a comma and a space in the measurement, a comma, an
 * equals sign and a space in tag keys, tag values and field keys, a double quote and a backslash in
 * string field values. Three cases cannot be stored verbatim, and are replaced visibly instead:
 *
 * <ul>
 *   <li>a carriage return or line feed (anywhere) becomes the two characters {@code \r} or {@code \n}:
 *       a raw one would end the line. This is what influxdb-client-java writes too.
 *   <li>in names and tag values, a backslash that the server would read as escaping the character
 *       after it (the last of an odd run before a comma, equals sign or space) or that ends the value
 *       becomes {@code ⧵} (U+29F5): InfluxDB rejects a value ending in a backslash, and an odd run
 *       before an escaped character cannot be written at all.
 * </ul>
 *
 * Each replacement is reported to the {@link EncodingListener}. NaN and infinite fields are left out
 * and reported; the caller must not pass a point left with no field ({@link
 * InfluxPoint#hasWritableField()}).
 */
@PublicEvolving
public final class LineProtocol {
    /** Stands for a backslash that InfluxDB cannot store at that place. */
    static final char BACKSLASH_SUBSTITUTE = '\u29F5';

    private static final String MEASUREMENT_SPECIALS = ", ";
    private static final String KEY_OR_TAG_SPECIALS = ",= ";

    /** Told about every change the encoder had to make to a point. */
    public interface EncodingListener {
        EncodingListener IGNORE = new EncodingListener() {};

        default void nonFiniteFieldDropped(String measurement, String field) {}

        default void characterReplaced(String measurement) {}
    }

    private LineProtocol() {}

    /** The line for {@code point}, without a trailing newline. */
    public static String encode(InfluxPoint point, WritePrecision precision) {
        return encode(point, precision, EncodingListener.IGNORE);
    }

    public static String encode(InfluxPoint point, WritePrecision precision, EncodingListener listener) {
        if (!point.hasWritableField()) {
            throw new IllegalArgumentException("point has no finite field to write: " + point);
        }
        StringBuilder line = new StringBuilder(128);
        String measurement = point.measurement();
        appendName(line, measurement, MEASUREMENT_SPECIALS, measurement, listener);
        for (int i = 0; i < point.tagCount(); i++) {
            line.append(',');
            appendName(line, point.tagKey(i), KEY_OR_TAG_SPECIALS, measurement, listener);
            line.append('=');
            appendName(line, point.tagValue(i), KEY_OR_TAG_SPECIALS, measurement, listener);
        }
        char separator = ' ';
        for (int i = 0; i < point.fieldCount(); i++) {
            Object value = point.fieldValue(i);
            if (InfluxPoint.isNonFinite(value)) {
                listener.nonFiniteFieldDropped(measurement, point.fieldKey(i));
                continue;
            }
            line.append(separator);
            separator = ',';
            appendName(line, point.fieldKey(i), KEY_OR_TAG_SPECIALS, measurement, listener);
            line.append('=');
            appendValue(line, value, measurement, listener);
        }
        return line.append(' ').append(precision.fromMillis(point.timeMillis())).toString();
    }

    private static void appendName(
            StringBuilder out, String raw, String specials, String measurement, EncodingListener listener) {
        if (isPlain(raw)) {
            // nearly every name: nothing to escape, so no walk char by char (a tenth of the job's time)
            out.append(raw);
            return;
        }
        String name = replaceLineBreaks(raw, measurement, listener);
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c == '\\') {
                int runEnd = i;
                while (runEnd < name.length() && name.charAt(runEnd) == '\\') {
                    runEnd++;
                }
                int run = runEnd - i;
                boolean atEnd = runEnd == name.length();
                boolean beforeSpecial = !atEnd && specials.indexOf(name.charAt(runEnd)) >= 0;
                if (atEnd || (beforeSpecial && run % 2 == 1)) {
                    out.append("\\".repeat(run - 1)).append(BACKSLASH_SUBSTITUTE);
                    listener.characterReplaced(measurement);
                } else {
                    out.append("\\".repeat(run));
                }
                i = runEnd;
            } else {
                if (specials.indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
                i++;
            }
        }
    }

    /**
     * Nothing that any part of a line escapes (backslash, line break, comma, space, equals, quote):
     * the text goes on the wire as it is. Text with one of them takes the escaping path.
     */
    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '\\', '\n', '\r', ',', ' ', '=', '"' -> {
                    return false;
                }
                default -> {}
            }
        }
        return true;
    }

    private static void appendValue(StringBuilder out, Object value, String measurement, EncodingListener listener) {
        if (value instanceof Double) {
            out.append(((Double) value).doubleValue());
        } else if (value instanceof Long) {
            out.append(((Long) value).longValue()).append('i');
        } else if (value instanceof Boolean) {
            out.append(((Boolean) value).booleanValue());
        } else {
            String text = (String) value;
            if (isPlain(text)) {
                out.append('"').append(text).append('"');
                return;
            }
            text = replaceLineBreaks(text, measurement, listener);
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            out.append('"');
        }
    }

    private static String replaceLineBreaks(String text, String measurement, EncodingListener listener) {
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        StringBuilder replaced = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                replaced.append('\\').append(c == '\n' ? 'n' : 'r');
                listener.characterReplaced(measurement);
            } else {
                replaced.append(c);
            }
        }
        return replaced.toString();
    }
}
