package org.cems.connector.notify;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.apache.flink.annotation.Internal;

/** Posts the notification as JSON, signed when a key is given (see {@link WebhookTarget}). */
@Internal
final class WebhookWriter implements TargetWriter {
    static final String TIMESTAMP_HEADER = "X-CEMS-Timestamp";
    static final String SIGNATURE_HEADER = "X-CEMS-Signature";

    private final URI url;
    private final String hmacKey;
    private final HttpPoster http;

    WebhookWriter(URI url, String hmacKey, HttpPoster http) {
        this.url = url;
        this.hmacKey = hmacKey;
        this.http = http;
    }

    /** The signature header's value for a body sent at {@code timestampMillis}. */
    static String signature(String key, long timestampMillis, String body) {
        return "sha256=" + Hmac.hex(Hmac.sha256(key, timestampMillis + "." + body));
    }

    @Override
    public Outcome send(Notification n) throws InterruptedException {
        String body = n.json();
        Map<String, String> headers = Map.of();
        if (hmacKey != null) {
            long now = System.currentTimeMillis();
            headers = Map.of(TIMESTAMP_HEADER, Long.toString(now), SIGNATURE_HEADER, signature(hmacKey, now, body));
        }
        try {
            return HttpPoster.byStatus(http.post(url, body, headers));
        } catch (IOException e) {
            return HttpPoster.networkFailure(e);
        }
    }
}
