package org.cems.connector.notify;

import java.io.Serializable;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Receives each message a target did not take within the retry budget (or refused for good): the
 * dead-letter hand-off. Called on the task thread, before the checkpoint that no longer holds the
 * message as pending completes; {@link #flush()} runs at every checkpoint, so a buffering handler
 * (a Kafka producer) hands off at least once. An exception from any method fails the job.
 */
@PublicEvolving
public interface DeliveryFailureHandler {

    /**
     * @param target the target's name
     * @param reason why, never holding a secret (status, errcode, exception class)
     * @param attempts the requests made
     */
    void onFailed(Notification n, String target, String reason, int attempts) throws Exception;

    default void flush() throws Exception {}

    default void close() throws Exception {}

    /** One handler per writer; shipped with the job, so Serializable. */
    @FunctionalInterface
    interface Factory extends Serializable {
        DeliveryFailureHandler create(WriterInitContext context);
    }
}
