package org.cems.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrameTextTest {
    private static final String FRAME =
            "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;"
                    + "Flag=5;CP=&&RtdInterval=30&&1C80\\r\\n";

    @Test
    void theMnIsReadOnlyFromAWholeHeader() {
        assertThat(FrameText.mn(FRAME)).contains("010000A8900016F000169DC0");
        assertThat(FrameText.mn("##9999QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A89"))
                .isEmpty();
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
