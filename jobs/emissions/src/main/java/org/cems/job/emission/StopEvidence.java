package org.cems.job.emission;

import java.util.List;
import java.util.Map;

import org.cems.core.registry.Source;
import org.cems.core.reading.FacilityStatus;
import org.cems.hj212.ParameterCodes;

/**
 * When a source was STOPPED (停运), as opposed to its instrument (HJ 212-2017 Table 8: flag F is
 * the instrument's state, 在线监控仪器仪表停运). A sub-period is a source stop only when something
 * corroborates it; then it leaves the validity denominator, its mass is 0 and it is not
 * substituted (HJ 75-2017: stopped hours are outside the capture rate). Otherwise F data is
 * missing data. Corroboration, any of:
 * <ul>
 * <li>flow (a00000) or unit load ({@code load_mw}) about zero in the same sub-period (any flag:
 *     a flow meter reading 0 during an outage is the evidence);</li>
 * <li>the registry's {@code stop_schedule} covers the sub-period's start;</li>
 * <li>every facility the registry maps to {@code production} was last reported off (CN 2021
 *     {@code SBxxx-RS=0}) at the sub-period's start.</li>
 * </ul>
 * Schedule and facility status also make time WITHOUT any data a stop rather than missing data.
 */
final class StopEvidence {
    private final Source source;
    private final StopThresholds thresholds;
    private final List<FacilityTimeline> production;

    /** @param production the timelines of the source's production facilities, one per facility the registry lists */
    StopEvidence(Source source, StopThresholds thresholds, List<FacilityTimeline> production) {
        this.source = source;
        this.thresholds = thresholds;
        this.production = production;
    }

    /** Data flagged F in this sub-period (starting at {@code startMillis}) is a source stop. */
    boolean sourceStopped(WindowStats stats, long startMillis) {
        return hasStoppedFlag(stats) && (aboutZero(stats.byCode.get(ParameterCodes.FLOW), thresholds.flowBelowM3H())
                || aboutZero(stats.byCode.get(ParameterCodes.LOAD_MW), thresholds.loadBelowMw())
                || stoppedByStatus(startMillis));
    }

    /** The schedule or the production facilities' status say the source was stopped at this time. */
    boolean stoppedByStatus(long timeMillis) {
        if (source.scheduledStop(timeMillis)) {
            return true;
        }
        if (production.isEmpty()) {
            return false;
        }
        for (FacilityTimeline facility : production) {
            Integer status = facility == null ? null : facility.statusAt(timeMillis);
            if (status == null || status != FacilityStatus.OFF) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasStoppedFlag(WindowStats stats) {
        for (ParameterStats s : stats.byCode.values()) {
            if (s.stoppedCount > 0) {
                return true;
            }
        }
        return false;
    }

    /** The mean of all values, whatever their flag, below the threshold (NaN, unknown, is not). */
    private static boolean aboutZero(ParameterStats s, double below) {
        return s != null && s.allMean() < below;
    }

    /** The production facilities of a source as the registry names them (SB numbers). */
    static List<String> productionFacilities(Source source) {
        return source.facilities.entrySet().stream()
                .filter(e -> Source.FACILITY_PRODUCTION.equals(e.getValue())).map(Map.Entry::getKey).toList();
    }
}
