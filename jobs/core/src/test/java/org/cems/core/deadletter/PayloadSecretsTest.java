package org.cems.core.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PayloadSecretsTest {
    private static final String FRAME =
            "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;"
                    + "Flag=5;CP=&&RtdInterval=30&&1C80\\r\\n";

    @Test
    void passwordsAreHiddenWhereverTheFieldStands() {
        assertThat(PayloadSecrets.hide(FRAME)).contains(";PW=***;").doesNotContain("100000");
        assertThat(PayloadSecrets.hide("##0040PW=654321;MN=X;CP=&&&&")).startsWith("##0040PW=***;");
        assertThat(PayloadSecrets.hide("QN=1,pw=abc,MN=X")).isEqualTo("QN=1,pw=***,MN=X");
        // CN 1072 sets a new password (HJ 212-2017 Table 9): as secret as the old one
        assertThat(PayloadSecrets.hide("PW=1;CN=1072;CP=&&NewPW=abc&&")).isEqualTo("PW=***;CN=1072;CP=&&NewPW=***&&");
        assertThat(PayloadSecrets.hide("PW=1;MN=X;CP=&&SKCreateTime=1;NewSK=00112233445566778899AABBCCDDEEFF&&"))
                .isEqualTo("PW=***;MN=X;CP=&&SKCreateTime=1;NewSK=***&&");
        assertThat(PayloadSecrets.hide("QN=1;ST=31;CN=2011;PW=sec")).endsWith("PW=***"); // cut by the excerpt
        assertThat(PayloadSecrets.hide("{\"mn\":\"X\",\"pw\":\"se\\\"cret\",\"a\":1}"))
                .isEqualTo("{\"mn\":\"X\",\"pw\":\"***\",\"a\":1}");
        assertThat(PayloadSecrets.hide("MN=X;CP=&&a21026-Rtd=12&&")).isEqualTo("MN=X;CP=&&a21026-Rtd=12&&");
    }

    @Test
    void everyDeadLetterHidesThemWhoeverWritesIt() {
        DeadLetterMessage m = DeadLetterMessage.whole(
                DeadLetterReason.BAD_PASSWORD,
                "PW does not match",
                "tcp:127.0.0.1:5000",
                Instant.parse("2026-12-05T08:00:00Z"),
                "##0080QN=1;ST=31;CN=2011;PW=secret;MN=X;Flag=5;CP=&&&&");
        assertThat(m.payload()).contains("PW=***").doesNotContain("secret");
        assertThat(new String(m.json(), StandardCharsets.UTF_8))
                .contains("PW=***")
                .doesNotContain("secret");
        assertThat(m.payloadBytes())
                .as("the size of what arrived, not of the excerpt")
                .isEqualTo(54);
    }
}
