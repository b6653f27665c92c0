package org.cems.connector.influxdb;

import java.io.Serializable;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Receives each point the server refused for good (field type conflict, a value it cannot parse, a
 * line too large): the dead-letter hand-off. The sink has already counted it in
 * {@code rejectedPoints} and goes on with the other points.
 *
 * <p>Called on the task thread, never concurrently, and before the checkpoint that covers the point
 * completes; {@link #flush()} runs at every checkpoint, so a handler that buffers (a Kafka producer)
 * can make its hand-off at-least-once. An exception from any method fails the job.
 */
@PublicEvolving
public interface RejectedPointHandler {

    /**
     * @param line the point as line protocol, as sent
     * @param serverMessage the server's status and error message
     */
    void onRejected(String line, String serverMessage) throws Exception;

    /** Completes every hand-off made so far; called when the writer flushes for a checkpoint. */
    default void flush() throws Exception {}

    /** Releases what the handler holds; called when the writer closes. */
    default void close() throws Exception {}

    /** Creates one handler per writer (parallel subtask); shipped with the job, so Serializable. */
    @FunctionalInterface
    interface Factory extends Serializable {
        RejectedPointHandler create(WriterInitContext context);
    }
}
