package org.cems.gateway;

import java.util.concurrent.atomic.AtomicLong;
import org.cems.core.deadletter.DeadLetterReason;

/**
 * The live counters behind {@link GatewayStats} and the {@code /metrics} endpoint
 * ({@link PrometheusText}); written by the event loop and Kafka's callbacks.
 */
final class GatewayCounters {
    final AtomicLong connectionsOpen = new AtomicLong();
    final AtomicLong connectionsAccepted = new AtomicLong();
    final AtomicLong connectionsRefused = new AtomicLong();
    final AtomicLong connectionsIdled = new AtomicLong();
    final AtomicLong framesIn = new AtomicLong();
    final AtomicLong published = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong notReadings = new AtomicLong();
    final AtomicLong repliesSent = new AtomicLong();
    final AtomicLong publishFailures = new AtomicLong();
    final AtomicLong modbusCrcAccepted = new AtomicLong();
    final AtomicLong decrypted = new AtomicLong();
    final AtomicLong heartbeats = new AtomicLong();
    final AtomicLong registrations = new AtomicLong();
    final AtomicLong pendingRegistrationMns = new AtomicLong();
    final AtomicLong keyChanges = new AtomicLong();
    final AtomicLong keyChangesRefused = new AtomicLong();
    /** Frames that decoded, by CN (a 4-digit code; anything else counts as {@code other}). */
    final LabelledCounts framesByCn = new LabelledCounts();
    /** What {@link #rejected} counts, by dead-letter reason. */
    final LabelledCounts rejectsByReason = new LabelledCounts();
    /** From handing a station upload to the producer to Kafka's acknowledgement (acks=all). */
    final LatencyHistogram kafkaAck = new LatencyHistogram();

    void frameDecoded(String cn) {
        framesByCn.increment(cn != null && cn.matches("\\d{4}") ? cn : LabelledCounts.OTHER);
    }

    void rejected(DeadLetterReason reason) {
        rejected.incrementAndGet();
        rejectsByReason.increment(reason.wireName());
    }

    GatewayStats snapshot() {
        return new GatewayStats(
                connectionsOpen.get(),
                connectionsAccepted.get(),
                connectionsRefused.get(),
                connectionsIdled.get(),
                framesIn.get(),
                published.get(),
                rejected.get(),
                notReadings.get(),
                repliesSent.get(),
                publishFailures.get(),
                modbusCrcAccepted.get(),
                decrypted.get(),
                heartbeats.get(),
                registrations.get(),
                pendingRegistrationMns.get(),
                keyChanges.get(),
                keyChangesRefused.get());
    }
}
