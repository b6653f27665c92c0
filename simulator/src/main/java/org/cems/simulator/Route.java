package org.cems.simulator;

import java.util.List;

/** One point's gateway: how it encodes its payloads and where it sends them. */
record Route(MonitoringPoint point, PayloadEncoder encoder, PayloadSink sink) {

    /** Sends the uploads of ticks up to {@code lastTickMillis} as one payload. */
    void send(List<Upload> uploads, long lastTickMillis, SendCounters counters) {
        byte[] payload = encoder.encode(point.source(), uploads);
        sink.send(point.mn(), payload, counters.payload(point.mn(), uploads.size(), lastTickMillis));
    }
}
