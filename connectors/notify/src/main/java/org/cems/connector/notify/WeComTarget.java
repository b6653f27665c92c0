package org.cems.connector.notify;

import java.net.URI;
import java.util.function.UnaryOperator;
import org.apache.flink.annotation.PublicEvolving;

/**
 * A WeCom (企业微信) group robot: markdown messages to {@code url?key=...}; the key is the robot's
 * only credential. 20 messages a minute by default, WeCom's limit per robot.
 */
@PublicEvolving
public final class WeComTarget extends NotifyTarget {
    private static final long serialVersionUID = 1L;
    public static final URI DEFAULT_URL = URI.create("https://qyapi.weixin.qq.com/cgi-bin/webhook/send");

    private final URI url;
    private final String keyEnv;

    public WeComTarget(String name, URI url, String keyEnv) {
        super(name, RateLimit.groupRobot());
        this.url = url == null ? DEFAULT_URL : url;
        this.keyEnv = keyEnv;
        if (keyEnv == null) {
            throw new IllegalArgumentException("WeCom target " + name + " needs key_env");
        }
    }

    public URI url() {
        return url;
    }

    @Override
    TargetWriter createWriter(UnaryOperator<String> environment, NotifyOptions options) {
        String key = secret(environment, keyEnv, "key of WeCom robot " + name());
        return new WeComWriter(url, key, options.text(), new HttpPoster(options.requestTimeout()));
    }
}
