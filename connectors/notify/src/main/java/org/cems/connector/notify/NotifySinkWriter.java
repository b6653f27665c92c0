package org.cems.connector.notify;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.UnaryOperator;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.util.function.ThrowingRunnable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each message to the delivery thread of every target its routes name, skipping an id + state
 * a target already has. The bookkeeping (pending, delivered) lives on the task thread only: the
 * delivery threads report through the mailbox. A checkpoint keeps the pending messages and the
 * delivered keys; it never waits for a delivery, so a dead target cannot hold up checkpoints.
 */
@Internal
final class NotifySinkWriter implements StatefulSinkWriter<Notification, NotifyWriterState>, TargetWorker.Results {
    private static final Logger LOG = LoggerFactory.getLogger(NotifySinkWriter.class);

    private final NotifyOptions options;
    private final MailboxExecutor mailbox;
    private final DeliveryFailureHandler failures;
    private final Map<String, TargetWorker> workers = new LinkedHashMap<>();
    private final Map<String, NotifySinkMetrics> metrics = new LinkedHashMap<>();
    private final DeliveryLedger ledger;

    NotifySinkWriter(
            NotifyOptions options,
            DeliveryFailureHandler.Factory failureHandlerFactory,
            WriterInitContext context,
            Collection<NotifyWriterState> recovered,
            UnaryOperator<String> environment) {
        this.options = options;
        this.mailbox = context.getMailboxExecutor();
        this.failures = failureHandlerFactory.create(context);
        this.ledger = new DeliveryLedger(recovered);
        context.metricGroup().gauge("pendingNotifications", ledger::pendingCount);
        try {
            for (NotifyTarget t : options.targets()) {
                NotifySinkMetrics m = new NotifySinkMetrics(context.metricGroup(), t.name());
                metrics.put(t.name(), m);
                workers.put(t.name(), new TargetWorker(t, t.createWriter(environment, options), options, m, this));
            }
        } catch (RuntimeException e) {
            // e.g. a secret variable not set: release what was opened before failing the task
            closeWorkers();
            try {
                failures.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        for (PendingDelivery p : ledger.recoveredPending()) {
            if (workers.containsKey(p.target())) {
                enqueue(p.target(), p.notification());
            } else {
                LOG.warn(
                        "notification {} {} was pending for target {}, which is no longer configured",
                        p.notification().id,
                        p.notification().state,
                        p.target());
            }
        }
    }

    @Override
    public void write(Notification n, Context context) {
        for (String target : options.targetsFor(n)) {
            enqueue(target, n);
        }
    }

    private void enqueue(String target, Notification n) {
        if (!ledger.accept(target, n)) {
            metrics.get(target).deduplicated.inc();
            return;
        }
        if (!workers.get(target).offer(n)) {
            metrics.get(target).failed.inc();
            endFailed(
                    target, n, "queue full: " + options.queueCapacity() + " messages already wait for this target", 0);
        }
    }

    @Override
    public void delivered(String target, Notification n) {
        report(() -> ledger.delivered(target, n, System.currentTimeMillis()), "record a delivered notification");
    }

    @Override
    public void failed(String target, Notification n, String reason, int attempts) {
        report(() -> endFailed(target, n, reason, attempts), "dead-letter a notification not delivered");
    }

    /** Hands a result to the task thread; once the task is closing its mailbox refuses, and the checkpoint still has the message pending. */
    private void report(ThrowingRunnable<? extends Exception> onTaskThread, String description) {
        try {
            mailbox.execute(onTaskThread, description);
        } catch (RejectedExecutionException e) {
            LOG.debug("task closing: {} left to the next attempt", description);
        }
    }

    private void endFailed(String target, Notification n, String reason, int attempts) {
        ledger.abandoned(target, n);
        try {
            failures.onFailed(n, target, reason, attempts);
        } catch (Exception e) {
            throw new IllegalStateException("the DeliveryFailureHandler failed", e);
        }
    }

    @Override
    public void flush(boolean endOfInput) throws InterruptedException {
        if (endOfInput) {
            // a bounded input ends only when each message is delivered or dead-lettered
            while (ledger.pendingCount() > 0) {
                mailbox.yield();
            }
        }
        try {
            failures.flush();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the DeliveryFailureHandler failed to flush", e);
        }
    }

    @Override
    public List<NotifyWriterState> snapshotState(long checkpointId) {
        return List.of(ledger.snapshot(System.currentTimeMillis(), options.dedupRetention()));
    }

    @Override
    public void close() throws Exception {
        closeWorkers();
        failures.close();
    }

    private void closeWorkers() {
        for (TargetWorker w : workers.values()) {
            try {
                w.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
