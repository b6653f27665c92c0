package org.cems.connector.influxdb;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.DequeRequestBuffer;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.SimpleBatchCreator;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.cems.connector.base.RetryPolicy;

/**
 * Buffers encoded points and posts them in batches. At-least-once comes from {@link AsyncSinkWriter}:
 * a checkpoint waits for every request in flight and stores what is still buffered in the writer
 * state. Retries happen inside {@link InfluxDbWriteClient}, never by re-queueing, so a batch is
 * either written, or its refused lines handed over, or the job fails.
 */
@Internal
final class InfluxDbSinkWriter extends AsyncSinkWriter<InfluxPoint, EncodedLine> {
    private final InfluxDbSinkMetrics metrics;
    private final MailboxExecutor mailbox;
    private final RejectedPointHandler rejectedPointHandler;
    private final InfluxDbWriteClient client;

    InfluxDbSinkWriter(
            InfluxDbOptions options,
            RejectedPointHandler.Factory rejectedPointHandlerFactory,
            WriterInitContext context,
            Collection<BufferedRequestState<EncodedLine>> recoveredState)
            throws IOException {
        this(
                options,
                rejectedPointHandlerFactory,
                context,
                recoveredState,
                new InfluxDbSinkMetrics(context.metricGroup()));
    }

    private InfluxDbSinkWriter(
            InfluxDbOptions options,
            RejectedPointHandler.Factory rejectedPointHandlerFactory,
            WriterInitContext context,
            Collection<BufferedRequestState<EncodedLine>> recoveredState,
            InfluxDbSinkMetrics metrics)
            throws IOException {
        super(
                new PointConverter(options.precision(), metrics),
                context,
                configuration(options),
                recoveredState,
                new SimpleBatchCreator<>(options.batchMaxBytes()),
                new DequeRequestBuffer<>());
        this.metrics = metrics;
        this.mailbox = context.getMailboxExecutor();
        this.rejectedPointHandler = rejectedPointHandlerFactory.create(context);
        this.client = new InfluxDbWriteClient(
                options, Credentials.authorizationHeader(options, System::getenv), metrics, this::handOverRejected);
        try {
            client.checkTargetWritable();
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private static AsyncSinkWriterConfiguration configuration(InfluxDbOptions options) {
        RetryPolicy retry = options.retryPolicy();
        // Our client bounds every request; this timeout is only a safety net (bisecting a batch with
        // refused lines makes several requests), so it fails the job rather than re-sending the batch.
        long oneRequestWorstCaseMs = retry.maxTotalBackoff().toMillis()
                + retry.maxAttempts() * options.requestTimeout().toMillis();
        return AsyncSinkWriterConfiguration.builder()
                .setMaxBatchSize(options.batchMaxPoints())
                .setMaxBatchSizeInBytes(options.batchMaxBytes())
                .setMaxInFlightRequests(options.maxInFlightRequests())
                .setMaxBufferedRequests(options.maxBufferedPoints())
                .setMaxTimeInBufferMS(options.batchLinger().toMillis())
                .setMaxRecordSizeInBytes(options.batchMaxBytes())
                .setRequestTimeoutMS(4 * oneRequestWorstCaseMs)
                .setFailOnTimeout(true)
                .build();
    }

    @Override
    public void write(InfluxPoint point, Context context) throws IOException, InterruptedException {
        // every field NaN or infinite: no line to write, and an empty line must not enter the buffer
        if (!point.hasWritableField()) {
            metrics.droppedPointWithoutFields(point);
            return;
        }
        super.write(point, context);
    }

    @Override
    protected void submitRequestEntries(List<EncodedLine> batch, ResultHandler<EncodedLine> result) {
        client.write(batch).whenComplete((written, error) -> {
            if (error == null) {
                result.complete();
            } else {
                Throwable cause =
                        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                result.completeExceptionally(cause instanceof Exception ? (Exception) cause : new IOException(cause));
            }
        });
    }

    /**
     * Runs the handler on the task thread: no locking for it, and since this mail is queued before
     * the request's completion, the hand-off happens before a checkpoint can complete.
     */
    private void handOverRejected(EncodedLine line, String serverMessage) {
        mailbox.execute(
                () -> rejectedPointHandler.onRejected(line.toString(), serverMessage),
                "hand a rejected InfluxDB point to the RejectedPointHandler");
    }

    @Override
    protected long getSizeInBytes(EncodedLine line) {
        return line.sizeInBytes();
    }

    @Override
    public void flush(boolean endOfInput) throws InterruptedException {
        super.flush(endOfInput);
        try {
            rejectedPointHandler.flush();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the RejectedPointHandler failed to flush", e);
        }
    }

    @Override
    public void close() {
        client.close();
        try {
            rejectedPointHandler.close();
        } catch (Exception e) {
            throw new IllegalStateException("the RejectedPointHandler failed to close", e);
        }
    }
}
