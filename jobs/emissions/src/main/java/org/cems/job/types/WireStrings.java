package org.cems.job.types;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.core.memory.DataInputView;

/**
 * Reads strings in the format Flink's {@code StringValue.writeString} writes (length + 1, then each
 * char, as 7-bit groups low first; 0 for null), without {@code StringValue.readString}'s
 * thread-local buffer: on a task thread that lookup kept missing its slot, 7 % of the windows'
 * thread at 100,000 sources (JFR, issue 18). A string of ASCII chars, as codes, ids and flags
 * are, is built from its bytes directly.
 */
public final class WireStrings {
    private static final int MORE = 0x80;

    private WireStrings() {}

    public static String read(DataInputView in) throws IOException {
        int length = readVarInt(in.readUnsignedByte(), in);
        if (length == 0) {
            return null;
        }
        length--;
        byte[] ascii = new byte[length];
        for (int i = 0; i < length; i++) {
            int b = in.readUnsignedByte();
            if (b >= MORE) {
                return readRest(ascii, i, readVarInt(b, in), length, in);
            }
            ascii[i] = (byte) b;
        }
        return new String(ascii, StandardCharsets.ISO_8859_1);
    }

    /** The string from its first char above ASCII on: {@code first} chars were ASCII, {@code next} is the one after. */
    private static String readRest(byte[] ascii, int first, int next, int length, DataInputView in) throws IOException {
        char[] chars = new char[length];
        for (int i = 0; i < first; i++) {
            chars[i] = (char) ascii[i];
        }
        chars[first] = (char) next;
        for (int i = first + 1; i < length; i++) {
            chars[i] = (char) readVarInt(in.readUnsignedByte(), in);
        }
        return new String(chars);
    }

    private static int readVarInt(int firstByte, DataInputView in) throws IOException {
        if (firstByte < MORE) {
            return firstByte;
        }
        int value = firstByte & 0x7F;
        int shift = 7;
        int b;
        while ((b = in.readUnsignedByte()) >= MORE) {
            value |= (b & 0x7F) << shift;
            shift += 7;
        }
        return value | (b << shift);
    }
}
