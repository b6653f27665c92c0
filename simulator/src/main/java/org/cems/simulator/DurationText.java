package org.cems.simulator;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them on a command line: {@code 60s}, {@code 5m}, {@code 2h}, {@code 1d}. */
public final class DurationText {
    private static final Pattern FORM = Pattern.compile("(\\d+)([smhd]?)");

    private DurationText() {}

    /** A whole number with unit s, m, h or d; a bare number is seconds. */
    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read duration \"" + text + "\" (write e.g. 60s, 5m, 2h or 1d)");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    /** The shortest of these forms that is exact, e.g. 90s, 5m, 36h. */
    public static String format(Duration d) {
        long s = d.getSeconds();
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
}
