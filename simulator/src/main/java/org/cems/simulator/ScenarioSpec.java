package org.cems.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.cems.core.time.Durations;

/**
 * One {@code --scenario NAME[@START][:TARGET]} option. START is a duration after {@code --start}
 * (e.g. {@code 20m}; {@code -20h}: before it, in the backfill) or an ISO-8601 time with offset; TARGET a device id (scr-fouling,
 * fgd-pump-trip) or a source id (every other scenario) of the registry.
 *
 * @param type what happens
 * @param after when, as event time after the start of the run; used when {@code at} is empty
 * @param at when, as an instant
 * @param target the device or source it happens to; empty: {@code --scenario-source}, else the first that fits in registry order
 */
public record ScenarioSpec(ScenarioType type, Duration after, Optional<Instant> at, Optional<String> target) {
    static final Duration DEFAULT_AFTER = Duration.ofMinutes(10);

    public static ScenarioSpec parse(String text) {
        String rest = text.trim();
        Optional<String> target = Optional.empty();
        int colon = rest.lastIndexOf(':');
        // a target starts with a letter; the colons of an ISO-8601 time are followed by digits
        if (colon > 0 && colon + 1 < rest.length() && Character.isLetter(rest.charAt(colon + 1))) {
            target = Optional.of(rest.substring(colon + 1));
            rest = rest.substring(0, colon);
        }
        Duration after = DEFAULT_AFTER;
        Optional<Instant> at = Optional.empty();
        int atSign = rest.indexOf('@');
        if (atSign >= 0) {
            String start = rest.substring(atSign + 1);
            rest = rest.substring(0, atSign);
            if (start.contains("T") && !start.regionMatches(true, 0, "P", 0, 1)) {
                try {
                    at = Optional.of(OffsetDateTime.parse(start).toInstant());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("--scenario " + text
                            + ": START must be a duration like 20m or PT20M, or an ISO-8601 time with offset");
                }
            } else if (start.startsWith("-")) {
                // before --start: inside the backfill, so a replay can carry incidents
                after = Durations.parse(start.substring(1)).negated();
            } else {
                after = Durations.parse(start);
            }
        }
        return new ScenarioSpec(ScenarioCatalog.named(rest), after, at, target);
    }
}
