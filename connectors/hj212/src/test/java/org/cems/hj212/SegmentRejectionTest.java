package org.cems.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Data segments that frame correctly but must not become packets. */
class SegmentRejectionTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            missing_mn   | QN=1;ST=31;CN=2011;Flag=4;CP=&&DataTime=20200101000000;a21026-Rtd=1&&
            missing_mn   | QN=1;ST=31;CN=2011;MN=;Flag=4;CP=&&DataTime=20200101000000;a21026-Rtd=1&&
            missing_cn   | QN=1;ST=31;MN=M1;Flag=4;CP=&&DataTime=20200101000000;a21026-Rtd=1&&
            bad_flag     | QN=1;ST=31;CN=2011;MN=M1;Flag=abc;CP=&&DataTime=20200101000000&&
            bad_flag     | QN=1;ST=31;CN=2011;MN=M1;Flag=12;CP=&&DataTime=20200101000000&&
            bad_flag     | QN=1;ST=31;CN=2011;MN=M1;Flag=256;CP=&&DataTime=20200101000000&&
            bad_flag     | QN=1;ST=31;CN=2011;MN=M1;Flag=-1;CP=&&DataTime=20200101000000&&
            bad_datatime | QN=1;ST=31;CN=2011;MN=M1;Flag=4;CP=&&DataTime=2020010100000;a21026-Rtd=1&&
            bad_datatime | QN=1;ST=31;CN=2011;MN=M1;Flag=4;CP=&&DataTime=20201301000000;a21026-Rtd=1&&
            bad_datatime | QN=1;ST=31;CN=2011;MN=M1;Flag=4;CP=&&DataTime=2020-01-01 00:00;a21026-Rtd=1&&
            bad_datatime | QN=1;ST=31;CN=2051;MN=M1;Flag=4;CP=&&a21026-Avg=1&&
            bad_datatime | QN=1;ST=31;CN=2021;MN=M1;Flag=4;CP=&&SB1-RS=1&&
            bad_cp       | QN=1;ST=31;CN=2011;MN=M1;Flag=4;CP=&&DataTime=20200101000000;a21026-Rtd=1
            bad_cp       | QN=1;ST=31;CN=2011;MN=M1;Flag=4;CP=DataTime=20200101000000
            bad_cp       | QN=1;ST=31;CN=2011;MN=M1;Flag=4;CP=&&DataTime=20200101000000;junk&&
            bad_cp       | QN=1;ST=31;CN=2011;MN=M1;Flag=4;CP=&&DataTime=20200101000000;-Rtd=1&&
            bad_cp       | QN=1;ST=31;CN=2011;MN=M1;Flag=4;CP=&&DataTime=20200101000000;a21026-=1&&
            bad_cp       | QN=1;ST=31;CN=2011;MN=M1;Flag=4;CP=&&DataTime=20200101000000;a21 026-Rtd=1&&
            bad_split    | QN=1;ST=31;CN=2051;MN=M1;Flag=6;PNUM=2;CP=&&DataTime=20200101000000&&
            bad_split    | QN=1;ST=31;CN=2051;MN=M1;Flag=6;PNUM=2;PNO=3;CP=&&DataTime=20200101000000&&
            bad_split    | QN=1;ST=31;CN=2051;MN=M1;Flag=6;PNUM=x;PNO=1;CP=&&DataTime=20200101000000&&
            bad_split    | QN=1;ST=31;CN=2051;MN=M1;Flag=6;PNUM=10000;PNO=1;CP=&&DataTime=20200101000000&&
            bad_header   | QN=1;ST=31;CN=2011;garbage;MN=M1;Flag=4;CP=&&DataTime=20200101000000&&
            """)
    void rejected(String reason, String segment) {
        DecodeResult.Rejected r = Frames.rejectOne(Frames.frame(segment));
        assertThat(r.reason().code()).isEqualTo(reason);
        assertThat(r.detail()).isNotBlank();
        assertThat(r.rawExcerpt()).startsWith("##").contains("QN=1;");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            QN=1;ST=31;CN=2011;MN=M1;Flag=4;CP=&&&&
            QN=1;ST=31;CN=9014;MN=M1;Flag=4
            QN=1;ST=31;CN=2011;MN=M1;Flag=4;CP=&&DataTime=;&&
            QN=1;ST=31;CN=2011;MN=M1;CP=&&DataTime=20200101000000;a21026-Rtd=1&&;
            qn=1;st=31;cn=2011;mn=M1;flag=4;cp=&&DataTime=20200101000000;a21026-Rtd=1&&
            QN=1 ; ST=31 ;CN= 2011; MN=M1 ;Flag = 4 ; CP=&&DataTime=20200101000000;a21026-Rtd=1&&
            QN=1;ST=31;CN=3020;MN=M1;Flag=4;CP=&&DataTime=20200101000000;i11001-Info=//a;b,c=d//;PolId=w01018&&
            """)
    void accepted(String segment) {
        Hj212Packet p = Frames.decodeOne(Frames.frame(segment));
        assertThat(p.mn()).isEqualTo("M1");
        assertThat(p.qn()).contains("1");
    }
}
