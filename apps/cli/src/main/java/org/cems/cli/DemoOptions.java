package org.cems.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.cems.core.time.Durations;

/**
 * What {@code cems demo} was asked to do.
 *
 * @param replay event time replayed in fast-forward before going live (0: none)
 * @param duration wall time after which the demo stops by itself; empty: until Ctrl-C
 * @param liveStart the event time of the first live reading; the replay ends there
 * @param stopAfterReplay stop as soon as the replay is in InfluxDB and its alerts have resolved (tests)
 */
record DemoOptions(Duration replay, Optional<Duration> duration, Instant liveStart, boolean stopAfterReplay) {
    static final Duration DEFAULT_REPLAY = Duration.ofHours(24);
    static final String USAGE = """
            usage: cems demo [--replay 24h|0] [--duration D]
              --replay D     first replay the last D of the simulated plants in fast-forward, with one
                             incident per alert type, then go live (default 24h; at least 7h; 0: live only)
              --duration D   stop by itself after D of wall time (default: until Ctrl-C)
            Durations are written 60s, 5m, 2h or 1d.""";

    DemoOptions {
        if (replay.isNegative() || (!replay.isZero() && replay.compareTo(DemoIncidents.MIN_REPLAY) < 0)) {
            throw new IllegalArgumentException(
                    "--replay must be 0 or at least " + Durations.format(DemoIncidents.MIN_REPLAY)
                            + " (the incidents need that long to fire and resolve), not " + Durations.format(replay));
        }
        if (replay.toMinutes() % 60 != 0) {
            throw new IllegalArgumentException("--replay must be whole hours, not " + Durations.format(replay));
        }
    }

    /** Reads command-line arguments; throws IllegalArgumentException with a message meant for the user. */
    static DemoOptions parse(String[] args, Instant now) {
        Duration replay = DEFAULT_REPLAY;
        Optional<Duration> duration = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length || !("--replay".equals(option) || "--duration".equals(option))) {
                throw new IllegalArgumentException("unknown option or missing value: " + option);
            }
            String text = args[++i].trim();
            Duration value = "0".equals(text) ? Duration.ZERO : Durations.parse(text);
            if ("--replay".equals(option)) {
                replay = value;
            } else {
                duration = Optional.of(value);
            }
        }
        return new DemoOptions(replay, duration, now.truncatedTo(ChronoUnit.SECONDS), false);
    }
}
