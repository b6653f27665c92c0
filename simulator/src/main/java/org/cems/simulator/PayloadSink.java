package org.cems.simulator;

/** Where payloads go: a broker a gateway publishes to. */
interface PayloadSink extends AutoCloseable {
    /** Sends one payload of point {@code mn}; the outcome is reported to {@code delivery}, possibly later. */
    void send(String mn, byte[] payload, Delivery delivery);

    /** Waits until every payload sent so far has been delivered or has failed. */
    void flush();

    /** Flushes and disconnects. */
    @Override
    void close();
}
