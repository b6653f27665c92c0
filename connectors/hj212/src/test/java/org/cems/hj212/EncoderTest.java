package org.cems.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class EncoderTest {

    @Test
    void reproducesTheAppendixAFrameByteForByte() {
        Hj212Packet p = Frames.decodeOne(Frames.APPENDIX_A);
        assertThat(new String(Hj212Encoder.encode(p), StandardCharsets.UTF_8)).isEqualTo(Frames.APPENDIX_A);
    }

    @Test
    void reproducesTheUploadAndTheChineseFrame() {
        assertThat(reencode(Frames.UPLOAD_2011)).isEqualTo(Frames.UPLOAD_2011);
        assertThat(reencode(Frames.CHINESE)).isEqualTo(Frames.CHINESE);
    }

    @Test
    void writes2005PacketsWithLegacyCodes() {
        Hj212Packet p = Hj212Packet.builder()
                .st("31")
                .cn("2011")
                .pw("123456")
                .mn("88888880000001")
                .dataTime(LocalDateTime.of(2020, 11, 26, 10, 15))
                .item("a21026", "Rtd", "30.5")
                .item("a21003", "Rtd", "1.0")
                .build();
        String seg = Hj212Encoder.dataSegment(p);
        assertThat(seg)
                .isEqualTo("ST=31;CN=2011;PW=123456;MN=88888880000001;"
                        + "CP=&&DataTime=20201126101500;02-Rtd=30.5;a21003-Rtd=1.0&&");
        assertThat(Frames.decodeOne(new String(Hj212Encoder.encode(p), StandardCharsets.UTF_8)))
                .isEqualTo(p);
    }

    @Test
    void writesSplitFieldsAndMilliseconds() {
        Hj212Packet p = Hj212Packet.builder()
                .qn("20160801085857534")
                .st("32")
                .cn("2051")
                .mn("M")
                .split(2, 1)
                .flag(Hj212Edition.HJ212_2017, true)
                .dataTime(LocalDateTime.of(2016, 8, 1, 8, 40, 0, 5_000_000))
                .item("w01018", "Avg", "50.0")
                .build();
        assertThat(p.flag()).hasValue(7);
        assertThat(Hj212Encoder.dataSegment(p))
                .isEqualTo(
                        "QN=20160801085857534;ST=32;CN=2051;MN=M;Flag=7;PNUM=2;PNO=1;CP=&&DataTime=20160801084000005;"
                                + "w01018-Avg=50.0&&");
    }

    @Test
    void lengthIsCountedInUtf8Bytes() {
        byte[] frame = Hj212Encoder.frame(Frames.CHINESE_SEGMENT.getBytes(StandardCharsets.UTF_8));
        assertThat(new String(frame, StandardCharsets.UTF_8)).isEqualTo(Frames.CHINESE);
    }

    @Test
    void refusesSegmentsLongerThanTheLengthField() {
        assertThatThrownBy(() -> Hj212Encoder.frame(new byte[10_000])).isInstanceOf(IllegalArgumentException.class);
    }

    private static String reencode(String frame) {
        return new String(Hj212Encoder.encode(Frames.decodeOne(frame)), StandardCharsets.UTF_8);
    }
}
