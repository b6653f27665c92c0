package org.cems.connector.notify;

import org.apache.flink.annotation.Internal;

/** Sends messages to one target, one per call; created on the task manager, where it reads its secrets. */
@Internal
interface TargetWriter extends AutoCloseable {
    /** One attempt; retries and rate limits are the caller's. */
    Outcome send(Notification n) throws InterruptedException;

    @Override
    default void close() {}
}
