package org.cems.connector.notify;

import java.util.Collection;
import java.util.Collections;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Delivers {@link Notification}s to webhooks, DingTalk and WeCom group robots and SMTP, routed by
 * severity, type and enterprise, at least once: a message pending at a checkpoint is in the
 * checkpoint and sent after a restore, and an id + state delivered before the checkpoint is not sent
 * again. One a target does not take within the retry budget goes to the {@link DeliveryFailureHandler}.
 * Rate limits count per writer: run the sink with parallelism 1 so that they count per target.
 * Build it with {@link #builder()}.
 */
@PublicEvolving
public final class NotifySink implements Sink<Notification>, SupportsWriterState<Notification, NotifyWriterState> {
    private static final long serialVersionUID = 1L;

    private final NotifyOptions options;
    private final DeliveryFailureHandler.Factory failureHandlerFactory;

    NotifySink(NotifyOptions options, DeliveryFailureHandler.Factory failureHandlerFactory) {
        this.options = options;
        this.failureHandlerFactory = failureHandlerFactory;
    }

    public static NotifySinkBuilder builder() {
        return new NotifySinkBuilder();
    }

    public NotifyOptions options() {
        return options;
    }

    @Override
    public StatefulSinkWriter<Notification, NotifyWriterState> createWriter(WriterInitContext context) {
        return restoreWriter(context, Collections.emptyList());
    }

    @Override
    public StatefulSinkWriter<Notification, NotifyWriterState> restoreWriter(
            WriterInitContext context, Collection<NotifyWriterState> recoveredState) {
        return new NotifySinkWriter(options, failureHandlerFactory, context, recoveredState, System::getenv);
    }

    @Override
    public SimpleVersionedSerializer<NotifyWriterState> getWriterStateSerializer() {
        return new NotifyWriterStateSerializer();
    }
}
