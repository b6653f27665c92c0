package org.cems.job.emission;

import java.util.List;
import java.util.Map;
import org.cems.core.normalize.Measure;
import org.cems.core.normalize.SourceReading;
import org.cems.core.reading.FacilityStatus;
import org.cems.core.registry.Source;
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
 * The one place of this rule: the windows judge sub-periods with it, the no-data and instrument
 * alerts single readings (without facility timelines, see {@link #forAlerts}).
 */
public final class StopEvidence {
    private final Source source;
    private final StopThresholds thresholds;
    private final List<FacilityTimeline> production;

    /** @param production the timelines of the source's production facilities, one per facility the registry lists */
    StopEvidence(Source source, StopThresholds thresholds, List<FacilityTimeline> production) {
        this.source = source;
        this.thresholds = thresholds;
        this.production = production;
    }

    /**
     * The rule as the alert engines apply it: flow, load and schedule. They judge a reading when it
     * arrives, while a facility status may come after the readings it covers (the windows re-emit
     * then; an alert cannot be taken back), so reported facility status does not corroborate there.
     */
    public static StopEvidence forAlerts(Source source, StopThresholds thresholds) {
        return new StopEvidence(source, thresholds, List.of());
    }

    /** Data flagged F in this sub-period (starting at {@code startMillis}) is a source stop. */
    boolean sourceStopped(WindowStats stats, long startMillis) {
        return sourceStopped(
                hasStoppedFlag(stats),
                allMean(stats.byCode.get(ParameterCodes.FLOW)),
                allMean(stats.byCode.get(ParameterCodes.LOAD_MW)),
                startMillis);
    }

    /** A reading with a value flagged F is a source stop (its flow and load as normalised, whatever their flag). */
    public boolean sourceStopped(SourceReading r) {
        boolean stoppedFlag = r.reported.values().stream().anyMatch(m -> ParameterStats.STOPPED_FLAG.equals(m.flag));
        return sourceStopped(
                stoppedFlag,
                value(r.measures.get(ParameterCodes.FLOW)),
                value(r.measures.get(ParameterCodes.LOAD_MW)),
                r.timeMillis);
    }

    /** Unknown flow or load (NaN) corroborates nothing. */
    private boolean sourceStopped(boolean stoppedFlag, double flowM3H, double loadMw, long timeMillis) {
        return stoppedFlag
                && (flowM3H < thresholds.flowBelowM3H()
                        || loadMw < thresholds.loadBelowMw()
                        || stoppedByStatus(timeMillis));
    }

    /** The schedule or the production facilities' status say the source was stopped at this time. */
    public boolean stoppedByStatus(long timeMillis) {
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

    /** The mean of all values, whatever their flag; NaN when unknown. */
    private static double allMean(ParameterStats s) {
        return s == null ? Double.NaN : s.allMean();
    }

    private static double value(Measure m) {
        return m == null ? Double.NaN : m.value;
    }

    /** The production facilities of a source as the registry names them (SB numbers). */
    static List<String> productionFacilities(Source source) {
        return source.facilities.entrySet().stream()
                .filter(e -> Source.FACILITY_PRODUCTION.equals(e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
    }
}
