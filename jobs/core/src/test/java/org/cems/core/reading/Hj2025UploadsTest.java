package org.cems.core.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.cems.core.deadletter.DeadLetterReason;
import org.cems.hj212.Hj212Encoder;
import org.junit.jupiter.api.Test;

/**
 * Hand-built HJ 212-2025 frames (Flag=8: 2025, no answer asked) of the new data kinds
 * (docs/hj212-2025.md): each item becomes a {@link StationMeasurement}, none is not_a_reading, a
 * malformed item is a bad_value of its own.
 */
class Hj2025UploadsTest {
    private static final String MN = "88888880000001";
    private static final long TEN_FIFTEEN =
            OffsetDateTime.parse("2026-11-26T10:15:00+08:00").toInstant().toEpochMilli();
    private final PayloadDecoder decoder = new PayloadDecoder(ZoneId.of("Asia/Shanghai"), 1 << 20);

    private static byte[] frame(String st, String cn, String cp) {
        String segment =
                "QN=20261126101500000;ST=" + st + ";CN=" + cn + ";PW=123456;MN=" + MN + ";Flag=8;CP=&&" + cp + "&&";
        return Hj212Encoder.frame(segment.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void electricityMonitoringSt44() {
        // the example codes of the 2025 text as quoted by 1052666/1052-OS: d2xxxx production, d3xxxx treatment facility
        DecodedPayload d = decoder.decode(
                frame(
                        "44",
                        "2011",
                        "DataTime=20261126101500;d20105-Rtd=852.4,d20105-Flag=N;d30106-Rtd=0,d30106-Flag=N;d30107-Rtd=x;a21026-Rtd=3"));
        assertThat(d.readings()).isEmpty();
        assertThat(d.station().measurements())
                .extracting(m -> m.kind + " " + m.code + " " + m.value() + " " + m.texts.get("Flag"))
                .containsExactly("facility_power d20105 852.4 N", "facility_power d30106 0.0 N");
        assertThat(d.station().measurements().get(0).timeMillis).isEqualTo(TEN_FIFTEEN);
        assertThat(d.rejections())
                .extracting(Rejection::reason)
                .containsExactly(DeadLetterReason.BAD_VALUE, DeadLetterReason.BAD_VALUE);
        assertThat(d.rejections().get(0).detail()).contains("d30107").contains("-Rtd=\"x\" is not a number");
        assertThat(d.rejections().get(1).detail()).contains("a21026").contains("not an electricity code");
    }

    @Test
    void productionConditionsSt45KeepTheMarkAsText() {
        DecodedPayload d = decoder.decode(
                frame("45", "2011", "DataTime=20261126101500;p99101-Rtd=St;p99102-Rtd=N;p99103-Rtd=Sr;p99104-Flag=N"));
        assertThat(d.station().measurements())
                .extracting(m -> m.kind + " " + m.code + " " + m.mark())
                .containsExactly(
                        "production_condition p99101 St",
                        "production_condition p99102 N",
                        "production_condition p99103 Sr");
        assertThat(d.station().measurements().get(0).numbers).isEmpty();
        assertThat(d.rejections())
                .singleElement()
                .satisfies(r -> assertThat(r.detail()).contains("p99104").contains("no condition mark"));
    }

    @Test
    void vocsRawDataCn2013KeepsFieldsAsSent() {
        // the suffixes 2013 carries in caoyiliang/HJ212 UploadRawDataReq: SampleTime, CompleteTime, SampleType, Avg,
        // Flag
        DecodedPayload d = decoder.decode(frame(
                "27",
                "2013",
                "DataTime=20261126101500;a24088-SampleTime=20261126101000,a24088-CompleteTime=20261126101400,a24088-SampleType=1,"
                        + "a24088-Avg=12.5,a24088-Flag=N;a25002-Avg=NaN"));
        assertThat(d.station().measurements()).singleElement().satisfies(m -> {
            assertThat(m.kind).isEqualTo("voc_raw");
            assertThat(m.numbers).isEqualTo(Map.of("Avg", 12.5));
            assertThat(m.texts)
                    .containsExactly(
                            Map.entry("SampleTime", "20261126101000"),
                            Map.entry("CompleteTime", "20261126101400"),
                            Map.entry("SampleType", "1"),
                            Map.entry("Flag", "N"));
        });
        assertThat(d.rejections())
                .singleElement()
                .satisfies(r -> assertThat(r.detail()).contains("a25002").contains("-Avg=\"NaN\""));
    }

    @Test
    void furnaceTemperatureCn2111() {
        DecodedPayload d = decoder.decode(
                frame("22", "2111", "DataTime=20261126101500;a01901-Avg=862.3,a01901-Flag=N;a01902-Flag=N"));
        assertThat(d.station().measurements())
                .extracting(m -> m.kind + " " + m.code + " " + m.value())
                .containsExactly("furnace_temperature a01901 862.3");
        assertThat(d.rejections())
                .singleElement()
                .satisfies(r -> assertThat(r.detail()).contains("a01902").contains("neither -Rtd nor -Avg"));
    }

    @Test
    void withoutDataTimeOrItems() {
        assertThat(decoder.decode(frame("44", "2011", "d30106-Rtd=1")).rejections())
                .extracting(r -> r.reason().wireName())
                .containsExactly("bad_datatime");
        assertThat(decoder.decode(frame("44", "2011", "DataTime=20261126101500"))
                        .rejections())
                .extracting(r -> r.reason().wireName())
                .containsExactly("missing_values");
    }

    @Test
    void a2017FrameWithSt44IsStillAReading() {
        String segment = "QN=20261126101500000;ST=44;CN=2011;PW=123456;MN=" + MN
                + ";Flag=4;CP=&&DataTime=20261126101500;a21026-Rtd=3&&";
        DecodedPayload d = decoder.decode(Hj212Encoder.frame(segment.getBytes(StandardCharsets.UTF_8)));
        assertThat(d.readings()).hasSize(1);
        assertThat(d.station().measurements()).isEmpty();
    }
}
