package org.cems.connector.influxdb;

import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * The sink's own metrics, on the writer's metric group. Counters are thread-safe because HTTP
 * responses are handled on the client's threads, not the task thread.
 */
@Internal
final class InfluxDbSinkMetrics implements LineProtocol.EncodingListener {
    private static final int LATENCY_WINDOW = 1024;

    private final Counter pointsWritten;
    private final Counter bytesWritten;
    private final Counter retries;
    private final Counter rejectedPoints;
    private final Counter droppedNonFinite;
    private final Counter droppedPointsWithoutFields;
    private final Counter replacedCharacters;
    private final Histogram requestLatencyMs;
    private volatile long lastRequestLatencyMs;

    InfluxDbSinkMetrics(MetricGroup group) {
        pointsWritten = group.counter("pointsWritten", new ThreadSafeSimpleCounter());
        bytesWritten = group.counter("bytesWritten", new ThreadSafeSimpleCounter());
        retries = group.counter("retries", new ThreadSafeSimpleCounter());
        rejectedPoints = group.counter("rejectedPoints", new ThreadSafeSimpleCounter());
        droppedNonFinite = group.counter("droppedNonFinite", new ThreadSafeSimpleCounter());
        droppedPointsWithoutFields = group.counter("droppedPointsWithoutFields", new ThreadSafeSimpleCounter());
        replacedCharacters = group.counter("replacedCharacters", new ThreadSafeSimpleCounter());
        requestLatencyMs = group.histogram("requestLatencyMs", new DescriptiveStatisticsHistogram(LATENCY_WINDOW));
        group.gauge("lastRequestLatencyMs", () -> lastRequestLatencyMs);
    }

    void written(int points, long bytes) {
        pointsWritten.inc(points);
        bytesWritten.inc(bytes);
    }

    void retried() {
        retries.inc();
    }

    void rejected() {
        rejectedPoints.inc();
    }

    void requestCompleted(long latencyMs) {
        lastRequestLatencyMs = latencyMs;
        synchronized (requestLatencyMs) {
            requestLatencyMs.update(latencyMs);
        }
    }

    /** A point whose every field was NaN or infinite: none of it is written. */
    void droppedPointWithoutFields(InfluxPoint point) {
        droppedPointsWithoutFields.inc();
        droppedNonFinite.inc(point.fieldCount());
    }

    @Override
    public void nonFiniteFieldDropped(String measurement, String field) {
        droppedNonFinite.inc();
    }

    @Override
    public void characterReplaced(String measurement) {
        replacedCharacters.inc();
    }
}
