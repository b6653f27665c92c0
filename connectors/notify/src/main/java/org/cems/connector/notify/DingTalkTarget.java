package org.cems.connector.notify;

import java.net.URI;
import java.util.function.UnaryOperator;
import org.apache.flink.annotation.PublicEvolving;

/**
 * A DingTalk (钉钉) group robot: markdown messages to {@code url?access_token=...}, signed when the
 * robot's security setting is 加签 (a secret starting {@code SEC}). 20 messages a minute by default,
 * DingTalk's limit per robot.
 */
@PublicEvolving
public final class DingTalkTarget extends NotifyTarget {
    private static final long serialVersionUID = 1L;
    public static final URI DEFAULT_URL = URI.create("https://oapi.dingtalk.com/robot/send");

    private final URI url;
    private final String accessTokenEnv;
    private final String secretEnv;

    /** {@code secretEnv} may be null for a robot secured by keywords or IP range instead of a signature. */
    public DingTalkTarget(String name, URI url, String accessTokenEnv, String secretEnv) {
        super(name, RateLimit.groupRobot());
        this.url = url == null ? DEFAULT_URL : url;
        this.accessTokenEnv = accessTokenEnv;
        this.secretEnv = secretEnv;
        if (accessTokenEnv == null) {
            throw new IllegalArgumentException("DingTalk target " + name + " needs access_token_env");
        }
    }

    public URI url() {
        return url;
    }

    @Override
    TargetWriter createWriter(UnaryOperator<String> environment, NotifyOptions options) {
        String token = secret(environment, accessTokenEnv, "access token of DingTalk robot " + name());
        String secret =
                secretEnv == null ? null : secret(environment, secretEnv, "signing secret of DingTalk robot " + name());
        return new DingTalkWriter(url, token, secret, options.text(), new HttpPoster(options.requestTimeout()));
    }
}
