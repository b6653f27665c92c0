package org.cems.connector.notify;

import java.util.ArrayDeque;
import java.util.function.LongSupplier;
import org.apache.flink.annotation.Internal;

/** A sliding-window log of send times for one target; used by that target's delivery thread only. */
@Internal
final class RateLimiter {
    private final RateLimit limit;
    private final LongSupplier clockMillis;
    private final ArrayDeque<Long> sent = new ArrayDeque<>();

    RateLimiter(RateLimit limit, LongSupplier clockMillis) {
        this.limit = limit;
        this.clockMillis = clockMillis;
    }

    /** How long to wait before the next send is within the limit; 0 when it may go now. */
    long waitMillis() {
        long now = clockMillis.getAsLong();
        long windowMs = limit.window().toMillis();
        while (!sent.isEmpty() && sent.peekFirst() <= now - windowMs) {
            sent.pollFirst();
        }
        return sent.size() < limit.maxMessages() ? 0 : sent.peekFirst() + windowMs - now;
    }

    /** Blocks until a send is allowed, then records it; returns the time waited. */
    long acquire() throws InterruptedException {
        long waited = 0;
        for (long wait = waitMillis(); wait > 0; wait = waitMillis()) {
            Thread.sleep(wait);
            waited += wait;
        }
        sent.addLast(clockMillis.getAsLong());
        return waited;
    }

    /**
     * Moves the last send to now, when its answer came: the server counted it on arrival, somewhere
     * between, so counting from the answer keeps every window the server sees within the limit.
     */
    void answered() {
        if (!sent.isEmpty()) {
            sent.pollLast();
            sent.addLast(clockMillis.getAsLong());
        }
    }
}
