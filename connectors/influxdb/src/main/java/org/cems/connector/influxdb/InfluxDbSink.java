package org.cems.connector.influxdb;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Writes {@link InfluxPoint}s to InfluxDB (v1 or v2 write API) in batches, at least once: points
 * buffered at a checkpoint are in the checkpoint, requests in flight are finished before it. With
 * points that have their event time as timestamp, a replay after a failure rewrites the same points,
 * so the result is exact. Build it with {@link #builder()}.
 */
@PublicEvolving
public final class InfluxDbSink
        implements Sink<InfluxPoint>, SupportsWriterState<InfluxPoint, BufferedRequestState<EncodedLine>> {
    private static final long serialVersionUID = 1L;

    private final InfluxDbOptions options;
    private final RejectedPointHandler.Factory rejectedPointHandlerFactory;

    InfluxDbSink(InfluxDbOptions options, RejectedPointHandler.Factory rejectedPointHandlerFactory) {
        this.options = options;
        this.rejectedPointHandlerFactory = rejectedPointHandlerFactory;
    }

    public static InfluxDbSinkBuilder builder() {
        return new InfluxDbSinkBuilder();
    }

    public InfluxDbOptions options() {
        return options;
    }

    @Override
    public StatefulSinkWriter<InfluxPoint, BufferedRequestState<EncodedLine>> createWriter(WriterInitContext context)
            throws IOException {
        return restoreWriter(context, Collections.emptyList());
    }

    @Override
    public StatefulSinkWriter<InfluxPoint, BufferedRequestState<EncodedLine>> restoreWriter(
            WriterInitContext context, Collection<BufferedRequestState<EncodedLine>> recoveredState)
            throws IOException {
        return new InfluxDbSinkWriter(options, rejectedPointHandlerFactory, context, recoveredState);
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<EncodedLine>> getWriterStateSerializer() {
        return new EncodedLineStateSerializer();
    }
}
