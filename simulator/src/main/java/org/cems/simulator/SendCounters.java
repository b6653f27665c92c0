package org.cems.simulator;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts deliveries as the transports report them, from any thread. */
final class SendCounters {
    private static final Logger LOG = LoggerFactory.getLogger(SendCounters.class);
    /** Failures usually come in bursts (broker down): the first few and then every 1000th are logged. */
    private static final long LOG_ALL_UP_TO = 10;

    private static final long LOG_EVERY = 1000;

    private final AtomicLong readings = new AtomicLong();
    private final AtomicLong payloads = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile long lastEventTimeMillis = Long.MIN_VALUE;

    /** The delivery of one payload of {@code readingCount} readings of point {@code mn}, up to {@code eventTimeMillis}. */
    Delivery payload(String mn, int readingCount, long eventTimeMillis) {
        lastEventTimeMillis = eventTimeMillis;
        return new Delivery() {
            @Override
            public void delivered() {
                readings.addAndGet(readingCount);
                payloads.incrementAndGet();
            }

            @Override
            public void failed(Throwable cause) {
                long n = errors.incrementAndGet();
                if (n <= LOG_ALL_UP_TO || n % LOG_EVERY == 0) {
                    LOG.warn("payload of {} not delivered ({} failures so far): {}", mn, n, cause.toString());
                }
            }
        };
    }

    SimulatorStats snapshot() {
        long last = lastEventTimeMillis;
        return new SimulatorStats(
                readings.get(),
                payloads.get(),
                errors.get(),
                last == Long.MIN_VALUE ? null : Instant.ofEpochMilli(last));
    }
}
