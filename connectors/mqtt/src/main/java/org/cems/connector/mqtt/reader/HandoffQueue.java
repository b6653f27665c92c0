package org.cems.connector.mqtt.reader;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * Bounded hand-off from the MQTT clients' threads (which must never block, or keep-alive and acks
 * stall) to the reader's mailbox thread. The bound is the receive maximum per subscriber, which
 * also bounds the un-acked QoS 1 messages each subscriber admits ({@link LiveConnection}); QoS 0
 * is not flow controlled and is dropped when the queue is full.
 *
 * <p>A failure (a configuration error found on another thread) is handed over the same way and
 * rethrown by {@link #poll()}, so it fails the task.
 */
final class HandoffQueue {
    private final ArrayDeque<ReceivedMessage> messages = new ArrayDeque<>();
    private int capacity;
    private CompletableFuture<Void> available = new CompletableFuture<>();
    private Exception failure;

    synchronized void addCapacity(int more) {
        capacity += more;
    }

    /** Returns false, without blocking, when the queue is full. */
    boolean offer(ReceivedMessage message) {
        CompletableFuture<Void> toComplete;
        synchronized (this) {
            if (messages.size() >= capacity) {
                return false;
            }
            messages.add(message);
            toComplete = available;
        }
        // completed outside the lock: completing runs the mailbox's continuation
        toComplete.complete(null);
        return true;
    }

    /** Returns the next message, or null when empty; throws a failure handed over by {@link #fail}. */
    synchronized ReceivedMessage poll() throws Exception {
        if (failure != null) {
            throw failure;
        }
        ReceivedMessage next = messages.poll();
        if (messages.isEmpty() && available.isDone()) {
            available = new CompletableFuture<>();
        }
        return next;
    }

    synchronized boolean isEmpty() {
        return messages.isEmpty();
    }

    synchronized int size() {
        return messages.size();
    }

    synchronized CompletableFuture<Void> availability() {
        return available;
    }

    /**
     * Drops QoS 1 messages that {@code subscriber} received on earlier connections and did not
     * emit yet: its session was resumed, so the broker sends them again on {@code current}.
     */
    synchronized void removeRedelivered(MqttSubscriber subscriber, LiveConnection current) {
        messages.removeIf(m -> m.subscriber() == subscriber && m.needsAck() && m.ackOn() != current);
    }

    void fail(Exception cause) {
        CompletableFuture<Void> toComplete;
        synchronized (this) {
            if (failure == null) {
                failure = cause;
            }
            toComplete = available;
        }
        toComplete.complete(null);
    }
}
