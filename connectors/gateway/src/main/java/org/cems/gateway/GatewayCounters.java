package org.cems.gateway;

import java.util.concurrent.atomic.AtomicLong;

/** The live counters behind {@link GatewayStats}; written by the event loop and Kafka's callbacks. */
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

    GatewayStats snapshot() {
        return new GatewayStats(connectionsOpen.get(), connectionsAccepted.get(), connectionsRefused.get(),
                connectionsIdled.get(), framesIn.get(), published.get(), rejected.get(), notReadings.get(),
                repliesSent.get(), publishFailures.get(), modbusCrcAccepted.get(), decrypted.get(), heartbeats.get(),
                registrations.get(), pendingRegistrationMns.get(), keyChanges.get(), keyChangesRefused.get());
    }
}
