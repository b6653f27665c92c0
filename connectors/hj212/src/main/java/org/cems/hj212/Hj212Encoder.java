package org.cems.hj212;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes packets as frames: {@code ##} + byte length + data segment + Appendix A CRC + CRLF
 * (HJ 212-2017 §6.3). The edition follows the packet's Flag; HJ/T 212-2005 packets (Flag 0-3 or
 * none) are written with 2005 factor codes where Table B.2 has one, as a 2005 device would.
 */
public final class Hj212Encoder {

    private static final String CP_OPEN = "CP=&&";

    private Hj212Encoder() {}

    /** The complete frame, ready to send. */
    public static byte[] encode(Hj212Packet packet) {
        return frame(dataSegment(packet).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The complete frame with its data area SM4-encrypted with the MN's key (HJ 212-2025, see
     * {@link Sm4DataArea}); the CRC is computed over the encrypted segment.
     *
     * @throws IllegalArgumentException if the packet is not HJ 212-2025 or its CN is not one the
     *                                  standard encrypts (2000-2999, 1014, 3020)
     */
    public static byte[] encode(Hj212Packet packet, Sm4DataArea sm4, byte[] key) {
        if (packet.edition() != Hj212Edition.HJ212_2025 || !Sm4DataArea.appliesTo(packet.cn())) {
            throw new IllegalArgumentException("SM4 applies to HJ 212-2025 CN 2000-2999, 1014, 3020; not "
                    + packet.edition() + " CN " + packet.cn());
        }
        String segment = dataSegment(packet);
        int cp = segment.lastIndexOf(CP_OPEN);
        String dataArea = segment.substring(cp + CP_OPEN.length(), segment.length() - 2);
        String encrypted = segment.substring(0, cp + CP_OPEN.length()) + sm4.encrypt(dataArea, key) + "&&";
        return frame(encrypted.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A statistic written with {@code decimals} fraction digits. HJ 212-2025 rounds statistics
     * half to even (四舍六入五成双: 2.25 gives 2.2, 2.35 gives 2.4); earlier editions are written
     * half up, as before. The decimal value the double prints as is rounded, not its binary
     * expansion, so 2.675 at 2 digits gives 2.68 under both rules.
     */
    public static String number(double value, int decimals, Hj212Edition edition) {
        if (!Double.isFinite(value) || decimals < 0) {
            throw new IllegalArgumentException("need a finite value and decimals >= 0, got " + value + ", " + decimals);
        }
        RoundingMode mode = edition == Hj212Edition.HJ212_2025 ? RoundingMode.HALF_EVEN : RoundingMode.HALF_UP;
        return BigDecimal.valueOf(value).setScale(decimals, mode).toPlainString();
    }

    /**
     * The data segment in the standard's field order:
     * {@code QN;ST;CN;PW;MN;Flag;[PNUM;PNO;]CP=&&DataTime;fields;items&&}. Absent fields are left out.
     *
     * @throws IllegalArgumentException if a value holds a separator ({@code ; , = &&}) the protocol
     *                                  cannot carry; only {@code //...//} text may hold ; and ,
     */
    public static String dataSegment(Hj212Packet p) {
        StringBuilder sb = new StringBuilder(128);
        p.qn().ifPresent(v -> sb.append("QN=").append(header(v)).append(';'));
        p.st().ifPresent(v -> sb.append("ST=").append(header(v)).append(';'));
        sb.append("CN=").append(header(p.cn())).append(';');
        p.pw().ifPresent(v -> sb.append("PW=").append(header(v)).append(';'));
        sb.append("MN=").append(header(p.mn())).append(';');
        p.flag().ifPresent(v -> sb.append("Flag=").append(v).append(';'));
        if (p.pnum() > 0) {
            sb.append("PNUM=").append(p.pnum()).append(";PNO=").append(p.pno()).append(';');
        }
        StringJoiner cp = new StringJoiner(";", CP_OPEN, "&&");
        p.dataTime().ifPresent(t -> cp.add("DataTime=" + formatDataTime(t)));
        p.cpFields().forEach((k, v) -> cp.add(k + "=" + cpValue(v)));
        boolean legacy = p.edition() == Hj212Edition.HJT212_2005;
        for (Hj212Item item : p.items().values()) {
            if (item.values().isEmpty()) {
                continue;
            }
            String code = legacy ? LegacyCodes.toLegacy(item.code()).orElse(item.code()) : item.code();
            StringJoiner values = new StringJoiner(",");
            for (Map.Entry<String, String> e : item.values().entrySet()) {
                values.add(code + "-" + e.getKey() + "=" + cpValue(e.getValue()));
            }
            cp.add(values.toString());
        }
        return sb.append(cp).toString();
    }

    /** Wraps a data segment: {@code ##dddd} (UTF-8 byte count) + segment + CRC + CRLF. */
    public static byte[] frame(byte[] segment) {
        if (segment.length > Hj212Framer.MAX_SEGMENT_BYTES_LIMIT) {
            throw new IllegalArgumentException("data segment of " + segment.length
                    + " bytes does not fit the 4-digit length field; split the packet (PNUM/PNO)");
        }
        byte[] head = String.format("##%04d", segment.length).getBytes(StandardCharsets.US_ASCII);
        byte[] tail = (Hj212Crc.hex(Hj212Crc.compute(segment, 0, segment.length)) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + segment.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(segment, 0, out, head.length, segment.length);
        System.arraycopy(tail, 0, out, head.length + segment.length, tail.length);
        return out;
    }

    private static String header(String v) {
        if (v.indexOf(';') >= 0 || v.indexOf(',') >= 0 || v.indexOf('=') >= 0 || v.indexOf('&') >= 0) {
            throw new IllegalArgumentException("header value cannot hold ; , = or &: " + v);
        }
        return v;
    }

    /** CP values: no separators, except inside {@code //text//} (Info, §2.4). */
    private static String cpValue(String v) {
        boolean text =
                v.length() >= 4 && v.startsWith("//") && v.endsWith("//") && v.indexOf("//", 2) == v.length() - 2;
        if (v.contains("&&") || (!text && (v.indexOf(';') >= 0 || v.indexOf(',') >= 0))) {
            throw new IllegalArgumentException("CP value cannot hold ; , or && outside //text//: " + v);
        }
        return v;
    }

    /** {@code yyyyMMddHHmmss}, plus 3 millisecond digits when they are not zero. */
    static String formatDataTime(LocalDateTime t) {
        String s = String.format(
                "%04d%02d%02d%02d%02d%02d",
                t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
        int ms = t.getNano() / 1_000_000;
        return ms == 0 ? s : s + String.format("%03d", ms);
    }
}
