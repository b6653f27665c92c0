package org.cems.connector.influxdb;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a request that failed for a passing reason (429, 5xx, network) is retried: exponential
 * backoff with jitter from {@code initialBackoff} up to {@code maxBackoff} per wait, a server's
 * Retry-After taking the place of the computed wait, until {@code maxAttempts} requests were made
 * or the waits would add up to more than {@code maxTotalBackoff}. Past that the job fails and
 * restarts from its checkpoint: points are never dropped for being late.
 */
@PublicEvolving
public final class RetryPolicy implements Serializable {
    private static final long serialVersionUID = 1L;

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

    /** 30 attempts, 100 ms doubling up to 10 s, at most 5 minutes of waiting in all. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(30, Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofMinutes(5));
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
     * exponential value so that writers failed by the same outage do not come back in step.
     */
    long backoffMillis(int retry) {
        long exponential = initialBackoff.toMillis() << Math.min(retry - 1, 30);
        long capped = Math.min(Math.max(exponential, 0), maxBackoff.toMillis());
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
                + ", maxBackoff=" + maxBackoff + ", maxTotalBackoff=" + maxTotalBackoff + "}";
    }
}
