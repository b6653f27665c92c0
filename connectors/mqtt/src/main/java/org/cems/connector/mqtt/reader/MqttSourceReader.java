package org.cems.connector.mqtt.reader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.util.Collector;
import org.cems.connector.mqtt.MqttRecordDeserializer;
import org.cems.connector.mqtt.MqttSourceOptions;
import org.cems.connector.mqtt.split.MqttSubscriberSplit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits messages handed over by its subscribers and acknowledges QoS 1 messages only when the
 * checkpoint containing them completes, so a failure before then leaves them un-acked in the
 * broker session, which redelivers them to the restarted reader (at-least-once).
 */
@Internal
public final class MqttSourceReader<T> implements SourceReader<T, MqttSubscriberSplit> {
    private static final Logger LOG = LoggerFactory.getLogger(MqttSourceReader.class);

    private final MqttSourceOptions options;
    private final MqttRecordDeserializer<T> deserializer;
    private final SourceReaderContext context;
    private final HandoffQueue queue = new HandoffQueue();
    private final PendingAcks pendingAcks = new PendingAcks();
    private final Map<Integer, MqttSubscriber> subscribers = new TreeMap<>();
    private final ScheduledThreadPoolExecutor connector;
    private final MqttSourceReaderMetrics metrics;
    private final TimestampedCollector collector = new TimestampedCollector();

    public MqttSourceReader(
            MqttSourceOptions options, MqttRecordDeserializer<T> deserializer, SourceReaderContext context) {
        this.options = options;
        this.deserializer = deserializer;
        this.context = context;
        this.metrics = new MqttSourceReaderMetrics(context.metricGroup(), pendingAcks::size, queue::size);
        this.connector = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName("mqtt-connector-" + context.getIndexOfSubtask());
            thread.setDaemon(true);
            return thread;
        });
        // a reconnect scheduled before close must not run after it
        connector.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public void start() {
        if (options.sharedGroup() == null && context.currentParallelism() > 1) {
            LOG.warn(
                    "MQTT source runs with parallelism {} without a shared subscription group:"
                            + " every reader receives every message",
                    context.currentParallelism());
        }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        ReceivedMessage message = queue.poll();
        if (message == null) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        metrics.messageEmitted(message.payload().length);
        collector.output = output;
        collector.timestamp = message.receivedAtMillis();
        try {
            deserializer.deserialize(
                    message.topic(),
                    message.payload(),
                    message.qos(),
                    message.retained(),
                    message.receivedAtMillis(),
                    collector);
        } catch (Exception e) {
            throw new IOException(
                    "deserializer failed on a message from " + message.topic() + ": it must not throw"
                            + " for bad payloads, or the redelivered message fails every restart",
                    e);
        }
        if (message.needsAck()) {
            pendingAcks.add(new PendingAck(message.subscriber(), message.ackOn(), message.packetId(), message.qos()));
        }
        return queue.isEmpty() ? InputStatus.NOTHING_AVAILABLE : InputStatus.MORE_AVAILABLE;
    }

    @Override
    public List<MqttSubscriberSplit> snapshotState(long checkpointId) {
        pendingAcks.snapshot(checkpointId);
        List<MqttSubscriberSplit> splits = new ArrayList<>();
        subscribers.values().forEach(s -> splits.add(s.split()));
        return splits;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        for (PendingAck ack : pendingAcks.complete(checkpointId)) {
            ack.subscriber().ack(ack);
        }
        subscribers.values().forEach(MqttSubscriber::resyncIfDrained);
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return queue.availability();
    }

    @Override
    public void addSplits(List<MqttSubscriberSplit> splits) {
        for (MqttSubscriberSplit split : splits) {
            if (subscribers.containsKey(split.index())) {
                continue;
            }
            MqttSubscriber subscriber = new MqttSubscriber(split, options, queue, connector, metrics);
            subscribers.put(split.index(), subscriber);
            queue.addCapacity(options.acceptWindow());
            subscriber.start();
        }
    }

    @Override
    public void notifyNoMoreSplits() {}

    @Override
    public void close() {
        subscribers.values().forEach(MqttSubscriber::stopReconnecting);
        connector.shutdown();
        try {
            // a connect in progress finishes, so its connection is the one disconnected below
            if (!connector.awaitTermination(options.connectTimeout().toMillis() * 2, TimeUnit.MILLISECONDS)) {
                connector.shutdownNow();
            }
        } catch (InterruptedException e) {
            connector.shutdownNow();
            Thread.currentThread().interrupt();
        }
        subscribers.values().forEach(MqttSubscriber::disconnect);
    }

    /** Adapts Flink's ReaderOutput to the deserializer's Collector, stamping the receive time. */
    private final class TimestampedCollector implements Collector<T> {
        private ReaderOutput<T> output;
        private long timestamp;

        @Override
        public void collect(T record) {
            output.collect(record, timestamp);
        }

        @Override
        public void close() {}
    }
}
