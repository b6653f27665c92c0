package org.cems.cli.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The bench's progress lines, on stderr (the whole run is long) and kept for bench.log: wall
 * time, time since the start, and the current phase with its S and sink.
 */
final class Progress {
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private final long startNanos = System.nanoTime();
    private final StringBuilder log = new StringBuilder();
    private volatile String phase = "";

    /** Names the phase the next lines belong to, e.g. "S=1,000 influxdb · full job", and says so. */
    void phase(String name) {
        phase = "";
        if (!name.isEmpty()) {
            say("—— " + name);
        }
        phase = name;
    }

    void say(String line) {
        String s = String.format(
                "[bench %s +%s] %s%s",
                CLOCK.format(Instant.now()), elapsed(), phase.isEmpty() ? "" : phase + ": ", line);
        System.err.println(s);
        synchronized (log) {
            log.append(s).append('\n');
        }
    }

    /** Time since the bench started, as m:ss. */
    String elapsed() {
        long s = (System.nanoTime() - startNanos) / 1_000_000_000L;
        return String.format("%d:%02d", s / 60, s % 60);
    }

    double elapsedMinutes() {
        return (System.nanoTime() - startNanos) / 60e9;
    }

    String log() {
        synchronized (log) {
            return log.toString();
        }
    }
}
