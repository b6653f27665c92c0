package org.cems.simulator;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Prints each payload on its own line, to see what a gateway would send without a broker. */
final class StdoutSink implements PayloadSink {
    private final PrintStream out;

    StdoutSink(PrintStream out) {
        this.out = out;
    }

    @Override
    public void send(String mn, byte[] payload, Delivery delivery) {
        // HJ 212 frames end with CRLF already; JSON does not
        String text = new String(payload, StandardCharsets.UTF_8).stripTrailing();
        out.println(text);
        delivery.delivered();
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
