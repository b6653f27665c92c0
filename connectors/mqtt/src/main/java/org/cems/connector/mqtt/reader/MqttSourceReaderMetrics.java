package org.cems.connector.mqtt.reader;

import java.util.function.IntSupplier;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.metrics.groups.SourceReaderMetricGroup;

/**
 * The standard numRecordsIn/numBytesIn counters plus, under group "mqtt": reconnects,
 * droppedQos0 (lost), deferredQos1 (left un-acked past the receive maximum, so the broker resends
 * them), acksPending, handoffQueueSize and lastMessageAgeMs (-1 before the first message).
 * Written from the MQTT clients' threads and the mailbox thread, hence thread-safe counters.
 */
final class MqttSourceReaderMetrics {
    private final Counter recordsIn;
    private final Counter bytesIn;
    private final Counter reconnects;
    private final Counter droppedQos0;
    private final Counter deferredQos1;
    private volatile long lastReceivedAtMillis = -1;

    MqttSourceReaderMetrics(SourceReaderMetricGroup group, IntSupplier acksPending, IntSupplier queued) {
        this.recordsIn = group.getIOMetricGroup().getNumRecordsInCounter();
        this.bytesIn = group.getIOMetricGroup().getNumBytesInCounter();
        MetricGroup mqtt = group.addGroup("mqtt");
        this.reconnects = mqtt.counter("reconnects", new ThreadSafeSimpleCounter());
        this.droppedQos0 = mqtt.counter("droppedQos0", new ThreadSafeSimpleCounter());
        this.deferredQos1 = mqtt.counter("deferredQos1", new ThreadSafeSimpleCounter());
        mqtt.gauge("acksPending", acksPending::getAsInt);
        mqtt.gauge("handoffQueueSize", queued::getAsInt);
        mqtt.gauge("lastMessageAgeMs", this::lastMessageAgeMillis);
    }

    void messageReceived(long atMillis) {
        lastReceivedAtMillis = atMillis;
    }

    void messageEmitted(int payloadBytes) {
        recordsIn.inc();
        bytesIn.inc(payloadBytes);
    }

    void reconnected() {
        reconnects.inc();
    }

    /** A message not handed over: lost for QoS 0, resent by the broker later for QoS 1. */
    void dropped(int qos) {
        (qos == 0 ? droppedQos0 : deferredQos1).inc();
    }

    private long lastMessageAgeMillis() {
        long last = lastReceivedAtMillis;
        return last < 0 ? -1 : System.currentTimeMillis() - last;
    }
}
