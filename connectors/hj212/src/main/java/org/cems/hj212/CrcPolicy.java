package org.cems.hj212;

/** What the framer accepts as a valid CRC field. */
public enum CrcPolicy {
    /** Only the Appendix A CRC; anything else is rejected as {@code bad_crc}. */
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
        if (this == ACCEPT_MODBUS_VARIANTS) {
            if (Hj212Crc.modbusHighFirst(buf, off, len) == received) {
                return CrcVariant.MODBUS_HIGH_FIRST;
            }
            if (Hj212Crc.modbusLowFirst(buf, off, len) == received) {
                return CrcVariant.MODBUS_LOW_FIRST;
            }
        }
        return null;
    }
}
