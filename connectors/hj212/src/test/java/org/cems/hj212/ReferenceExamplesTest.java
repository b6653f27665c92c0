package org.cems.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cems.hj212.Frames.decodeOne;
import static org.cems.hj212.Frames.rejectOne;

import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every example frame of the reference notes, and the real-world quirks of §1.4 and §3.2. */
class ReferenceExamplesTest {

    @Test
    void appendixAExample() {
        Hj212Packet p = decodeOne(Frames.APPENDIX_A);
        assertThat(p.qn()).contains("20160801085857223");
        assertThat(p.st()).contains("32");
        assertThat(p.cn()).isEqualTo("1062");
        assertThat(p.pw()).contains("100000");
        assertThat(p.mn()).isEqualTo("010000A8900016F000169DC0");
        assertThat(p.flag()).hasValue(5);
        assertThat(p.edition()).isEqualTo(Hj212Edition.HJ212_2017);
        assertThat(p.needsAck()).isTrue();
        assertThat(p.isSplit()).isFalse();
        assertThat(p.kind()).isEqualTo(Hj212PacketKind.COMMAND);
        assertThat(p.cpFields()).containsExactly(Map.entry("RtdInterval", "30"));
        assertThat(p.items()).isEmpty();
        assertThat(p.dataTime()).isEmpty();
    }

    @Test
    void realTimeUploadGroupsItemsPerCode() {
        Hj212Packet p = decodeOne(Frames.UPLOAD_2011);
        assertThat(p.kind()).isEqualTo(Hj212PacketKind.DATA_UPLOAD);
        assertThat(p.dataTime()).contains(LocalDateTime.of(2026, 11, 26, 10, 15, 0));
        assertThat(p.items()).containsOnlyKeys("a21026", "a21002", "a19001", "a00000");
        Hj212Item so2 = p.item("a21026").orElseThrow();
        assertThat(so2.values())
                .containsExactly(Map.entry("Rtd", "23.1"), Map.entry("ZsRtd", "28.4"), Map.entry("Flag", "N"));
        assertThat(so2.number(Hj212Item.ZS_RTD)).hasValue(28.4);
        assertThat(so2.dataFlag()).contains(DataFlag.N);
        assertThat(p.cpFields()).isEmpty();
    }

    @Test
    void flagRunIntoCpTypo() {
        Hj212Packet p = decodeOne(Frames.TYPO_FLAG_CP);
        assertThat(p.flag()).hasValue(5);
        assertThat(p.item("w01018").orElseThrow().value("Rtd")).contains("50.2");
    }

    @Test
    void commaBetweenHeaderFieldsTypo() {
        Hj212Packet p = decodeOne(Frames.TYPO_COMMA_QN);
        assertThat(p.qn()).contains("20160801085857534");
        assertThat(p.st()).contains("32");
        assertThat(p.pnum()).isEqualTo(2);
        assertThat(p.pno()).isEqualTo(1);
        assertThat(p.isSplit()).isTrue();
        assertThat(p.needsAck()).isTrue();
        assertThat(p.item("w01018").orElseThrow().values()).containsOnlyKeys("Min", "Avg", "Max", "Cou");
    }

    @Test
    void missingCodeLetterIsKeptAsSent() {
        Hj212Packet p = decodeOne(Frames.TYPO_MISSING_W);
        assertThat(p.items()).containsOnlyKeys("01018");
    }

    @Test
    void straySpacesAreTrimmed() {
        Hj212Packet p = decodeOne(Frames.TYPO_SPACES);
        assertThat(p.kind()).isEqualTo(Hj212PacketKind.COMMAND);
        assertThat(p.cpFields()).containsEntry("PolId", "w01018");
        assertThat(p.item("i12003").orElseThrow().value("Info")).contains("0");
        assertThat(p.item("i12001").orElseThrow().value("Info")).contains("0");
    }

    @Test
    void commaBetweenBeginAndEndTimeAndARequestWithoutDataTime() {
        Hj212Packet p = decodeOne(Frames.TYPO_COMMA_TIMES);
        assertThat(p.kind()).isEqualTo(Hj212PacketKind.DATA_UPLOAD);
        assertThat(p.items()).isEmpty();
        assertThat(p.cpFields())
                .containsExactly(Map.entry("BeginTime", "20160801000000"), Map.entry("EndTime", "20160801010000"));
    }

    @Test
    void legacy2005UploadMapsCodesAndTolerates2005Habits() {
        Hj212Packet p = decodeOne(Frames.LEGACY_2005);
        assertThat(p.qn()).isEmpty();
        assertThat(p.mn()).isEqualTo("88888880000001");
        assertThat(p.flag()).hasValue(0);
        assertThat(p.edition()).isEqualTo(Hj212Edition.HJT212_2005);
        assertThat(p.needsAck()).isFalse();
        assertThat(p.items()).containsOnlyKeys("a34013", "a21026", "a19001", "a00000");
        assertThat(p.item("a21026").orElseThrow().values())
                .containsExactly(Map.entry("Rtd", "30.5"), Map.entry("Flag", "N"));
        assertThat(p.item("a00000").orElseThrow().number("Rtd")).hasValue(250.0);
    }

    @Test
    void flag8IsTheHj212_2025Edition() {
        Hj212Packet p = decodeOne(Frames.FLAG_8);
        assertThat(p.edition()).isEqualTo(Hj212Edition.HJ212_2025);
        assertThat(p.needsAck()).isFalse();
        assertThat(p.item("a21026").orElseThrow().value("Rtd")).contains("12.3");
    }

    @Test
    void pnoBeforePnumZeroPadded() {
        Hj212Packet p = decodeOne(Frames.PNO_FIRST);
        assertThat(p.pnum()).isEqualTo(2);
        assertThat(p.pno()).isEqualTo(1);
        assertThat(p.isSplit()).isTrue();
    }

    @Test
    void chineseTextIsCountedInBytes() {
        Hj212Packet p = decodeOne(Frames.CHINESE);
        assertThat(p.item("i11001").orElseThrow().value("Info")).contains("//清洗管路//");
        assertThat(p.cpFields()).containsEntry("PolId", "w01018");
    }

    @Test
    void charCountedChineseFrameIsRejected() {
        DecodeResult.Rejected r = rejectOne(Frames.CHINESE_CHAR_COUNTED);
        assertThat(r.reason()).isIn(RejectReason.BAD_LENGTH, RejectReason.BAD_CRC);
        assertThat(r.rawExcerpt()).startsWith("##0144QN=20160801085857002");
    }

    @Test
    void quirksOfRealDevices() {
        Hj212Packet p = decodeOne(Frames.QUIRKS);
        assertThat(p.mn()).isEqualTo("X1");
        assertThat(p.pw()).isEmpty();
        assertThat(p.dataTime()).contains(LocalDateTime.of(2020, 1, 1, 0, 0, 0, 123_000_000));
        Hj212Item pressure = p.item("a01013").orElseThrow();
        assertThat(pressure.values()).containsOnly(Map.entry("Min", "-1.5"), Map.entry("Flag", "M"));
        assertThat(pressure.value(Hj212Item.SAMPLE_TIME)).isEmpty();
        assertThat(pressure.number("Min")).hasValue(-1.5);
        assertThat(pressure.dataFlag()).contains(DataFlag.M);
        Hj212Item so2 = p.item("a21026").orElseThrow();
        assertThat(so2.values())
                .containsExactly(Map.entry("Avg", "3"), Map.entry("Flag", "N"), Map.entry("ValidNum", "12"));
    }

    @Test
    void crcOf0000IsValid() {
        Hj212Packet p = decodeOne(Frames.CRC_0000);
        assertThat(p.mn()).isEqualTo("CRC0000TEST001");
    }

    @Test
    void lowercaseCrcIsAccepted() {
        assertThat(decodeOne(Frames.APPENDIX_A.replace("&&1C80", "&&1c80")).cn())
                .isEqualTo("1062");
        assertThat(decodeOne(Frames.TYPO_SPACES.replace("&&EA41", "&&ea41")).cn())
                .isEqualTo("3020");
    }
}
