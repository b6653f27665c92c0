package org.cems.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class FrameTextTest {
    private static final String FRAME = "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;"
            + "Flag=5;CP=&&RtdInterval=30&&1C80\\r\\n";

    @Test
    void passwordsAreHiddenWhereverTheFieldStands() {
        assertThat(FrameText.hideSecrets(FRAME)).contains(";PW=***;").doesNotContain("100000");
        assertThat(FrameText.hideSecrets("##0040PW=654321;MN=X;CP=&&&&")).startsWith("##0040PW=***;");
        assertThat(FrameText.hideSecrets("QN=1,pw=abc,MN=X")).isEqualTo("QN=1,pw=***,MN=X");
        assertThat(FrameText.hideSecrets("CP=&&NewPW=1;x-Rtd=2&&")).contains("NewPW=1"); // not a header PW
        assertThat(FrameText.hideSecrets("PW=1;MN=X;CP=&&SKCreateTime=1;NewSK=00112233445566778899AABBCCDDEEFF&&"))
                .isEqualTo("PW=***;MN=X;CP=&&SKCreateTime=1;NewSK=***&&");
    }

    @Test
    void theMnIsReadOnlyFromAWholeHeader() {
        assertThat(FrameText.mn(FRAME)).contains("010000A8900016F000169DC0");
        assertThat(FrameText.mn("##9999QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A89")).isEmpty();
        assertThat(FrameText.headerComplete("##0101QN=1;Flag=5CP=&&x=1&&")).isTrue(); // the standard's own C.19 typo
    }

    @Test
    void passwordsAreCheckedOnlyWhereTheRegistrySetsOne() {
        Passwords passwords = Passwords.of(Map.of("MN1", "s3cret"));
        assertThat(passwords.accepts("MN1", Optional.of("s3cret"))).isTrue();
        assertThat(passwords.accepts("MN1", Optional.of("s3cre"))).isFalse();
        assertThat(passwords.accepts("MN1", Optional.empty())).isFalse();
        assertThat(passwords.accepts("MN2", Optional.empty())).isTrue();
        assertThat(passwords).hasToString("Passwords[1 MNs]");
    }
}
