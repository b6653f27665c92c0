package org.cems.job.rollup;

import java.time.LocalDate;
import java.util.Map;
import org.cems.core.registry.Enterprise;

/**
 * The share of a year's emission that falls on one day by the baseline year's profile: the month's
 * share of the baseline year (registry {@code baseline_monthly_t}) spread evenly over the month's
 * days, or an even spread over the year where no monthly baseline is given. The shares of a year's
 * days add up to 1.
 */
final class BaselineShares {
    private BaselineShares() {}

    static double ofDay(Enterprise enterprise, String pollutant, LocalDate day) {
        Map<Integer, Double> months = enterprise == null ? null : enterprise.baselineMonthlyT.get(pollutant);
        if (months == null || months.isEmpty()) {
            return 1.0 / day.lengthOfYear();
        }
        double yearT = months.values().stream().mapToDouble(Double::doubleValue).sum();
        return months.get(day.getMonthValue()) / yearT / day.lengthOfMonth();
    }
}
