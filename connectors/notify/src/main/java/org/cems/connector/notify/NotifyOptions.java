package org.cems.connector.notify;

import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.annotation.PublicEvolving;
import org.cems.connector.base.RetryPolicy;

/**
 * Targets, routes and delivery settings of a {@link NotifySink}. Without routes every message goes
 * to every target. Holds no secret: targets name environment variables.
 */
@PublicEvolving
public final class NotifyOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, NotifyTarget> targets = new LinkedHashMap<>();
    private final List<Route> routes = new ArrayList<>();
    /** 5 attempts, 2 s doubling up to 1 min: about 30 s of waiting before a message is dead-lettered. */
    public static final RetryPolicy DEFAULT_RETRY = new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofMinutes(1));

    private RetryPolicy retryPolicy = DEFAULT_RETRY;
    private Duration requestTimeout = Duration.ofSeconds(10);
    private int queueCapacity = 1000;
    private Duration dedupRetention = Duration.ofDays(7);
    private String zoneId = "Asia/Shanghai";
    private boolean english;

    public NotifyOptions addTarget(NotifyTarget target) {
        if (targets.putIfAbsent(target.name(), target) != null) {
            throw new IllegalArgumentException("two notification targets are named " + target.name());
        }
        return this;
    }

    public NotifyOptions addRoute(Route route) {
        for (String t : route.targets()) {
            if (!targets.containsKey(t)) {
                throw new IllegalArgumentException("route " + route + " names target " + t + ", which is not defined");
            }
        }
        routes.add(route);
        return this;
    }

    public NotifyOptions retryPolicy(RetryPolicy policy) {
        this.retryPolicy = policy;
        return this;
    }

    /** The longest one request (HTTP exchange, SMTP session step) may take. */
    public NotifyOptions requestTimeout(Duration timeout) {
        this.requestTimeout = timeout;
        return this;
    }

    /** Messages waiting for one target beyond this are dead-lettered at once rather than held up. */
    public NotifyOptions queueCapacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1");
        }
        this.queueCapacity = capacity;
        return this;
    }

    /** How long a delivered id + state is remembered so it is not sent again. */
    public NotifyOptions dedupRetention(Duration retention) {
        this.dedupRetention = retention;
        return this;
    }

    /** Time zone of the times in messages; and their language. */
    public NotifyOptions locale(String zoneId, boolean english) {
        ZoneId.of(zoneId);
        this.zoneId = zoneId;
        this.english = english;
        return this;
    }

    public Collection<NotifyTarget> targets() {
        return targets.values();
    }

    public List<Route> routes() {
        return routes;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public int queueCapacity() {
        return queueCapacity;
    }

    public Duration dedupRetention() {
        return dedupRetention;
    }

    /** The targets a message goes to, in the order the targets were added. */
    Set<String> targetsFor(Notification n) {
        if (routes.isEmpty()) {
            return targets.keySet();
        }
        Set<String> matched = new LinkedHashSet<>();
        for (Route r : routes) {
            if (r.matches(n)) {
                matched.addAll(r.targets());
            }
        }
        Set<String> ordered = new LinkedHashSet<>(targets.keySet());
        ordered.retainAll(matched);
        return ordered;
    }

    NotificationText text() {
        return new NotificationText(ZoneId.of(zoneId), english);
    }
}
