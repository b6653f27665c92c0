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
        assertThat(r.timeMillis)
                .isEqualTo(OffsetDateTime.parse("2026-11-26T10:15:00+08:00")
                        .toInstant()
                        .toEpochMilli());
        assertThat(r.values.get("a21026").rtd).isEqualTo(23.1);
        assertThat(r.values.get("a21026").zsRtd).isEqualTo(28.4);
        assertThat(r.values.get("a21002").primary()).isEqualTo(41.0);
        assertThat(r.values.get("a21002").cou).isEqualTo(0.62);
    }

    @Test
    void localTimeTakesTheConfiguredZone_andEpochMillisWork() {
        DecodedPayload d =
                decode("[{\"mn\":\"A\",\"time\":\"2026-11-26T10:15:00\",\"values\":{\"a21026\":{\"rtd\":1}}},"
                        + "{\"mn\":\"B\",\"time\":1764123300000,\"values\":{\"a21026\":{\"rtd\":1}}}]");
        assertThat(d.readings()).hasSize(2);
        assertThat(d.readings().get(0).timeMillis)
                .isEqualTo(OffsetDateTime.parse("2026-11-26T10:15:00+08:00")
                        .toInstant()
                        .toEpochMilli());
        assertThat(d.readings().get(0).cn).isEqualTo("2011");
        assertThat(d.readings().get(1).timeMillis).isEqualTo(1764123300000L);
    }

    @Test
    void oneBadReadingInAnArrayDoesNotLoseTheOthers() {
        DecodedPayload d = decode("[{\"mn\":\"A\",\"time\":1,\"values\":{\"a21026\":{\"rtd\":1}}},"
                + "{\"mn\":\"B\",\"time\":1,\"values\":{\"a21026\":{\"rtd\":\"NaN\"}}}]");
        assertThat(d.readings()).extracting(r -> r.mn).containsExactly("A");
        // B's only value is bad: the value is rejected, and so is B, which has nothing left
        assertThat(d.rejections())
                .extracting(r -> r.reason().wireName())
                .containsExactly("bad_value", "missing_values");
    }

    @Test
    void oneBadValueRejectsThatValueOnly_json() {
        DecodedPayload d =
                decode("{\"mn\":\"A\",\"time\":1,\"values\":{\"a21026\":{\"rtd\":\"NaN\"},\"a21002\":{\"rtd\":\"\"},"
                        + "\"a19001\":{\"rtd\":6.5},\"a00000\":{\"rtd\":500}}}");
        assertThat(d.readings()).hasSize(1);
        assertThat(d.readings().get(0).values).containsOnlyKeys("a19001", "a00000");
        assertThat(d.rejections()).extracting(r -> r.reason().wireName()).containsExactly("bad_value", "bad_value");
        assertThat(d.rejections()).extracting(Rejection::mn).containsExactly("A", "A");
    }

    @Test
    void oneBadValueRejectsThatValueOnly_hj212() {
        org.cems.hj212.Hj212Packet p = org.cems.hj212.Hj212Packet.builder()
                .qn("20261126101500000")
                .st("31")
                .cn("2011")
                .pw("123456")
                .mn("BADMN")
                .flag(org.cems.hj212.Hj212Edition.HJ212_2017, false)
                .dataTime(java.time.LocalDateTime.parse("2026-11-26T10:15:00"))
                .item("a21026", "Rtd", "NaN")
                .item("a21026", "Flag", "N")
                .item("a21002", "Rtd", "")
                .item("a21002", "Flag", "N")
                .item("a19001", "Rtd", "6.5")
                .item("a19001", "Flag", "N")
                .build();
        DecodedPayload d = decoder.decode(org.cems.hj212.Hj212Encoder.encode(p));
        assertThat(d.readings()).hasSize(1);
        assertThat(d.readings().get(0).values).containsOnlyKeys("a19001");
        assertThat(d.rejections()).extracting(r -> r.reason().wireName()).containsExactly("bad_value", "bad_value");
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
        assertThat(reasons("{\"mn\":\"A\",\"time\":\"yesterday\",\"values\":{\"a\":{\"rtd\":1}}}"))
                .containsExactly("bad_time");
        assertThat(reasons("{\"mn\":\"A\",\"time\":1}")).containsExactly("missing_values");
        assertThat(reasons("{\"mn\":\"A\",\"cn\":\"9014\",\"time\":1,\"values\":{\"a\":{\"rtd\":1}}}"))
                .containsExactly("unsupported_cn");
        assertThat(reasons("{\"mn\":\"A\",\"time\":1,\"values\":{\"a\":{\"rtd\":1,\"flag\":\"N;DROP\"}}}"))
                .containsExactly("bad_value", "missing_values");
        assertThat(reasons("{\"mn\":\"A\",\"time\":1,\"values\":{\"a\":{\"flag\":\"N\"}}}"))
                .containsExactly("bad_value", "missing_values");
        assertThat(reasons("[1, \"x\"]")).containsExactly("bad_json", "bad_json");
    }

    @Test
    void invalidUtf8AndOversizedPayloadsAreRejected() {
        assertThat(decoder.decode(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'})
                        .rejections())
                .extracting(r -> r.reason().wireName())
                .containsExactly("not_utf8");
        PayloadDecoder small = new PayloadDecoder(ZoneId.of("UTC"), 10);
        assertThat(small.decode(new byte[11]).rejections())
                .extracting(r -> r.reason().wireName())
                .containsExactly("payload_too_large");
    }

    @Test
    void encodeThenDecodeGivesTheSameReadings() {
        ReadingValue v = new ReadingValue();
        v.rtd = 23.5;
        v.zsRtd = 27.0;
        v.flag = "C";
        Reading r = new Reading(
                "MN1", "2011", 1764123300000L, new java.util.LinkedHashMap<>(java.util.Map.of("a21026", v)));
        ReadingJson json = new ReadingJson(ZoneId.of("Asia/Shanghai"));
        assertThat(json.decode(json.encode(List.of(r, r))).readings()).containsExactly(r, r);
    }

    private List<String> reasons(String text) {
        return decode(text).rejections().stream()
                .map(r -> r.reason().wireName())
                .toList();
    }

    static byte[] splitPart(int pno, String code, double value) {
        org.cems.hj212.Hj212Packet p = org.cems.hj212.Hj212Packet.builder()
                .qn("2026112610150000" + pno)
                .st("31")
                .cn("2011")
                .pw("123456")
                .mn("SPLITMN")
                .split(2, pno)
                .flag(org.cems.hj212.Hj212Edition.HJ212_2017, false)
                .dataTime(java.time.LocalDateTime.parse("2026-11-26T10:15:00"))
                .item(code, "Rtd", String.valueOf(value))
                .item(code, "Flag", "N")
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
        assertThat(second.splitParts().get(0).groupKey)
                .isEqualTo(first.splitParts().get(0).groupKey);

        DecodedPayload joined = decoder.assembleSplit(
                List.of(first.splitParts().get(0), second.splitParts().get(0)));
        assertThat(joined.rejections()).isEmpty();
        Reading r = joined.readings().get(0);
        assertThat(r.mn).isEqualTo("SPLITMN");
        assertThat(r.values.get("a21026").rtd).isEqualTo(23.5);
        assertThat(r.values.get("a19001").rtd).isEqualTo(6.2);
        assertThat(r.timeMillis)
                .isEqualTo(OffsetDateTime.parse("2026-11-26T10:15:00+08:00")
                        .toInstant()
                        .toEpochMilli());
    }

    static final long TEN_15 =
            OffsetDateTime.parse("2026-11-26T10:15:00+08:00").toInstant().toEpochMilli();

    private static byte[] station(String cn, String cp) {
        String segment = "QN=20261126101500001;ST=31;CN=" + cn + ";PW=123456;MN=STMN;Flag=5;CP=&&" + cp + "&&";
        return org.cems.hj212.Hj212Encoder.frame(segment.getBytes(StandardCharsets.UTF_8));
    }

    /** HJ 212-2017 Table 9/Table 4: 2021 SBxxx-RS, 2041 SBxxx-RT, 2081 RestartTime, 3020 xxxxxx-Info with PolId. */
    @Test
    void stationUploadsAreKeptNotRejected() {
        DecodedPayload d = decoder.decode(station("2021", "DataTime=20261126101500;SB1-RS=1;SB2-RS=0;SB3-RS=5"));
        assertThat(d.rejections()).isEmpty();
        assertThat(d.readings()).isEmpty();
        assertThat(d.station().statuses())
                .extracting(s -> s.facility + "=" + s.status + "@" + (s.timeMillis == TEN_15))
                .containsExactly("SB1=1@true", "SB2=0@true", "SB3=5@true");
        assertThat(d.station().statuses()).extracting(FacilityStatus::isRunning).containsExactly(true, false, true);

        StationEvent runTime = decoder.decode(station("2041", "DataTime=20261126000000;SB1-RT=23.5"))
                .station()
                .events()
                .get(0);
        assertThat(runTime.cn).isEqualTo("2041");
        assertThat(runTime.code).isEqualTo("SB1");
        assertThat(runTime.value).isEqualTo(23.5);
        assertThat(runTime.timeMillis)
                .isEqualTo(OffsetDateTime.parse("2026-11-26T00:00:00+08:00")
                        .toInstant()
                        .toEpochMilli());

        StationEvent restart = decoder.decode(station("2081", "DataTime=20261126101500;RestartTime=20261126095800"))
                .station()
                .events()
                .get(0);
        assertThat(restart.cn).isEqualTo("2081");
        assertThat(restart.timeMillis)
                .isEqualTo(OffsetDateTime.parse("2026-11-26T09:58:00+08:00")
                        .toInstant()
                        .toEpochMilli());

        List<StationEvent> info = decoder.decode(
                        station("3020", "DataTime=20261126101500;PolId=a21026;i12001-Info=0;i11001-Info=//清洗管路//"))
                .station()
                .events();
        assertThat(info)
                .extracting(e -> e.polId + " " + e.code + " " + e.value + " " + e.text)
                .containsExactly("a21026 i12001 0.0 null", "a21026 i11001 null 清洗管路");
    }

    @Test
    void aBadStationValueIsABadValueOfItsOwn() {
        DecodedPayload d =
                decoder.decode(station("2021", "DataTime=20261126101500;SB1-RS=1;SB2-RS=7;SB3-RS=x;a21026-Rtd=3"));
        assertThat(d.station().statuses()).extracting(s -> s.facility).containsExactly("SB1");
        assertThat(d.rejections())
                .extracting(r -> r.reason().wireName())
                .containsExactly("bad_value", "bad_value", "bad_value");
        assertThat(d.rejections().get(0).detail()).contains("SB2-RS=7");
        assertThat(decoder.decode(station("2041", "DataTime=20261126000000;SB1-RT=25"))
                        .rejections())
                .extracting(r -> r.reason().wireName())
                .containsExactly("bad_value");
        assertThat(decoder.decode(station("2081", "DataTime=20261126101500;RestartTime=20261399000000"))
                        .rejections())
                .extracting(r -> r.reason().wireName())
                .containsExactly("bad_value");
        assertThat(decoder.decode(station("2081", "DataTime=20261126101500")).rejections())
                .extracting(r -> r.reason().wireName())
                .containsExactly("missing_values");
        assertThat(decoder.decode(station("3020", "PolId=a21026;i12001-Info=0")).rejections())
                .extracting(r -> r.reason().wireName())
                .containsExactly("bad_datatime");
        assertThat(decoder.decode(station("2021", "DataTime=20261126101500")).rejections())
                .extracting(r -> r.reason().wireName())
                .containsExactly("missing_values");
    }

    @Test
    void statusItemsSentWithDataAreKeptToo() {
        DecodedPayload d =
                decoder.decode(station("2011", "DataTime=20261126101500;a21026-Rtd=3,a21026-Flag=N;SB1-RS=1"));
        assertThat(d.readings())
                .singleElement()
                .satisfies(r -> assertThat(r.values).containsOnlyKeys("a21026"));
        assertThat(d.station().statuses())
                .extracting(s -> s.facility + "=" + s.status)
                .containsExactly("SB1=1");
    }

    @Test
    void jsonStationUploads() {
        DecodedPayload d = decode("""
                [{"mn":"J","cn":"2021","time":"2026-11-26T10:15:00+08:00","facilities":{"SB1":{"rs":1},"SB2":{"rs":9}}},
                 {"mn":"J","cn":"2041","time":"2026-11-26T00:00:00+08:00","facilities":{"SB1":{"rt":12.5}}},
                 {"mn":"J","cn":"2081","restartTime":"2026-11-26T09:58:00+08:00"},
                 {"mn":"J","cn":"3020","time":"2026-11-26T10:15:00+08:00","polId":"a21026","info":{"i12001":0,"i11001":"清洗"}}]""");
        assertThat(d.station().statuses())
                .extracting(s -> s.facility + "=" + s.status + "@" + (s.timeMillis == TEN_15))
                .containsExactly("SB1=1@true");
        assertThat(d.rejections()).extracting(r -> r.reason().wireName()).containsExactly("bad_value");
        assertThat(d.station().events())
                .extracting(e -> e.cn + " " + e.code + " " + e.value + " " + e.text)
                .containsExactly(
                        "2041 SB1 12.5 null", "2081 null null null", "3020 i12001 0.0 null", "3020 i11001 null 清洗");
        assertThat(reasons("{\"mn\":\"J\",\"cn\":\"2081\"}")).containsExactly("missing_values");
        assertThat(reasons("{\"mn\":\"J\",\"cn\":\"2021\",\"time\":1}")).containsExactly("missing_values");
    }
}
