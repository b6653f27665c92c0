package org.cems.connector.notify;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.annotation.PublicEvolving;

/**
 * At most {@code maxMessages} to one target in any {@code window} (a sliding window, as DingTalk
 * counts: 20 messages a minute per robot, beyond which it answers errcode 130101 and mutes the
 * robot for 10 minutes).
 */
@PublicEvolving
public final class RateLimit implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int maxMessages;
    private final Duration window;

    public RateLimit(int maxMessages, Duration window) {
        if (maxMessages < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException(
                    "a rate limit needs at least 1 message in a positive window: " + maxMessages + "/" + window);
        }
        this.maxMessages = maxMessages;
        this.window = window;
    }

    /** DingTalk's and WeCom's limit for one group robot. */
    public static RateLimit groupRobot() {
        return new RateLimit(20, Duration.ofMinutes(1));
    }

    public int maxMessages() {
        return maxMessages;
    }

    public Duration window() {
        return window;
    }

    @Override
    public String toString() {
        return maxMessages + "/" + window;
    }
}
