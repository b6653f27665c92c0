package org.cems.job.notify;

import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cems.connector.base.RetryPolicy;
import org.cems.connector.notify.DingTalkTarget;
import org.cems.connector.notify.EmailTarget;
import org.cems.connector.notify.NotifyOptions;
import org.cems.connector.notify.NotifyTarget;
import org.cems.connector.notify.RateLimit;
import org.cems.connector.notify.Route;
import org.cems.connector.notify.WeComTarget;
import org.cems.connector.notify.WebhookTarget;
import org.cems.core.time.Durations;

/**
 * The {@code notify} section of the job config: where alert notifications go (docs/notifications.md).
 * No targets: no notifications. Secrets are named ({@code *_env}), never given.
 */
public class NotifyConfig implements Serializable {
    private static final long serialVersionUID = 1L;
    static final Set<String> TYPES = Set.of("webhook", "dingtalk", "wecom", "email");

    /** By name, which routes refer to. */
    public Map<String, Target> targets = new LinkedHashMap<>();
    /** None: every alert to every target. */
    public List<RouteConfig> routes = new ArrayList<>();

    public Retry retry = new Retry();
    public String requestTimeout = "10s";
    public int queueCapacity = 1000;
    public String dedupRetention = "7d";

    public static class Target implements Serializable {
        private static final long serialVersionUID = 1L;
        /** webhook, dingtalk, wecom or email. */
        public String type;
        /** webhook: required; dingtalk, wecom: their public endpoint unless set. */
        public String url;
        /** webhook: the HMAC-SHA256 key; unset: unsigned. */
        public String hmacKeyEnv;
        /** dingtalk: the robot's access_token. */
        public String accessTokenEnv;
        /** dingtalk: the robot's 加签 secret (SEC...); unset for keyword-secured robots. */
        public String secretEnv;
        /** wecom: the robot's key. */
        public String keyEnv;
        /** email. */
        public String host;

        public int port = 587;
        public boolean starttls = true;
        public String username;
        public String passwordEnv;
        public String from;
        public List<String> to = new ArrayList<>();
        /** email: hosts whose certificate is trusted without a chain (mail.smtp.ssl.trust), for a private relay. */
        public String trustHosts;
        /** Unset: 20 per 1m for dingtalk and wecom, none for webhook and email. */
        public RateLimitConfig rateLimit;
    }

    public static class RateLimitConfig implements Serializable {
        private static final long serialVersionUID = 1L;
        public int messages;
        public String per = "1m";
    }

    public static class RouteConfig implements Serializable {
        private static final long serialVersionUID = 1L;
        /** Each empty: any. */
        public List<String> severities = new ArrayList<>();

        public List<String> types = new ArrayList<>();
        public List<String> enterprises = new ArrayList<>();
        public List<String> targets = new ArrayList<>();
    }

    public static class Retry implements Serializable {
        private static final long serialVersionUID = 1L;
        public int maxAttempts = 5;
        public String initialBackoff = "2s";
        public String maxBackoff = "1m";
    }

    public boolean enabled() {
        return !targets.isEmpty();
    }

    /** The sink's options; throws IllegalArgumentException naming the key to fix. */
    public NotifyOptions options(String zoneId, boolean english) {
        NotifyOptions options = new NotifyOptions()
                .retryPolicy(new RetryPolicy(
                        retry.maxAttempts, Durations.parse(retry.initialBackoff), Durations.parse(retry.maxBackoff)))
                .requestTimeout(Durations.parse(requestTimeout))
                .queueCapacity(queueCapacity)
                .dedupRetention(Durations.parse(dedupRetention))
                .locale(zoneId, english);
        targets.forEach((name, t) -> options.addTarget(target(name, t)));
        for (int i = 0; i < routes.size(); i++) {
            RouteConfig r = routes.get(i);
            try {
                options.addRoute(new Route(
                        new HashSet<>(r.severities), new HashSet<>(r.types), new HashSet<>(r.enterprises), r.targets));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("notify.routes[" + i + "]: " + e.getMessage(), e);
            }
        }
        return options;
    }

    private static NotifyTarget target(String name, Target t) {
        String key = "notify.targets." + name;
        try {
            NotifyTarget target = switch (t.type == null ? "" : t.type) {
                case "webhook" -> new WebhookTarget(name, URI.create(required(t.url, "url")), t.hmacKeyEnv);
                case "dingtalk" ->
                    new DingTalkTarget(name, t.url == null ? null : URI.create(t.url), t.accessTokenEnv, t.secretEnv);
                case "wecom" -> new WeComTarget(name, t.url == null ? null : URI.create(t.url), t.keyEnv);
                case "email" ->
                    new EmailTarget(
                            name, t.host, t.port, t.starttls, t.username, t.passwordEnv, t.from, t.to, t.trustHosts);
                default -> throw new IllegalArgumentException("type: one of " + TYPES + ", not \"" + t.type + "\"");
            };
            if (t.rateLimit != null) {
                target.withRateLimit(new RateLimit(t.rateLimit.messages, Durations.parse(t.rateLimit.per)));
            }
            return target;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    private static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is required");
        }
        return value;
    }

    /** The variables named for secrets, each with its key, so the loader can check they are set. */
    public Map<String, String> secretVariables() {
        Map<String, String> out = new LinkedHashMap<>();
        targets.forEach((name, t) -> {
            String key = "notify.targets." + name + ".";
            putIfSet(out, key + "hmac_key_env", t.hmacKeyEnv);
            putIfSet(out, key + "access_token_env", t.accessTokenEnv);
            putIfSet(out, key + "secret_env", t.secretEnv);
            putIfSet(out, key + "key_env", t.keyEnv);
            putIfSet(out, key + "password_env", t.passwordEnv);
        });
        return out;
    }

    private static void putIfSet(Map<String, String> out, String key, String variable) {
        if (variable != null) {
            out.put(key, variable);
        }
    }
}
