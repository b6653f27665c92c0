package org.cems.connector.notify;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The retry budget of one message at one target: up to {@code maxAttempts} requests, waiting
 * {@code initialBackoff} doubled after each failure up to {@code maxBackoff} (with jitter so that
 * targets failed by one outage do not come back in step). Past the budget the message is dead-lettered.
 */
@PublicEvolving
public final class RetryPolicy implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    public RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("retry max attempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("retry backoffs must satisfy 0 <= initial <= max: " + initialBackoff + ", " + maxBackoff);
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** 5 attempts, 2 s doubling up to 1 min: about 30 s of waiting before a message is dead-lettered. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofMinutes(1));
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

    /** The wait before retry number {@code retry} (1 for the first): between half and all of the exponential value. */
    long backoffMillis(int retry) {
        long exponential = initialBackoff.toMillis() << Math.min(retry - 1, 30);
        long capped = Math.min(Math.max(exponential, 0), maxBackoff.toMillis());
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff + "}";
    }
}
