package org.cems.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegacyCodesTest {

    /** Table B.2 "原编码" column, as listed in the notes §2.3. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "B02,a00000", "S01,a19001", "S02,a01011", "S03,a01012", "S04,a01017", "S05,a01014", "S06,a01015",
        "S07,a01016", "S08,a01013", "01,a34013", "02,a21026", "03,a21002", "04,a21005", "05,a21028",
        "06,a21018", "07,a21017", "08,a21024", "09,a34038", "10,a21001", "11,a21022", "12,a99051",
        "13,a30022", "14,a34039", "15,a34040", "17,a25003", "18,a25005", "19,a31001", "20,a25044",
        "21,a26001", "22,a25023", "23,a25010", "24,a99049", "25,a24087", "26,a31002", "27,a23001",
        "28,a30001", "29,a24046", "30,a05001", "31,a20057", "32,a20043", "33,a20025", "34,a20091",
        "35,a20063", "36,a20016", "37,a01010"
    })
    void mapsEveryLegacyCodeOfTheTable(String legacy, String current) {
        assertThat(LegacyCodes.toCurrent(legacy)).contains(current);
        assertThat(LegacyCodes.toLegacy(current)).contains(legacy);
    }

    @Test
    void tableHasExactlyTheseMappings() {
        assertThat(LegacyCodes.all()).hasSize(45);
    }

    @Test
    void codesWithoutA2017EquivalentAreNotMapped() {
        assertThat(LegacyCodes.toCurrent("16")).isEmpty();
        assertThat(LegacyCodes.toCurrent("99")).isEmpty();
        assertThat(LegacyCodes.toCurrent("a21026")).isEmpty();
        assertThat(LegacyCodes.toLegacy("a21003")).isEmpty();
        assertThat(LegacyCodes.toCurrent(null)).isEmpty();
    }

    @Test
    void lookupIgnoresCase() {
        assertThat(LegacyCodes.toCurrent("s01")).contains("a19001");
        assertThat(LegacyCodes.toCurrent("b02")).contains("a00000");
    }

    @Test
    void legacyCodesAreMappedOnlyIn2005Packets() {
        String cp = "CP=&&DataTime=20200101000000;02-Rtd=1.0;s01-Rtd=7.0;16-Rtd=3&&";
        Hj212Packet noFlag = Frames.decodeOne(Frames.frame("ST=31;CN=2011;MN=M1;" + cp));
        assertThat(noFlag.items()).containsOnlyKeys("a21026", "a19001", "16");
        Hj212Packet flag3 = Frames.decodeOne(Frames.frame("QN=1;ST=31;CN=2011;MN=M1;Flag=1;" + cp));
        assertThat(flag3.items()).containsOnlyKeys("a21026", "a19001", "16");
        Hj212Packet flag5 = Frames.decodeOne(Frames.frame("QN=1;ST=31;CN=2011;MN=M1;Flag=5;" + cp));
        assertThat(flag5.items()).containsOnlyKeys("02", "s01", "16");
        Hj212Packet flag8 = Frames.decodeOne(Frames.frame("QN=1;ST=31;CN=2011;MN=M1;Flag=8;" + cp));
        assertThat(flag8.items()).containsOnlyKeys("02", "s01", "16");
    }

    @Test
    void legacyAndCurrentCodeOfTheSameFactorMerge() {
        Hj212Packet p = Frames.decodeOne(
                Frames.frame("ST=31;CN=2011;MN=M1;CP=&&DataTime=20200101000000;02-Rtd=1.0,02-Flag=N;a21026-Rtd=2.0&&"));
        assertThat(p.item("a21026").orElseThrow().values())
                .containsExactly(Map.entry("Rtd", "2.0"), Map.entry("Flag", "N"));
    }
}
