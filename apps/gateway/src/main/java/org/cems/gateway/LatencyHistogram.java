package org.cems.gateway;

import java.util.concurrent.atomic.LongAdder;

/**
 * A Prometheus histogram of durations with fixed buckets, written from Kafka's I/O thread and read
 * by a scrape. The buckets span a local broker's few milliseconds up to the producer's 30 s
 * delivery timeout, after which a frame counts as failed, not slow.
 */
final class LatencyHistogram {
    /** Upper bounds in seconds, ascending; {@code +Inf} is implied. */
    static final double[] BOUNDS_SECONDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    private final LongAdder[] inBucket = new LongAdder[BOUNDS_SECONDS.length + 1];
    private final LongAdder sumNanos = new LongAdder();

    LatencyHistogram() {
        for (int i = 0; i < inBucket.length; i++) {
            inBucket[i] = new LongAdder();
        }
    }

    void observeNanos(long nanos) {
        double seconds = nanos / 1e9;
        int i = 0;
        while (i < BOUNDS_SECONDS.length && seconds > BOUNDS_SECONDS[i]) {
            i++;
        }
        inBucket[i].increment();
        sumNanos.add(nanos);
    }

    /** Observations at or below each bound (Prometheus buckets are cumulative), the last one {@code +Inf}: the count. */
    long[] cumulativeCounts() {
        long[] out = new long[inBucket.length];
        long running = 0;
        for (int i = 0; i < inBucket.length; i++) {
            running += inBucket[i].sum();
            out[i] = running;
        }
        return out;
    }

    double sumSeconds() {
        return sumNanos.sum() / 1e9;
    }
}
