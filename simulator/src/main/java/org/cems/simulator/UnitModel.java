package org.cems.simulator;

import java.time.Instant;
import java.time.ZoneId;
import org.cems.core.formula.EmissionFormulas;
import org.cems.core.registry.Source;

/**
 * The load, O2 and flow of one stack over time. A source with capacity_mw is a power unit
 * dispatched on the {@link DailyLoadCurve}; any other runs a continuous process near full load.
 * Flow follows load, and grows as O2 rises at low load (more excess air for the same fuel).
 */
final class UnitModel {
    /** How far dispatch strays from the daily plan either way. */
    private static final double DISPATCH_DEVIATION = 0.04;

    static final double LOWEST_DISPATCH_FRACTION = DailyLoadCurve.MIN_FRACTION - DISPATCH_DEVIATION;
    static final Range CONTINUOUS_PROCESS_FRACTION = new Range(0.88, 0.98);
    private static final long LOAD_DRIFT_PERIOD_MILLIS = 15 * 60_000L;
    private static final double FLOW_JITTER = 0.01;

    private final Source stack;
    private final SourceProfile profile;
    private final Noise noise;
    private final ZoneId zone;
    private final long loadStream;
    private final long o2Stream;
    private final long flowStream;

    UnitModel(Source stack, SourceProfile profile, Noise noise, ZoneId zone) {
        this.stack = stack;
        this.profile = profile;
        this.noise = noise;
        this.zone = zone;
        this.loadStream = Noise.stream(stack.mn, "load");
        this.o2Stream = Noise.stream(stack.mn, "o2");
        this.flowStream = Noise.stream(stack.mn, "flow");
    }

    UnitState stateAt(long timeMillis) {
        double load = loadFractionAt(timeMillis);
        Double loadMw = isDispatched() ? stack.capacityMw * load : null;
        double fullLoadFlow =
                isDispatched() ? stack.capacityMw * profile.flowM3PerHourPerMw() : profile.fullLoadFlowM3PerHour();
        double flow = fullLoadFlow * load * (1.0 + FLOW_JITTER * (2.0 * noise.uniform(flowStream, timeMillis) - 1.0));
        Double o2 = null;
        if (profile.isCombustion()) {
            double lowness = (1.0 - load) / (1.0 - LOWEST_DISPATCH_FRACTION);
            o2 = profile.o2Pct().at(0.7 * lowness + 0.3 * noise.uniform(o2Stream, timeMillis));
            // standard dry flue-gas volume scales with 21 / (21 - O2) for the same fuel
            flow *= (EmissionFormulas.AIR_O2_PCT - profile.o2Pct().low()) / (EmissionFormulas.AIR_O2_PCT - o2);
        }
        return new UnitState(load, loadMw, o2, flow);
    }

    private double loadFractionAt(long timeMillis) {
        double drift = noise.smooth(loadStream, timeMillis, LOAD_DRIFT_PERIOD_MILLIS);
        if (!isDispatched()) {
            return CONTINUOUS_PROCESS_FRACTION.at(drift);
        }
        double planned = DailyLoadCurve.fractionAt(
                Instant.ofEpochMilli(timeMillis).atZone(zone).toLocalTime());
        return Math.min(DailyLoadCurve.MAX_FRACTION, planned + DISPATCH_DEVIATION * (2.0 * drift - 1.0));
    }

    private boolean isDispatched() {
        return stack.capacityMw != null;
    }
}
