package org.cems.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Literal frames used by the tests. Lengths and CRCs were computed with an independent python3
 * implementation of HJ 212 Appendix A, not with the code under test.
 */
final class Frames {
    private Frames() {}

    /** HJ 212-2017 Appendix A, p.24 (the prose says 1C08: a typo, the frame shows 1C80). */
    static final String APPENDIX_A =
            "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n";

    static final String APPENDIX_A_SEGMENT =
            "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&";

    static final String UPLOAD_2011 = "##0248QN=20261126101500001;ST=31;CN=2011;PW=123456;MN=010000A8900016F000169DC0;"
            + "Flag=5;CP=&&DataTime=20261126101500;a21026-Rtd=23.1,a21026-ZsRtd=28.4,a21026-Flag=N;"
            + "a21002-Rtd=41.0,a21002-Flag=N;a19001-Rtd=7.2,a19001-Flag=N;a00000-Rtd=512.0,a00000-Flag=N&&2580\r\n";
    static final String UPLOAD_2011_MODBUS_HI = UPLOAD_2011.replace("&&2580", "&&6449");
    static final String UPLOAD_2011_MODBUS_LO = UPLOAD_2011.replace("&&2580", "&&4964");

    /** §1.4 typo (Table C.19 style): no ';' between Flag and CP. */
    static final String TYPO_FLAG_CP = "##0139QN=20160801085857223;ST=32;CN=2011;PW=123456;MN=010000A8900016F000169DC0;"
            + "Flag=5CP=&&DataTime=20160801085857;w01018-Rtd=50.2,w01018-Flag=N&&71C0\r\n";
    /** §1.4 typo (Table C.22 style): comma after QN; also a split part. */
    static final String TYPO_COMMA_QN =
            "##0186QN=20160801085857534,ST=32;CN=2051;PW=123456;MN=010000A8900016F000169DC0;"
                    + "Flag=7;PNUM=2;PNO=1;CP=&&DataTime=20160801084000;w01018-Min=50.0,w01018-Avg=50.0,w01018-Max=50.0,"
                    + "w01018-Cou=2.5&&DEC1\r\n";
    /** §1.4 typo (Table C.14 style): {@code 01018-Rtd} with the {@code w} missing. */
    static final String TYPO_MISSING_W =
            "##0138QN=20160801085857223;ST=32;CN=2011;PW=123456;MN=010000A8900016F000169DC0;"
                    + "Flag=5;CP=&&DataTime=20160801085857;01018-Rtd=50.1,01018-Flag=N&&81C1\r\n";
    /** §1.4 typo: stray spaces in {@code CP=&& PolId} and {@code i12003-Info =0}. */
    static final String TYPO_SPACES = "##0129QN=20160801085857223;ST=32;CN=3020;PW=123456;MN=010000A8900016F000169DC0;"
            + "Flag=5;CP=&& PolId=w01018;i12001-Info=0;i12003-Info =0&&EA41\r\n";
    /** §1.4 typo (Tables C.23, C.41): {@code BeginTime=...,EndTime=} (a host request, no DataTime). */
    static final String TYPO_COMMA_TIMES =
            "##0134QN=20160801085857223;ST=32;CN=2061;PW=123456;MN=010000A8900016F000169DC0;"
                    + "Flag=5;CP=&&BeginTime=20160801000000,EndTime=20160801010000&&4540\r\n";
    /** 2005 upload: no QN, {@code ;,MN=}, {@code FLAG=0}, legacy codes, lowercase flag, trailing ';'. */
    static final String LEGACY_2005 =
            "##0151ST=31;CN=2011;PW=123456;,MN=88888880000001;FLAG=0;CP=&&DataTime=20201126101500;"
                    + "01-Rtd=12.0,01-Flag=N;02-Rtd=30.5,02-Flag=n;S01-Rtd=7.1;B02-Rtd=250.0;&&0B40\r\n";
    /** Flag=8: HJ 212-2025 version bits, already sent by devices in 2021. */
    static final String FLAG_8 = "##0127QN=20211126101500001;ST=31;CN=2011;PW=123456;MN=A1234567890;Flag=8;"
            + "CP=&&DataTime=20211126101500;a21026-Rtd=12.3,a21026-Flag=N&&1100\r\n";
    /** PNO before PNUM, zero-padded (sample LB-2051-pno in the notes). */
    static final String PNO_FIRST =
            "##0126QN=20200101000000001;ST=31;CN=2051;PW=123456;MN=LB2051;Flag=7;PNO=0001;PNUM=0002;"
                    + "CP=&&DataTime=20200101000000;a21026-Avg=1.0&&7700\r\n";
    /** Chinese Info text: 144 chars, 152 UTF-8 bytes, CRC 9741 over bytes (§3.3). */
    static final String CHINESE_SEGMENT =
            "QN=20160801085857002;ST=32;CN=3020;PW=123456;MN=010000A8900016F000169DC0;Flag=5;"
                    + "CP=&&DataTime=20160801085857;PolId=w01018;i11001-Info=//清洗管路//&&";

    static final String CHINESE = "##0152" + CHINESE_SEGMENT + "9741\r\n";
    /** The same packet as a char-counting writer produces it: length 0144, CRC 35C0 over UTF-16 chars. */
    static final String CHINESE_CHAR_COUNTED = "##0144" + CHINESE_SEGMENT + "35C0\r\n";
    /** MN first, empty PW, 17-digit DataTime, negative and empty values, lowercase flag, repeated key. */
    static final String QUIRKS =
            "##0201MN=X1;QN=20200101000000999;ST=31;CN=2051;PW=;Flag=4;CP=&&DataTime=20200101000000123;"
                    + "a01013-Min=-130.7116,a01013-SampleTime=,a01013-Flag=m;a01013-Min=-1.5;a21026-Avg=3;a21026-Flag=N;"
                    + "a21026-ValidNum=12&&8C41\r\n";
    /** CRC 0000 is a legitimate value (T[0]). */
    static final String CRC_0000 = "##0115QN=20200101000000106;ST=31;CN=2011;PW=123456;MN=CRC0000TEST001;Flag=4;"
            + "CP=&&DataTime=20200101000000;a21026-Rtd=0.0&&0000\r\n";

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A frame around a segment, using the code under test (for cases beyond the literals). */
    static String frame(String segment) {
        return new String(Hj212Encoder.frame(bytes(segment)), StandardCharsets.UTF_8);
    }

    static final Hj212Decoder STRICT = Hj212Decoder.builder().build();

    static Hj212Packet decodeOne(String frame) {
        List<DecodeResult> results = STRICT.decode(bytes(frame));
        assertThat(results).hasSize(1);
        assertThat(results.get(0)).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded) results.get(0)).packet();
    }

    static DecodeResult.Rejected rejectOne(String frame) {
        List<DecodeResult> results = STRICT.decode(bytes(frame));
        assertThat(results).hasSize(1);
        assertThat(results.get(0)).isInstanceOf(DecodeResult.Rejected.class);
        return (DecodeResult.Rejected) results.get(0);
    }
}
