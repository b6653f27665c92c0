package org.cems.connector.notify;

import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;

/**
 * One target's counters, in the writer's metric group under {@code target.<name>}: messages
 * delivered, retries, messages dead-lettered (failed), duplicates skipped, and milliseconds spent
 * waiting for the rate limit. Thread-safe: delivery threads update them.
 */
@Internal
final class NotifySinkMetrics {
    final Counter delivered;
    final Counter retries;
    final Counter failed;
    final Counter deduplicated;
    final Counter rateLimitedMillis;

    NotifySinkMetrics(MetricGroup writerGroup, String target) {
        MetricGroup group = writerGroup.addGroup("target", target);
        delivered = group.counter("delivered", new ThreadSafeSimpleCounter());
        retries = group.counter("retries", new ThreadSafeSimpleCounter());
        failed = group.counter("failed", new ThreadSafeSimpleCounter());
        deduplicated = group.counter("deduplicated", new ThreadSafeSimpleCounter());
        rateLimitedMillis = group.counter("rateLimitedMillis", new ThreadSafeSimpleCounter());
    }
}
