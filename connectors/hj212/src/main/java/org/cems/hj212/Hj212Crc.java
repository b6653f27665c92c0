package org.cems.hj212;

import java.util.Objects;

/**
 * CRC of an HJ 212 data segment (HJ 212-2017 Appendix A, same algorithm in HJ/T 212-2005), plus the
 * two CRC-16/MODBUS variants that some devices send instead.
 *
 * <p>All methods return the 16-bit register value; {@link #hex(int)} renders it the way the frame
 * carries it (4 hex digits, high byte first).
 */
public final class Hj212Crc {

    /**
     * T[x]: eight reflected-0xA001 shift rounds applied to an 8-bit register value. Appendix A
     * reduces the register to 8 bits before every byte, so one lookup per byte is the whole step;
     * MODBUS uses the same table with a different combination step.
     */
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int reg = i;
            for (int j = 0; j < 8; j++) {
                reg = (reg & 1) != 0 ? (reg >>> 1) ^ 0xA001 : reg >>> 1;
            }
            TABLE[i] = reg;
        }
    }

    private Hj212Crc() {}

    /**
     * The standard CRC (Appendix A): {@code reg = (reg >>> 8) ^ byte}, then 8 shift rounds. The low
     * byte of the register is dropped before each step, so this is NOT CRC-16/MODBUS.
     */
    public static int compute(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        int reg = 0xFFFF;
        for (int i = off, end = off + len; i < end; i++) {
            reg = TABLE[(reg >>> 8) ^ (buf[i] & 0xFF)];
        }
        return reg;
    }

    /** CRC-16/MODBUS written high byte first (non-standard devices, §3.1 variant 2 of the notes). */
    public static int modbusHighFirst(byte[] buf, int off, int len) {
        return modbus(buf, off, len);
    }

    /** CRC-16/MODBUS written low byte first, i.e. byte-swapped (§3.1 variant 3 of the notes). */
    public static int modbusLowFirst(byte[] buf, int off, int len) {
        int reg = modbus(buf, off, len);
        return ((reg & 0xFF) << 8) | (reg >>> 8);
    }

    /** Four uppercase hex digits, high byte first, as written in the frame (e.g. {@code 1C80}). */
    public static String hex(int crc) {
        char[] out = new char[4];
        for (int i = 3; i >= 0; i--) {
            out[i] = Character.toUpperCase(Character.forDigit(crc & 0xF, 16));
            crc >>>= 4;
        }
        return new String(out);
    }

    private static int modbus(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        int reg = 0xFFFF;
        for (int i = off, end = off + len; i < end; i++) {
            reg = (reg >>> 8) ^ TABLE[(reg ^ buf[i]) & 0xFF];
        }
        return reg;
    }
}
