package org.cems.cli.ledger;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * One calendar month in the registry's zone (daily points sit at local midnight, so a month is
 * [first local midnight, next month's first local midnight)); {@code until} cuts the current month
 * at the last whole hour.
 */
record LedgerMonth(YearMonth month, Instant start, Instant end) {
    static final long HOUR_MS = 3_600_000L;

    static LedgerMonth of(YearMonth month, ZoneId zone, Instant now) {
        Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Instant lastHour = now.truncatedTo(ChronoUnit.HOURS);
        return new LedgerMonth(month, start, end.isAfter(lastHour) ? lastHour : end);
    }

    /** Whole hours in the month (so far): the hours each monitored pollutant of a stack is expected to report. */
    long hours() {
        return Math.max(0, (end.toEpochMilli() - start.toEpochMilli()) / HOUR_MS);
    }

    boolean started() {
        return end.isAfter(start);
    }

    /** The InfluxQL time condition for this month. */
    String timeCondition() {
        return "time >= " + start.toEpochMilli() + "ms AND time < " + end.toEpochMilli() + "ms";
    }

    @Override
    public String toString() {
        return month.toString();
    }
}
