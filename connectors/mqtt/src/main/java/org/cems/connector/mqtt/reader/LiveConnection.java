package org.cems.connector.mqtt.reader;

import java.util.concurrent.atomic.AtomicInteger;
import org.cems.connector.mqtt.client.BrokerConnection;

/**
 * One connection of a subscriber, with the QoS 1 messages accepted on it and not yet acked. A
 * correct broker never lets that count pass the receive maximum. Mosquitto 2.0.11 does, after a
 * batch of acks (measured: up to receive maximum + max_queued_messages, with packet ids reused
 * past 65535), so the reader stops accepting at its window (receive maximum plus an optional
 * overshoot allowance), and once everything it accepted is acked it reconnects to have the broker
 * resend the rest ({@link #needsResync()}).
 */
final class LiveConnection {
    final BrokerConnection connection;
    private final int window;
    private final AtomicInteger unacked = new AtomicInteger();
    private volatile boolean overflowed;

    LiveConnection(BrokerConnection connection, int window) {
        this.connection = connection;
        this.window = window;
    }

    /** Takes one more un-acked message into the window; false once the broker overshot it. */
    boolean admit() {
        if (overflowed) {
            return false;
        }
        if (unacked.incrementAndGet() > window) {
            unacked.decrementAndGet();
            overflowed = true;
            return false;
        }
        return true;
    }

    /** A message admitted could not be queued: left un-acked, so it needs the resync too. */
    void reject() {
        unacked.decrementAndGet();
        overflowed = true;
    }

    void acked() {
        unacked.decrementAndGet();
    }

    /** Everything accepted here is acked, and the broker holds messages it sent past the window. */
    boolean needsResync() {
        return overflowed && unacked.get() == 0;
    }
}
