package org.cems.core.time;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in config files and on command lines: a whole number with a
 * unit ({@code 500ms}, {@code 90s}, {@code 5m}, {@code 2h}, {@code 1d}), the unit names Flink's
 * own options accept ({@code 1min}, {@code 30 s}, {@code 2 hours}, {@code 10 secs}), or ISO-8601
 * ({@code PT1H30M}, {@code P1D}). The one parser of the job, the gateway, the simulator and the CLI.
 */
public final class Durations {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*([a-zµ]+)");
    /** Flink's TimeUtils unit labels (singular and plural), so a value copied from Flink's config reads the same. */
    private static final Map<String, ChronoUnit> UNITS = Map.ofEntries(
            Map.entry("ns", ChronoUnit.NANOS),
            Map.entry("nano", ChronoUnit.NANOS),
            Map.entry("nanos", ChronoUnit.NANOS),
            Map.entry("nanosecond", ChronoUnit.NANOS),
            Map.entry("nanoseconds", ChronoUnit.NANOS),
            Map.entry("µs", ChronoUnit.MICROS),
            Map.entry("us", ChronoUnit.MICROS),
            Map.entry("micro", ChronoUnit.MICROS),
            Map.entry("micros", ChronoUnit.MICROS),
            Map.entry("microsecond", ChronoUnit.MICROS),
            Map.entry("microseconds", ChronoUnit.MICROS),
            Map.entry("ms", ChronoUnit.MILLIS),
            Map.entry("milli", ChronoUnit.MILLIS),
            Map.entry("millis", ChronoUnit.MILLIS),
            Map.entry("millisecond", ChronoUnit.MILLIS),
            Map.entry("milliseconds", ChronoUnit.MILLIS),
            Map.entry("s", ChronoUnit.SECONDS),
            Map.entry("sec", ChronoUnit.SECONDS),
            Map.entry("secs", ChronoUnit.SECONDS),
            Map.entry("second", ChronoUnit.SECONDS),
            Map.entry("seconds", ChronoUnit.SECONDS),
            Map.entry("m", ChronoUnit.MINUTES),
            Map.entry("min", ChronoUnit.MINUTES),
            Map.entry("mins", ChronoUnit.MINUTES),
            Map.entry("minute", ChronoUnit.MINUTES),
            Map.entry("minutes", ChronoUnit.MINUTES),
            Map.entry("h", ChronoUnit.HOURS),
            Map.entry("hour", ChronoUnit.HOURS),
            Map.entry("hours", ChronoUnit.HOURS),
            Map.entry("d", ChronoUnit.DAYS),
            Map.entry("day", ChronoUnit.DAYS),
            Map.entry("days", ChronoUnit.DAYS));

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
        ChronoUnit unit = UNITS.get(m.group(2));
        return unit == null ? null : Duration.of(Long.parseLong(m.group(1)), unit);
    }
}
