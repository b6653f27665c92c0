package org.cems.connector.notify;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.flink.annotation.Internal;
import org.cems.connector.base.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery thread of one target: takes its messages in order, waits for the rate limit, tries
 * each within the retry budget and reports the end (delivered, or failed with why) to the writer.
 * Its own thread, so a slow or dead target holds up neither the task nor the other targets.
 */
@Internal
final class TargetWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TargetWorker.class);

    /** Where a message ends; called on this worker's thread. */
    interface Results {
        void delivered(String target, Notification n);

        void failed(String target, Notification n, String reason, int attempts);
    }

    private final String target;
    private final TargetWriter writer;
    private final RateLimiter rateLimiter;
    private final RetryPolicy retry;
    private final NotifySinkMetrics metrics;
    private final Results results;
    private final BlockingQueue<Notification> queue;
    private final Thread thread;

    TargetWorker(
            NotifyTarget target,
            TargetWriter writer,
            NotifyOptions options,
            NotifySinkMetrics metrics,
            Results results) {
        this.target = target.name();
        this.writer = writer;
        this.rateLimiter =
                target.rateLimit() == null ? null : new RateLimiter(target.rateLimit(), System::currentTimeMillis);
        this.retry = options.retryPolicy();
        this.metrics = metrics;
        this.results = results;
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
        this.thread = new Thread(this::run, "notify-" + target.name());
        thread.setDaemon(true);
        thread.start();
    }

    /** False when the queue is full: the caller dead-letters the message rather than wait. */
    boolean offer(Notification n) {
        return queue.offer(n);
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                deliver(queue.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(Notification n) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            if (rateLimiter != null) {
                // every request counts, retries included: the safe reading of a robot's 20 a minute
                metrics.rateLimitedMillis.inc(rateLimiter.acquire());
            }
            Outcome outcome = attempt(n);
            if (rateLimiter != null) {
                rateLimiter.answered();
            }
            switch (outcome.kind()) {
                case DELIVERED -> {
                    metrics.delivered.inc();
                    results.delivered(target, n);
                    return;
                }
                case REFUSED -> {
                    fail(n, "refused: " + outcome.detail(), attempt);
                    return;
                }
                case RETRY -> {
                    if (attempt >= retry.maxAttempts()) {
                        fail(n, "retry budget spent: " + outcome.detail(), attempt);
                        return;
                    }
                    metrics.retries.inc();
                    LOG.info(
                            "notification {} {} to {}: attempt {} failed ({}), retrying",
                            n.id,
                            n.state,
                            target,
                            attempt,
                            outcome.detail());
                    Thread.sleep(retry.backoffMillis(attempt));
                }
            }
        }
    }

    private Outcome attempt(Notification n) throws InterruptedException {
        try {
            return writer.send(n);
        } catch (RuntimeException e) {
            return Outcome.retry(e.getClass().getSimpleName() + ": " + HttpPoster.abbreviate(e.getMessage()));
        }
    }

    private void fail(Notification n, String reason, int attempts) {
        metrics.failed.inc();
        results.failed(target, n, reason, attempts);
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(5_000);
        writer.close();
    }
}
