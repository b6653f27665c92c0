package org.cems.gateway;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cems.hj212.Hj212Edition;
import org.cems.hj212.Hj212Encoder;
import org.cems.hj212.Hj212Item;
import org.cems.hj212.Hj212Packet;

/** Frames a CEMS data logger sends, good and deliberately broken. */
final class TestFrames {
    static final LocalDateTime BASE_TIME = LocalDateTime.of(2026, 11, 26, 10, 0);
    private static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    private static final Pattern QN_FIELD = Pattern.compile("QN=(\\d{17})");
    /** Twelve factors of a coal-fired unit's stack: pollutants with ZsRtd, flue-gas parameters. */
    private static final String[][] FACTORS = {
        {"a21026", "21.4", "26.8"}, {"a21002", "38.2", "47.9"}, {"a34013", "3.1", "3.9"},
        {"a21005", "12.6", "15.8"}, {"a21003", "24.0", "30.1"}, {"a05001", "12.1", null},
        {"a19001", "6.2", null}, {"a00000", "512.3", null}, {"a01011", "14.2", null},
        {"a01012", "48.6", null}, {"a01013", "-0.12", null}, {"a01014", "8.4", null},
    };

    private TestFrames() {}

    /** A unique 17-digit QN for frame number {@code n}. */
    static String qn(int n) {
        return QN.format(BASE_TIME.plusNanos(n * 1_000_000L));
    }

    /** A 2017 real-time upload (CN 2011) of twelve factors, about 480 bytes. */
    static Hj212Packet realtime(String mn, String qn, String pw, boolean needsAck, LocalDateTime dataTime) {
        Hj212Packet.Builder b = Hj212Packet.builder()
                .qn(qn)
                .st("31")
                .cn("2011")
                .pw(pw)
                .mn(mn)
                .flag(Hj212Edition.HJ212_2017, needsAck)
                .dataTime(dataTime);
        for (String[] f : FACTORS) {
            b.item(f[0], Hj212Item.RTD, f[1]);
            if (f[2] != null) {
                b.item(f[0], Hj212Item.ZS_RTD, f[2]);
            }
            b.item(f[0], Hj212Item.FLAG, "N");
        }
        return b.build();
    }

    /** A packet without items: heartbeats, notifies, restarts, replies. */
    static Hj212Packet control(String mn, String qn, String cn, boolean needsAck) {
        return Hj212Packet.builder()
                .qn(qn)
                .st("31")
                .cn(cn)
                .pw("123456")
                .mn(mn)
                .flag(Hj212Edition.HJ212_2017, needsAck)
                .build();
    }

    static byte[] frame(Hj212Packet p) {
        return Hj212Encoder.encode(p);
    }

    /** The frame with a CRC that does not match its data segment. */
    static byte[] withBadCrc(byte[] frame) {
        byte[] out = frame.clone();
        int crcAt = out.length - 6; // CRC + CRLF
        String crc = new String(out, crcAt, 4, StandardCharsets.US_ASCII);
        String wrong = String.format("%04X", Integer.parseInt(crc, 16) ^ 0x1111);
        System.arraycopy(wrong.getBytes(StandardCharsets.US_ASCII), 0, out, crcAt, 4);
        return out;
    }

    /** The frame with its length field off by {@code delta} bytes. */
    static byte[] withLengthOffBy(byte[] frame, int delta) {
        byte[] out = frame.clone();
        int declared = Integer.parseInt(new String(out, 2, 4, StandardCharsets.US_ASCII));
        System.arraycopy(String.format("%04d", declared + delta).getBytes(StandardCharsets.US_ASCII), 0, out, 2, 4);
        return out;
    }

    /** The first {@code keep} bytes of the frame. */
    static byte[] truncated(byte[] frame, int keep) {
        return Arrays.copyOf(frame, keep);
    }

    /** The first QN in a text (a frame, or a dead letter's payload). */
    static String qnIn(String text) {
        Matcher m = QN_FIELD.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
