package org.cems.simulator;

import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The progress line: totals, the rate since the previous line, and how far event time has got. */
final class ProgressLine {
    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Simulator simulator;
    private final ZoneId zone;
    private final PrintStream out;
    private long previousReadings;
    private long previousNanos = System.nanoTime();

    ProgressLine(Simulator simulator, ZoneId zone, PrintStream out) {
        this.simulator = simulator;
        this.zone = zone;
        this.out = out;
    }

    synchronized void print() {
        SimulatorStats stats = simulator.stats();
        long now = System.nanoTime();
        double seconds = Math.max(1e-9, (now - previousNanos) / 1e9);
        double rate = (stats.readingsSent() - previousReadings) / seconds;
        previousReadings = stats.readingsSent();
        previousNanos = now;
        String eventTime = stats.lastEventTime() == null
                ? "-"
                : EVENT_TIME.format(stats.lastEventTime().atZone(zone));
        out.printf(
                "[simulate] readings sent %,d (%,.1f/s) | payloads %,d | errors %,d | event time %s%n",
                stats.readingsSent(), rate, stats.payloadsSent(), stats.errors(), eventTime);
    }
}
