package org.cems.connector.notify;

import java.net.URI;
import java.util.function.UnaryOperator;
import org.apache.flink.annotation.PublicEvolving;

/**
 * A generic webhook: each message as a JSON POST. With {@code hmacKeyEnv} set, the request is
 * signed: {@code X-CEMS-Timestamp} (epoch ms) and {@code X-CEMS-Signature: sha256=<hex>}, the
 * HMAC-SHA256 of {@code timestamp + "." + body} under the key.
 */
@PublicEvolving
public final class WebhookTarget extends NotifyTarget {
    private static final long serialVersionUID = 1L;

    private final URI url;
    private final String hmacKeyEnv;

    /** No rate limit of its own unless given; {@code hmacKeyEnv} may be null (unsigned). */
    public WebhookTarget(String name, URI url, String hmacKeyEnv) {
        super(name, null);
        this.url = url;
        this.hmacKeyEnv = hmacKeyEnv;
    }

    public URI url() {
        return url;
    }

    public String hmacKeyEnv() {
        return hmacKeyEnv;
    }

    @Override
    TargetWriter createWriter(UnaryOperator<String> environment, NotifyOptions options) {
        String key = hmacKeyEnv == null ? null : secret(environment, hmacKeyEnv, "HMAC key of webhook " + name());
        return new WebhookWriter(url, key, new HttpPoster(options.requestTimeout()));
    }
}
