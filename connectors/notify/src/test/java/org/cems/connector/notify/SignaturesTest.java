package org.cems.connector.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignaturesTest {
    @Test
    void hmacSha256MatchesRfc4231TestCase2() {
        // RFC 4231 section 4.3: key "Jefe", data "what do ya want for nothing?"
        assertThat(Hmac.hex(Hmac.sha256("Jefe", "what do ya want for nothing?")))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void dingTalkSignsTimestampNewlineSecretUrlEncoded() {
        String sign = DingTalkWriter.sign(1_700_000_000_000L, "SECabc");
        String base64 = URLDecoder.decode(sign, StandardCharsets.UTF_8);
        assertThat(Base64.getDecoder().decode(base64)).isEqualTo(Hmac.sha256("SECabc", "1700000000000\nSECabc"));
        assertThat(sign).doesNotContain("+", "/", "=");
    }

    @Test
    void webhookSignsTimestampDotBody() {
        assertThat(WebhookWriter.signature("k", 42, "{}")).isEqualTo("sha256=" + Hmac.hex(Hmac.sha256("k", "42.{}")));
    }
}
