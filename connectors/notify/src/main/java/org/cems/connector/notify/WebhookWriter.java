package org.cems.connector.notify;

import org.apache.flink.annotation.Internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/** Posts the notification as JSON, signed when a key is given (see {@link WebhookTarget}). */
@Internal
final class WebhookWriter implements TargetWriter {
    static final String TIMESTAMP_HEADER = "X-CEMS-Timestamp";
    static final String SIGNATURE_HEADER = "X-CEMS-Signature";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final String hmacKey;
    private final HttpPoster http;

    WebhookWriter(URI url, String hmacKey, HttpPoster http) {
        this.url = url;
        this.hmacKey = hmacKey;
        this.http = http;
    }

    static String json(Notification n) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", n.id);
        o.put("state", n.state);
        o.put("severity", n.severity);
        o.put("type", n.type);
        o.put("enterprise", n.enterprise);
        o.put("enterprise_name", n.enterpriseName);
        o.put("source", n.source);
        o.put("title", n.title);
        o.put("message", n.message);
        o.put("time", Instant.ofEpochMilli(n.timeMillis).toString());
        return o.toString();
    }

    /** The signature header's value for a body sent at {@code timestampMillis}. */
    static String signature(String key, long timestampMillis, String body) {
        return "sha256=" + Hmac.hex(Hmac.sha256(key, timestampMillis + "." + body));
    }

    @Override
    public Outcome send(Notification n) throws InterruptedException {
        String body = json(n);
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
