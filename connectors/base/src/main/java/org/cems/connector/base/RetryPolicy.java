package org.cems.connector.base;

import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.flink.annotation.PublicEvolving;

/**
 * How long a request that failed for a passing reason (429, 5xx, network) is retried: exponential
 * backoff with jitter from {@code initialBackoff} up to {@code maxBackoff} per wait, until
 * {@code maxAttempts} requests were made or, when bounded, the waits would add up to more than
 * {@code maxTotalBackoff}. What happens past the budget is the connector's own rule: the InfluxDB
 * sink fails the job (points are never dropped), notifications dead-letter the message.
 */
@PublicEvolving
public final class RetryPolicy implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Duration UNBOUNDED = Duration.ofMillis(Long.MAX_VALUE);

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxTotalBackoff;

    public RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxTotalBackoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("retry max attempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || maxTotalBackoff.isNegative()) {
            throw new IllegalArgumentException("retry backoffs must satisfy 0 <= initial <= max, total >= 0: "
                    + initialBackoff + ", " + maxBackoff + ", " + maxTotalBackoff);
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.maxTotalBackoff = maxTotalBackoff;
    }

    /** A budget of attempts only: the waits may add up to whatever they come to. */
    public RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        this(maxAttempts, initialBackoff, maxBackoff, UNBOUNDED);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    public Duration maxTotalBackoff() {
        return maxTotalBackoff;
    }

    /**
     * The wait before retry number {@code retry} (1 for the first), between half and all of the
     * exponential value so that clients failed by the same outage do not come back in step.
     */
    public long backoffMillis(int retry) {
        long exponential = initialBackoff.toMillis() << Math.min(retry - 1, 30);
        long capped = Math.min(Math.max(exponential, 0), maxBackoff.toMillis());
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
                + ", maxBackoff=" + maxBackoff
                + (maxTotalBackoff.equals(UNBOUNDED) ? "" : ", maxTotalBackoff=" + maxTotalBackoff) + "}";
    }
}
