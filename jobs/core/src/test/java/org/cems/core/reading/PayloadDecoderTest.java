package org.cems.core.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class PayloadDecoderTest {
    private final PayloadDecoder decoder = new PayloadDecoder(ZoneId.of("Asia/Shanghai"), 1 << 20);

    private DecodedPayload decode(String text) {
        return decoder.decode(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void contractExample() {
        DecodedPayload d = decode("""
                {"mn":"010000A8900016F000169DC0","cn":"2011","time":"2026-11-26T10:15:00+08:00",
                 "values":{"a21026":{"rtd":23.1,"zsRtd":28.4,"flag":"N"},
                           "a21002":{"avg":41.0,"min":38.2,"max":44.9,"cou":0.62,"flag":"N"},
                           "a19001":{"rtd":7.2,"flag":"N"},"a00000":{"rtd":512.0,"flag":"N"}}}""");
        assertThat(d.rejections()).isEmpty();
        Reading r = d.readings().get(0);
        assertThat(r.mn).isEqualTo("010000A8900016F000169DC0");
        assertThat(r.timeMillis).isEqualTo(OffsetDateTime.parse("2026-11-26T10:15:00+08:00").toInstant().toEpochMilli());
        assertThat(r.values.get("a21026").rtd).isEqualTo(23.1);
        assertThat(r.values.get("a21026").zsRtd).isEqualTo(28.4);
        assertThat(r.values.get("a21002").primary()).isEqualTo(41.0);
        assertThat(r.values.get("a21002").cou).isEqualTo(0.62);
    }

    @Test
    void localTimeTakesTheConfiguredZone_andEpochMillisWork() {
        DecodedPayload d = decode("[{\"mn\":\"A\",\"time\":\"2026-11-26T10:15:00\",\"values\":{\"a21026\":{\"rtd\":1}}},"
                + "{\"mn\":\"B\",\"time\":1764123300000,\"values\":{\"a21026\":{\"rtd\":1}}}]");
        assertThat(d.readings()).hasSize(2);
        assertThat(d.readings().get(0).timeMillis).isEqualTo(OffsetDateTime.parse("2026-11-26T10:15:00+08:00").toInstant().toEpochMilli());
        assertThat(d.readings().get(0).cn).isEqualTo("2011");
        assertThat(d.readings().get(1).timeMillis).isEqualTo(1764123300000L);
    }

    @Test
    void oneBadReadingInAnArrayDoesNotLoseTheOthers() {
        DecodedPayload d = decode("[{\"mn\":\"A\",\"time\":1,\"values\":{\"a21026\":{\"rtd\":1}}},"
                + "{\"mn\":\"B\",\"time\":1,\"values\":{\"a21026\":{\"rtd\":\"NaN\"}}}]");
        assertThat(d.readings()).extracting(r -> r.mn).containsExactly("A");
        // B's only value is bad: the value is rejected, and so is B, which has nothing left
        assertThat(d.rejections()).extracting(Rejection::reason).containsExactly("bad_value", "missing_values");
    }

    @Test
    void oneBadValueRejectsThatValueOnly_json() {
        DecodedPayload d = decode("{\"mn\":\"A\",\"time\":1,\"values\":{\"a21026\":{\"rtd\":\"NaN\"},\"a21002\":{\"rtd\":\"\"},"
                + "\"a19001\":{\"rtd\":6.5},\"a00000\":{\"rtd\":500}}}");
        assertThat(d.readings()).hasSize(1);
        assertThat(d.readings().get(0).values).containsOnlyKeys("a19001", "a00000");
        assertThat(d.rejections()).extracting(Rejection::reason).containsExactly("bad_value", "bad_value");
        assertThat(d.rejections()).extracting(Rejection::mn).containsExactly("A", "A");
    }

    @Test
    void oneBadValueRejectsThatValueOnly_hj212() {
        org.cems.hj212.Hj212Packet p = org.cems.hj212.Hj212Packet.builder()
                .qn("20261126101500000").st("31").cn("2011").pw("123456").mn("BADMN")
                .flag(org.cems.hj212.Hj212Edition.HJ212_2017, false)
                .dataTime(java.time.LocalDateTime.parse("2026-11-26T10:15:00"))
                .item("a21026", "Rtd", "NaN").item("a21026", "Flag", "N")
                .item("a21002", "Rtd", "").item("a21002", "Flag", "N")
                .item("a19001", "Rtd", "6.5").item("a19001", "Flag", "N")
                .build();
        DecodedPayload d = decoder.decode(org.cems.hj212.Hj212Encoder.encode(p));
        assertThat(d.readings()).hasSize(1);
        assertThat(d.readings().get(0).values).containsOnlyKeys("a19001");
        assertThat(d.rejections()).extracting(Rejection::reason).containsExactly("bad_value", "bad_value");
        assertThat(d.rejections()).extracting(Rejection::mn).containsExactly("BADMN", "BADMN");
    }

    @Test
    void everyKindOfBadInputHasItsReason() {
        assertThat(reasons("")).containsExactly("empty_payload");
        assertThat(reasons("   ")).containsExactly("empty_payload");
        assertThat(reasons("hello")).containsExactly("unknown_format");
        assertThat(reasons("{\"mn\":")).containsExactly("bad_json");
        assertThat(reasons("{\"time\":1,\"values\":{\"a\":{\"rtd\":1}}}")).containsExactly("missing_mn");
        assertThat(reasons("{\"mn\":\"A\",\"values\":{\"a\":{\"rtd\":1}}}")).containsExactly("bad_time");
        assertThat(reasons("{\"mn\":\"A\",\"time\":\"yesterday\",\"values\":{\"a\":{\"rtd\":1}}}")).containsExactly("bad_time");
        assertThat(reasons("{\"mn\":\"A\",\"time\":1}")).containsExactly("missing_values");
        assertThat(reasons("{\"mn\":\"A\",\"cn\":\"9014\",\"time\":1,\"values\":{\"a\":{\"rtd\":1}}}")).containsExactly("unsupported_cn");
        assertThat(reasons("{\"mn\":\"A\",\"time\":1,\"values\":{\"a\":{\"rtd\":1,\"flag\":\"N;DROP\"}}}"))
                .containsExactly("bad_value", "missing_values");
        assertThat(reasons("{\"mn\":\"A\",\"time\":1,\"values\":{\"a\":{\"flag\":\"N\"}}}")).containsExactly("bad_value", "missing_values");
        assertThat(reasons("[1, \"x\"]")).containsExactly("bad_json", "bad_json");
    }

    @Test
    void invalidUtf8AndOversizedPayloadsAreRejected() {
        assertThat(decoder.decode(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}).rejections())
                .extracting(Rejection::reason).containsExactly("not_utf8");
        PayloadDecoder small = new PayloadDecoder(ZoneId.of("UTC"), 10);
        assertThat(small.decode(new byte[11]).rejections()).extracting(Rejection::reason).containsExactly("payload_too_large");
    }

    @Test
    void encodeThenDecodeGivesTheSameReadings() {
        ReadingValue v = new ReadingValue();
        v.rtd = 23.5;
        v.zsRtd = 27.0;
        v.flag = "C";
        Reading r = new Reading("MN1", "2011", 1764123300000L, new java.util.LinkedHashMap<>(java.util.Map.of("a21026", v)));
        ReadingJson json = new ReadingJson(ZoneId.of("Asia/Shanghai"));
        assertThat(json.decode(json.encode(List.of(r, r))).readings()).containsExactly(r, r);
    }

    private List<String> reasons(String text) {
        return decode(text).rejections().stream().map(Rejection::reason).toList();
    }

    static byte[] splitPart(int pno, String code, double value) {
        org.cems.hj212.Hj212Packet p = org.cems.hj212.Hj212Packet.builder()
                .qn("2026112610150000" + pno).st("31").cn("2011").pw("123456").mn("SPLITMN")
                .split(2, pno).flag(org.cems.hj212.Hj212Edition.HJ212_2017, false)
                .dataTime(java.time.LocalDateTime.parse("2026-11-26T10:15:00"))
                .item(code, "Rtd", String.valueOf(value)).item(code, "Flag", "N")
                .build();
        return org.cems.hj212.Hj212Encoder.encode(p);
    }

    @Test
    void splitUploadsComeBackAsPartsAndJoin() {
        DecodedPayload first = decoder.decode(splitPart(1, "a21026", 23.5));
        DecodedPayload second = decoder.decode(splitPart(2, "a19001", 6.2));
        assertThat(first.readings()).isEmpty();
        assertThat(first.rejections()).isEmpty();
        assertThat(first.splitParts()).extracting(p -> p.pno).containsExactly(1);
        assertThat(second.splitParts().get(0).groupKey).isEqualTo(first.splitParts().get(0).groupKey);

        DecodedPayload joined = decoder.assembleSplit(List.of(first.splitParts().get(0), second.splitParts().get(0)));
        assertThat(joined.rejections()).isEmpty();
        Reading r = joined.readings().get(0);
        assertThat(r.mn).isEqualTo("SPLITMN");
        assertThat(r.values.get("a21026").rtd).isEqualTo(23.5);
        assertThat(r.values.get("a19001").rtd).isEqualTo(6.2);
        assertThat(r.timeMillis).isEqualTo(OffsetDateTime.parse("2026-11-26T10:15:00+08:00").toInstant().toEpochMilli());
    }
}
