package org.cems.hj212;

/**
 * What the framer accepts as a valid CRC field.
 *
 * <p>Per edition (docs/hj212-2025.md, "CRC"): HJ/T 212-2005 and HJ 212-2017 frames need the
 * Appendix A CRC. An HJ 212-2025 frame (its header says Flag 8-11) is also accepted, under every
 * policy, with CRC-16/MODBUS written high byte first, which a public 2025 implementation computes;
 * the result reports {@link CrcVariant#MODBUS_HIGH_FIRST} so such loggers can be counted. The
 * encoder always writes the Appendix A CRC.
 */
public enum CrcPolicy {
    /** Only the Appendix A CRC (and, for 2025 frames, CRC-16/MODBUS); anything else is {@code bad_crc}. */
    STRICT,
    /**
     * The Appendix A CRC, or one of the two CRC-16/MODBUS variants seen in real traffic; the
     * decoded result reports which one matched so the caller can count non-standard devices.
     */
    ACCEPT_MODBUS_VARIANTS;

    /**
     * The variant whose CRC over the segment equals {@code received}, standard first, or
     * {@code null} if none allowed by this policy matches.
     */
    CrcVariant match(byte[] buf, int off, int len, int received) {
        if (Hj212Crc.compute(buf, off, len) == received) {
            return CrcVariant.STANDARD;
        }
        boolean modbusAllowed = this == ACCEPT_MODBUS_VARIANTS || declares2025(buf, off, len);
        if (modbusAllowed && Hj212Crc.modbusHighFirst(buf, off, len) == received) {
            return CrcVariant.MODBUS_HIGH_FIRST;
        }
        if (this == ACCEPT_MODBUS_VARIANTS && Hj212Crc.modbusLowFirst(buf, off, len) == received) {
            return CrcVariant.MODBUS_LOW_FIRST;
        }
        return null;
    }

    /**
     * Whether a header field {@code Flag=} before {@code CP=} holds 8-11 (version bits 000010),
     * read from the raw segment the same way the parser reads it: any case, after a separator.
     */
    static boolean declares2025(byte[] buf, int off, int len) {
        int end = off + len;
        for (int i = off; i + 5 <= end; i++) {
            int c = buf[i] | 0x20; // ASCII lower case
            if (c == 'c' && (buf[i + 1] | 0x20) == 'p' && buf[i + 2] == '=' && isFieldStart(buf, off, i)) {
                return false; // the data area may hold anything
            }
            if (c == 'f'
                    && (buf[i + 1] | 0x20) == 'l'
                    && (buf[i + 2] | 0x20) == 'a'
                    && (buf[i + 3] | 0x20) == 'g'
                    && buf[i + 4] == '='
                    && isFieldStart(buf, off, i)) {
                int v = 0;
                int digits = 0;
                for (int j = i + 5; j < end && buf[j] >= '0' && buf[j] <= '9' && digits < 4; j++, digits++) {
                    v = v * 10 + (buf[j] - '0');
                }
                return digits > 0 && digits < 4 && v >> 2 == Hj212Edition.HJ212_2025.versionBits();
            }
        }
        return false;
    }

    private static boolean isFieldStart(byte[] buf, int off, int i) {
        return i == off || buf[i - 1] == ';' || buf[i - 1] == ',' || buf[i - 1] == ' ';
    }
}
