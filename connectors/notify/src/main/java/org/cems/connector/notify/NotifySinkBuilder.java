package org.cems.connector.notify;

import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;

/** Builds a {@link NotifySink}: options are required, failed deliveries default to a WARN log. */
@PublicEvolving
public final class NotifySinkBuilder {
    private NotifyOptions options;
    private DeliveryFailureHandler.Factory failureHandlerFactory = LoggingDeliveryFailureHandler.factory();

    NotifySinkBuilder() {}

    public NotifySinkBuilder setOptions(NotifyOptions options) {
        this.options = options;
        return this;
    }

    /** Where messages go that no retry delivered (the dead letter); one handler per writer. */
    public NotifySinkBuilder setDeliveryFailureHandler(DeliveryFailureHandler.Factory factory) {
        this.failureHandlerFactory = factory;
        return this;
    }

    public NotifySink build() {
        Objects.requireNonNull(options, "NotifySink needs options: call setOptions(NotifyOptions)");
        Objects.requireNonNull(failureHandlerFactory, "delivery failure handler factory");
        if (options.targets().isEmpty()) {
            throw new IllegalArgumentException("NotifySink needs at least one target");
        }
        return new NotifySink(options, failureHandlerFactory);
    }
}
