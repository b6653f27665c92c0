package org.cems.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PacketKindTest {

    @ParameterizedTest(name = "CN={0} -> {1}")
    @CsvSource({
        "2011,DATA_UPLOAD",
        "2051,DATA_UPLOAD",
        "2061,DATA_UPLOAD",
        "2031,DATA_UPLOAD",
        "2021,FACILITY_STATUS",
        "2041,FACILITY_STATUS",
        "9011,REPLY",
        "9012,REPLY",
        "9013,REPLY",
        "9014,REPLY",
        "2012,NOTIFY",
        "2022,NOTIFY",
        "1013,NOTIFY",
        "2081,RESTART",
        "1062,COMMAND",
        "1011,COMMAND",
        "3020,COMMAND",
        "1021,COMMAND",
        "2082,OTHER",
        "9021,OTHER",
        "9015,OTHER",
        "2071,OTHER",
        "0000,OTHER",
        "abcd,OTHER",
        "'',OTHER"
    })
    void classifiesByCn(String cn, Hj212PacketKind kind) {
        assertThat(Hj212PacketKind.of(cn)).isEqualTo(kind);
    }

    @Test
    void nullIsOther() {
        assertThat(Hj212PacketKind.of(null)).isEqualTo(Hj212PacketKind.OTHER);
    }

    @Test
    void unknownCnWithItemsIsDecodedButNeverAnUpload() {
        Hj212Packet p = Frames.decodeOne(
                Frames.frame("QN=1;ST=31;CN=2082;MN=M1;Flag=4;CP=&&DataTime=20200101000000;a21026-Rtd=1&&"));
        assertThat(p.kind()).isEqualTo(Hj212PacketKind.OTHER);
    }

    @Test
    void facilityStatusItems() {
        Hj212Packet p = Frames.decodeOne(Frames.frame(
                "QN=1;ST=31;CN=2021;MN=M1;Flag=4;CP=&&DataTime=20200101000000;SB1-RS=1;SB2-RS=0;SB3-rs=5&&"));
        assertThat(p.kind()).isEqualTo(Hj212PacketKind.FACILITY_STATUS);
        assertThat(p.item("SB1").orElseThrow().value(Hj212Item.RUN_STATUS)).contains("1");
        assertThat(p.item("SB3").orElseThrow().value(Hj212Item.RUN_STATUS)).contains("5");
        Hj212Packet rt = Frames.decodeOne(
                Frames.frame("QN=1;ST=31;CN=2041;MN=M1;Flag=4;CP=&&DataTime=20200101000000;SB1-RT=23.5&&"));
        assertThat(rt.item("SB1").orElseThrow().number(Hj212Item.RUN_TIME)).hasValue(23.5);
    }

    @Test
    void restartAndRepliesKeepTheirCpFields() {
        Hj212Packet restart = Frames.decodeOne(Frames.frame(
                "QN=1;ST=31;CN=2081;MN=M1;Flag=4;CP=&&DataTime=20200101000000;RestartTime=20200101000000&&"));
        assertThat(restart.kind()).isEqualTo(Hj212PacketKind.RESTART);
        assertThat(restart.cpFields()).containsEntry("RestartTime", "20200101000000");
        Hj212Packet reply = Frames.decodeOne(Frames.frame("QN=1;ST=91;CN=9011;MN=M1;Flag=4;CP=&&QnRtn=1&&"));
        assertThat(reply.kind()).isEqualTo(Hj212PacketKind.REPLY);
        assertThat(reply.cpFields()).containsEntry("QnRtn", "1");
    }
}
