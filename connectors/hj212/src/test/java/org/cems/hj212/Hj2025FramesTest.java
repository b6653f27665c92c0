package org.cems.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HJ 212-2025 (Flag 8-11) frames for every new ST/CN, built by hand. */
class Hj2025FramesTest {
    /** ST=44 electricity monitoring (example codes as quoted from the 2025 text); CRC by independent python3. */
    static final String ELECTRICITY = "##0204QN=20260115101500001;ST=44;CN=2011;PW=123456;MN=010000A8900016F000169DC0;"
            + "Flag=9;CP=&&DataTime=20260115101500;d20105-Rtd=220.20,d20105-Flag=N;d30106-Rtd=220.20,d30106-Flag=N;"
            + "d30406-Rtd=0.04,d30406-Flag=N&&7940\r\n";
    /** The same frame with CRC-16/MODBUS (high byte first), by independent python3. */
    static final String ELECTRICITY_MODBUS = ELECTRICITY.replace("&&7940", "&&9B41");
    /** ST=45 key production conditions: marks St, N, Sr are text; CRC by independent python3. */
    static final String CONDITIONS = "##0193QN=20260115101500002;ST=45;CN=2011;PW=123456;MN=010000A8900016F000169DC0;"
            + "Flag=9;CP=&&DataTime=20260115101500;p99101-Rtd=St,p99101-Flag=N;p99102-Rtd=N,p99102-Flag=N;"
            + "p99103-Rtd=Sr,p99103-Flag=N&&9D41\r\n";

    @Test
    void electricityMonitoring() {
        Hj212Packet p = Frames.decodeOne(ELECTRICITY);
        assertThat(p.edition()).isEqualTo(Hj212Edition.HJ212_2025);
        assertThat(p.needsAck()).isTrue();
        assertThat(p.kind()).isEqualTo(Hj212PacketKind.FACILITY_POWER);
        assertThat(p.items().keySet()).containsExactly("d20105", "d30106", "d30406");
        assertThat(p.item("d30106").orElseThrow().number(Hj212Item.RTD)).hasValue(220.20);
        assertThat(p.item("d30406").orElseThrow().dataFlag()).contains(DataFlag.N);
        assertThat(Hj2025Codes.isProductionFacilityPower("d20105")).isTrue();
        assertThat(Hj2025Codes.isTreatmentFacilityPower("d30106")).isTrue();
        assertThat(Hj2025Codes.isTreatmentFacilityPower("d20105")).isFalse();
        assertThat(Hj2025Codes.isTreatmentFacilityPower("a21026")).isFalse();
    }

    @Test
    void productionConditionMarksAreText() {
        Hj212Packet p = Frames.decodeOne(CONDITIONS);
        assertThat(p.kind()).isEqualTo(Hj212PacketKind.PRODUCTION_CONDITION);
        Hj212Item startUp = p.item("p99101").orElseThrow();
        assertThat(startUp.value(Hj212Item.RTD)).contains("St");
        assertThat(startUp.number(Hj212Item.RTD)).isEmpty();
        assertThat(p.item("p99103").orElseThrow().value(Hj212Item.RTD)).contains("Sr");
        assertThat(Hj2025Codes.isProductionCondition("p99101")).isTrue();
        assertThat(Hj2025Codes.isProductionCondition("d30106")).isFalse();
    }

    @Test
    void vocsRawData() {
        Hj212Packet p = Frames.decodeOne(Frames.frame("QN=20260115101500003;ST=27;CN=2013;PW=123456;MN=VOC01;Flag=9;"
                + "CP=&&DataTime=20260115100000;a24088-SampleTime=20260115100000,a24088-CompleteTime=20260115101000,"
                + "a24088-Avg=1.23,a24088-RetentionTime=3.25,a24088-PeakArea=120034,a24088-PeakHeight=342,a24088-Flag=N;"
                + "SpectrumFile=VOC-20260115100000.cdf&&"));
        assertThat(p.kind()).isEqualTo(Hj212PacketKind.RAW_DATA);
        Hj212Item nmhc = p.item("a24088").orElseThrow();
        assertThat(nmhc.number(Hj212Item.AVG)).hasValue(1.23);
        assertThat(nmhc.number("RetentionTime")).hasValue(3.25);
        assertThat(nmhc.number("PeakArea")).hasValue(120034);
        assertThat(nmhc.value("CompleteTime")).contains("20260115101000");
        assertThat(p.cpFields()).containsEntry("SpectrumFile", "VOC-20260115100000.cdf");
    }

    @Test
    void furnaceTemperature5MinuteMean() {
        Hj212Packet p = Frames.decodeOne(Frames.frame("QN=20260115101500004;ST=31;CN=2111;PW=123456;MN=INC01;Flag=9;"
                + "CP=&&DataTime=20260115101000;a01901-Avg=862.4&&"));
        assertThat(p.kind()).isEqualTo(Hj212PacketKind.FURNACE_TEMPERATURE);
        assertThat(p.dataTime()).contains(LocalDateTime.of(2026, 1, 15, 10, 10));
        assertThat(p.item("a01901").orElseThrow().number(Hj212Item.AVG)).hasValue(862.4);
    }

    @Test
    void timedItemsWithoutDataTimeAreStillRejected() {
        assertThat(Frames.rejectOne(Frames.frame("QN=1;ST=44;CN=2011;MN=M1;Flag=8;CP=&&d30106-Rtd=1&&"))
                        .reason())
                .isEqualTo(RejectReason.BAD_DATATIME);
    }

    @Test
    void heartbeat() {
        Hj212Packet p =
                Frames.decodeOne(Frames.frame("QN=20260115101500005;ST=31;CN=9015;PW=123456;MN=M1;Flag=9;CP=&&&&"));
        assertThat(p.kind()).isEqualTo(Hj212PacketKind.HEARTBEAT);
        assertThat(p.items()).isEmpty();
        assertThat(p.needsAck()).isTrue();
    }

    @Test
    void hardwareSerialAtActivation() {
        Hj212Packet p = Frames.decodeOne(
                Frames.frame("QN=20260115101500006;ST=91;CN=1001;PW=123456;MN=000000000000000000000000;"
                        + "Flag=9;CP=&&i23005-Info=DL2026A001;i23006-Info=BFEBFBFF000906EA;i23007-Info=00-1A-2B-3C-4D-5E;"
                        + "i23008-Info=00-1A-2B-3C-4D-5F&&"));
        assertThat(p.kind()).isEqualTo(Hj212PacketKind.REGISTRATION);
        assertThat(HardwareSerial.of(p))
                .contains(new HardwareSerial(
                        "000000000000000000000000",
                        "DL2026A001",
                        "BFEBFBFF000906EA",
                        List.of("00-1A-2B-3C-4D-5E", "00-1A-2B-3C-4D-5F")));
        // HJ/T 212-2005 CN 1001 is a command (WarnTime), not a registration
        Hj212Packet legacy = Frames.decodeOne(Frames.frame("ST=31;CN=1001;MN=M1;Flag=1;CP=&&WarnTime=20&&"));
        assertThat(legacy.kind()).isEqualTo(Hj212PacketKind.COMMAND);
        assertThat(HardwareSerial.of(legacy)).isEmpty();
    }

    @Test
    void mnAssignmentIsAHostCommand() {
        Hj212Packet p = Frames.decodeOne(Frames.frame("QN=20260115101500007;ST=91;CN=1002;PW=123456;"
                + "MN=010000A8900016F000169DC0;Flag=9;CP=&&i23005-Info=DL2026A001&&"));
        assertThat(p.kind()).isEqualTo(Hj212PacketKind.COMMAND);
    }

    @ParameterizedTest(name = "ST={0} CN={1} Flag={2} -> {3}")
    @CsvSource({
        "44,2011,8,FACILITY_POWER",
        "44,2061,9,FACILITY_POWER",
        "45,2051,9,PRODUCTION_CONDITION",
        "31,2011,9,DATA_UPLOAD",
        "27,2013,9,RAW_DATA",
        "31,2111,8,FURNACE_TEMPERATURE",
        "31,9015,9,HEARTBEAT",
        "91,1001,9,REGISTRATION",
        "91,1002,9,COMMAND",
        "91,1014,9,KEY_CHANGE",
        "31,3024,8,COMMAND",
        "31,2062,9,OTHER",
        // 2005 and 2017 stay as they were
        "44,2011,5,DATA_UPLOAD",
        "31,2013,5,OTHER",
        "31,9015,5,OTHER",
        "31,1014,4,OTHER",
        "31,1001,5,COMMAND"
    })
    void kindsBySystemCommandAndEdition(String st, String cn, int flag, Hj212PacketKind kind) {
        assertThat(Hj212PacketKind.of(st, cn, Hj212Edition.ofVersionBits(flag >> 2)))
                .isEqualTo(kind);
    }

    @Test
    void aModbusCrcIsAcceptedFor2025FramesOnly() {
        List<DecodeResult> r = Frames.STRICT.decode(Frames.bytes(ELECTRICITY_MODBUS));
        assertThat(r)
                .singleElement()
                .isInstanceOfSatisfying(
                        DecodeResult.Decoded.class,
                        d -> assertThat(d.matched()).isEqualTo(CrcVariant.MODBUS_HIGH_FIRST));
        assertThat(((DecodeResult.Decoded)
                                Frames.STRICT.decode(Frames.bytes(ELECTRICITY)).get(0))
                        .matched())
                .isEqualTo(CrcVariant.STANDARD);
        // the same CRC under a 2017 Flag: the strict policy still refuses it
        assertThat(Frames.rejectOne(Frames.UPLOAD_2011_MODBUS_HI).reason()).isEqualTo(RejectReason.BAD_CRC);
        // byte-swapped MODBUS is not what the 2025 implementations write
        assertThat(Frames.rejectOne(ELECTRICITY.replace("&&7940", "&&419B")).reason())
                .isEqualTo(RejectReason.BAD_CRC);
    }

    @Test
    void repliesCarryThe2025Edition() {
        Hj212Packet upload = Frames.decodeOne(ELECTRICITY);
        Hj212Packet ack = Hj212Replies.dataAck(upload);
        assertThat(ack.flag()).hasValue(8);
        assertThat(ack.edition()).isEqualTo(Hj212Edition.HJ212_2025);
        assertThat(ack.qn()).contains("20260115101500001");
        assertThat(Hj212Encoder.dataSegment(ack))
                .isEqualTo("QN=20260115101500001;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=8;CP=&&&&");
        DecodeResult.Rejected badCrc = Frames.rejectOne(ELECTRICITY.replace("&&7940", "&&7941"));
        Hj212Packet answer = Hj212Replies.rejection(badCrc).orElseThrow();
        assertThat(answer.flag()).hasValue(8);
        assertThat(answer.cpFields()).containsEntry("QnRtn", "9");
    }

    @Test
    void roundTripThroughTheEncoder() {
        Hj212Packet p = Frames.decodeOne(CONDITIONS);
        assertThat(new String(Hj212Encoder.encode(p), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(CONDITIONS);
    }
}
