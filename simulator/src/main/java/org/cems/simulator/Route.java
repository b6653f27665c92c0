package org.cems.simulator;

import java.util.List;

import org.cems.core.reading.Reading;

/** One point's gateway: how it encodes its payloads and where it sends them. */
record Route(MonitoringPoint point, PayloadEncoder encoder, PayloadSink sink) {

    void send(List<Reading> readings, SendCounters counters) {
        byte[] payload = encoder.encode(point.source(), readings);
        long lastEventTime = readings.get(readings.size() - 1).timeMillis;
        sink.send(point.mn(), payload, counters.payload(point.mn(), readings.size(), lastEventTime));
    }
}
