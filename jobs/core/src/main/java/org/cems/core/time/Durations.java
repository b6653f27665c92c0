package org.cems.core.time;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in config files and on command lines: a whole number with a
 * unit ({@code 500ms}, {@code 90s}, {@code 5m}, {@code 2h}, {@code 1d}) or ISO-8601
 * ({@code PT1H30M}, {@code P1D}). The one parser of the job, the gateway, the simulator and the CLI.
 */
public final class Durations {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final String EXAMPLES = "500ms, 30s, 5m, 2h, 1d or PT1H30M";

    private Durations() {}

    /** @throws IllegalArgumentException for anything else, or a negative ISO-8601 duration */
    public static Duration parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a duration is missing (write e.g. " + EXAMPLES + ")");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            Duration d = t.startsWith("p") ? Duration.parse(t) : withUnit(t);
            if (d != null && !d.isNegative()) {
                return d;
            }
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a duration like " + EXAMPLES);
    }

    /** The shortest whole-unit form that is exact, e.g. 90s, 5m, 36h, 1d; parse reads it back. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0) {
            return ms + "ms";
        }
        long s = ms / 1000;
        if (s != 0 && s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s != 0 && s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s != 0 && s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }

    private static Duration withUnit(String t) {
        Matcher m = FORMAT.matcher(t);
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
