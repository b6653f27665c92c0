package org.cems.hj212;

/** Which CRC algorithm a received frame's CRC field matched. */
public enum CrcVariant {
    /** HJ 212 Appendix A, the only one the standard allows. */
    STANDARD,
    /** CRC-16/MODBUS, high byte first. Non-standard; accepted only by the lenient policy. */
    MODBUS_HIGH_FIRST,
    /** CRC-16/MODBUS, low byte first. Non-standard; accepted only by the lenient policy. */
    MODBUS_LOW_FIRST;

    /** This variant's CRC over {@code buf[off, off+len)}. */
    public int compute(byte[] buf, int off, int len) {
        return switch (this) {
            case STANDARD -> Hj212Crc.compute(buf, off, len);
            case MODBUS_HIGH_FIRST -> Hj212Crc.modbusHighFirst(buf, off, len);
            case MODBUS_LOW_FIRST -> Hj212Crc.modbusLowFirst(buf, off, len);
        };
    }
}
