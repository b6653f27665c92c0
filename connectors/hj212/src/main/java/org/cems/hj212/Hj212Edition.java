package org.cems.hj212;

/**
 * Protocol edition, from the version bits V5..V0 of Flag ({@code flag >> 2}, HJ 212-2017 Table 3).
 * A packet without Flag is treated as HJ/T 212-2005, where Flag was optional.
 */
public enum Hj212Edition {
    /** HJ/T 212-2005: version bits 000000 (Flag 0-3, or no Flag). */
    HJT212_2005(0),
    /** HJ 212-2017: version bits 000001 (Flag 4-7). */
    HJ212_2017(1),
    /** HJ 212-2025: version bits 000010 (Flag 8-11); seen on devices since 2021. */
    HJ212_2025(2);

    private final int versionBits;

    Hj212Edition(int versionBits) {
        this.versionBits = versionBits;
    }

    /** The V5..V0 value ({@code flag >> 2}). */
    public int versionBits() {
        return versionBits;
    }

    /** Flag value for this edition with the D (split) and A (answer needed) bits. */
    public int flag(boolean split, boolean needsAck) {
        return (versionBits << 2) | (split ? 2 : 0) | (needsAck ? 1 : 0);
    }

    /** The edition for these version bits, or {@code null} if unknown. */
    static Hj212Edition ofVersionBits(int bits) {
        for (Hj212Edition e : values()) {
            if (e.versionBits == bits) {
                return e;
            }
        }
        return null;
    }
}
