package org.cems.connector.influxdb;

import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;

/** Builds an {@link InfluxDbSink}: options are required, the rejected-point handler defaults to a WARN log. */
@PublicEvolving
public final class InfluxDbSinkBuilder {
    private InfluxDbOptions options;
    private RejectedPointHandler.Factory rejectedPointHandlerFactory = LoggingRejectedPointHandler.factory();

    InfluxDbSinkBuilder() {}

    public InfluxDbSinkBuilder setOptions(InfluxDbOptions options) {
        this.options = options;
        return this;
    }

    /** Where points the server refuses for good go (the dead letter); one handler per writer. */
    public InfluxDbSinkBuilder setRejectedPointHandler(RejectedPointHandler.Factory factory) {
        this.rejectedPointHandlerFactory = factory;
        return this;
    }

    public InfluxDbSink build() {
        Objects.requireNonNull(options, "InfluxDbSink needs options: call setOptions(InfluxDbOptions)");
        Objects.requireNonNull(rejectedPointHandlerFactory, "rejected point handler factory");
        return new InfluxDbSink(options, rejectedPointHandlerFactory);
    }
}
