package org.cems.job.emission;

import java.io.Serializable;
import java.util.Set;
import org.cems.hj212.ParameterCodes;

/**
 * How invalid, missing and stopped periods are accounted (config {@code accounting.*} and
 * {@code stop_detection.*}); the defaults are what docs/configuration.md documents.
 *
 * @param substitutedPollutants pollutants whose invalid and missing hours get HJ 75-2017's
 *     substitute (the standard names SO2, NOx and PM)
 * @param alphaBelow75 what an invalid hour gets when the quarter's capture rate is under 75 %
 *     (the standard gives no rule): {@link Substitution#BELOW_75_MAX_2160} or {@link Substitution#BELOW_75_NONE}
 * @param scaleByRunningTime a substitute hour partly stopped gets the maximum × its running share
 * @param maxGapHours missing hours of a longer silence are not emitted one by one (counted instead)
 * @param loggerTolerancePct the job's and the logger's totals may differ by this much, %
 * @param stop what counts as no flow and no load
 */
public record AccountingSettings(
        Set<String> substitutedPollutants,
        String alphaBelow75,
        boolean scaleByRunningTime,
        long maxGapHours,
        double loggerTolerancePct,
        StopThresholds stop)
        implements Serializable {
    public static final AccountingSettings DEFAULTS = new AccountingSettings(
            Set.of(ParameterCodes.SO2, ParameterCodes.NOX, ParameterCodes.PARTICULATE),
            Substitution.BELOW_75_MAX_2160,
            true,
            31 * 24,
            5.0,
            StopThresholds.DEFAULTS);
}
