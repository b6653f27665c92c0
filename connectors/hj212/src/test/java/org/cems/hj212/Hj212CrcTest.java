package org.cems.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Hj212CrcTest {

    private static final byte[] APPENDIX_A = Frames.bytes(Frames.APPENDIX_A_SEGMENT);

    @Test
    void appendixAWorkedExampleIs1C80() {
        assertThat(APPENDIX_A).hasSize(101);
        int crc = Hj212Crc.compute(APPENDIX_A, 0, APPENDIX_A.length);
        assertThat(crc).isEqualTo(0x1C80);
        assertThat(Hj212Crc.hex(crc)).isEqualTo("1C80");
    }

    @Test
    void isNotModbus() {
        assertThat(Hj212Crc.modbusHighFirst(APPENDIX_A, 0, APPENDIX_A.length)).isEqualTo(0x0759);
        assertThat(Hj212Crc.modbusLowFirst(APPENDIX_A, 0, APPENDIX_A.length)).isEqualTo(0x5907);
    }

    @Test
    void registerTraceOfTheFirstBytesMatchesTheNotes() {
        assertThat(Hj212Crc.compute(APPENDIX_A, 0, 1)).isEqualTo(0xBC81);
        assertThat(Hj212Crc.compute(APPENDIX_A, 0, 2)).isEqualTo(0x8581);
        assertThat(Hj212Crc.compute(APPENDIX_A, 0, 3)).isEqualTo(0x7200);
        assertThat(Hj212Crc.compute(APPENDIX_A, 0, 4)).isEqualTo(0xF001);
    }

    @Test
    void offsetAndLengthSelectTheSegment() {
        byte[] framed = Frames.bytes(Frames.APPENDIX_A);
        assertThat(Hj212Crc.compute(framed, 6, 101)).isEqualTo(0x1C80);
    }

    @Test
    void hexIsFourUppercaseDigits() {
        assertThat(Hj212Crc.hex(0)).isEqualTo("0000");
        assertThat(Hj212Crc.hex(0xab)).isEqualTo("00AB");
        assertThat(Hj212Crc.hex(0xffff)).isEqualTo("FFFF");
    }

    @Test
    void emptyInputLeavesTheInitialRegister() {
        assertThat(Hj212Crc.compute(new byte[0], 0, 0)).isEqualTo(0xFFFF);
    }

    /** §3.3: the CRC runs over UTF-8 bytes; a UTF-16-char implementation gets 35C0 instead of 9741. */
    @Test
    void chineseTextIsCheckedOverUtf8Bytes() {
        String seg = Frames.CHINESE_SEGMENT;
        byte[] utf8 = seg.getBytes(StandardCharsets.UTF_8);
        assertThat(seg).hasSize(144);
        assertThat(utf8).hasSize(152);
        assertThat(Hj212Crc.hex(Hj212Crc.compute(utf8, 0, utf8.length))).isEqualTo("9741");
        assertThat(Hj212Crc.hex(overUtf16Chars(seg))).isEqualTo("35C0");
    }

    /** §1.1 structural weakness: the low byte of every Appendix A CRC is one of 8 values. */
    @Property
    void lowByteIsAlwaysOneOfEight(@ForAll @Size(min = 1) byte[] data) {
        int crc = Hj212Crc.compute(data, 0, data.length);
        assertThat(Set.of(0x00, 0x01, 0x40, 0x41, 0x80, 0x81, 0xC0, 0xC1)).contains(crc & 0xFF);
    }

    /** The wrong way, as char[]-based parsers do it: each UTF-16 char taken as one "byte". */
    private static int overUtf16Chars(String s) {
        int reg = 0xFFFF;
        for (int i = 0; i < s.length(); i++) {
            reg = (reg >>> 8) ^ s.charAt(i);
            for (int j = 0; j < 8; j++) {
                int c = reg & 1;
                reg >>>= 1;
                if (c != 0) {
                    reg ^= 0xA001;
                }
            }
        }
        return reg;
    }
}
