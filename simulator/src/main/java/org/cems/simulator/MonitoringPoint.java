package org.cems.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cems.core.formula.EmissionFormulas;
import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingValue;
import org.cems.core.registry.Source;
import org.cems.hj212.ParameterCodes;

/**
 * One monitoring point of the registry (a stack or a control device's inlet) and the real-time
 * readings its gateway sends. A reading is a pure function of the seed and the event time.
 */
public final class MonitoringPoint {
    /** How long a concentration takes to drift to a new level (coal quality, burner settings). */
    private static final long DRIFT_PERIOD_MILLIS = 20 * 60_000L;
    /** Share of a value's range taken by reading-to-reading jitter; the rest is slow drift. */
    private static final double JITTER_SHARE = 0.25;

    private final Source source;
    private final UnitModel unit;
    private final SourceProfile profile;
    private final Map<String, Range> pollutantsMgM3;
    /** Null for a stack: its gas is as the profile says. */
    private final InletConditions inlet;

    private final Noise noise;
    private final InstrumentFlags flags;

    MonitoringPoint(
            Source source,
            UnitModel unit,
            SourceProfile profile,
            Map<String, Range> pollutantsMgM3,
            InletConditions inlet,
            Noise noise) {
        this.source = source;
        this.unit = unit;
        this.profile = profile;
        this.pollutantsMgM3 = pollutantsMgM3;
        this.inlet = inlet;
        this.noise = noise;
        this.flags = new InstrumentFlags(noise);
    }

    public String mn() {
        return source.mn;
    }

    public Source source() {
        return source;
    }

    /** The unit whose gas this point sees: the same for a stack and the inlets in front of it. */
    UnitModel unit() {
        return unit;
    }

    /** Pollutant codes this point measures, with their normal range in mg/m3 (dry, standard, actual O2). */
    public Map<String, Range> pollutantRangesMgM3() {
        return pollutantsMgM3;
    }

    /** The real-time (CN 2011) reading at an event time. */
    public Reading readingAt(long timeMillis) {
        UnitState state = unit.stateAt(timeMillis);
        Double o2Pct = state.stackO2Pct() == null
                ? null
                : state.stackO2Pct() - (inlet == null ? 0.0 : inlet.o2BelowStackPct());
        Double referenceO2Pct = source.effectiveReferenceO2Pct();
        Map<String, ReadingValue> values = new LinkedHashMap<>();
        pollutantsMgM3.forEach((code, range) -> {
            double mgM3 = range.at(drifting(code, timeMillis));
            Double zsMgM3 = o2Pct == null ? null : EmissionFormulas.referenceO2(mgM3, o2Pct, referenceO2Pct);
            values.put(code, value(code, ReportedUnits.concentration(source, code, mgM3), zsMgM3, timeMillis));
        });
        if (o2Pct != null) {
            values.put(ParameterCodes.O2, value(ParameterCodes.O2, o2Pct, null, timeMillis));
        }
        if (source.isStack() && profile.co2Pct() != null) {
            // CO2 and O2 add up to about the same for one fuel: CO2 falls as O2 rises
            double co2Pct = profile.co2Pct().at(1.0 - profile.o2Pct().positionOf(state.stackO2Pct()));
            values.put(
                    ParameterCodes.CO2, value(ParameterCodes.CO2, ReportedUnits.co2(source, co2Pct), null, timeMillis));
        }
        values.put(
                ParameterCodes.FLOW,
                value(ParameterCodes.FLOW, ReportedUnits.flow(source, flowM3PerHour(state, o2Pct)), null, timeMillis));
        Range temperatureC = inlet == null ? profile.stackTemperatureC() : inlet.temperatureC();
        values.put(
                ParameterCodes.FLUE_TEMPERATURE,
                value(
                        ParameterCodes.FLUE_TEMPERATURE,
                        temperatureC.at(drifting(ParameterCodes.FLUE_TEMPERATURE, timeMillis)),
                        null,
                        timeMillis));
        values.put(
                ParameterCodes.MOISTURE,
                value(
                        ParameterCodes.MOISTURE,
                        profile.moisturePct().at(drifting(ParameterCodes.MOISTURE, timeMillis)),
                        null,
                        timeMillis));
        if (source.isStack() && state.loadMw() != null) {
            values.put(ParameterCodes.LOAD_MW, value(ParameterCodes.LOAD_MW, state.loadMw(), null, timeMillis));
        }
        return new Reading(source.mn, Reading.CN_REALTIME, timeMillis, values);
    }

    /** At an inlet there is less O2, so less standard dry gas carries the same fuel's products. */
    private static double flowM3PerHour(UnitState state, Double o2Pct) {
        if (o2Pct == null) {
            return state.stackFlowM3PerHour();
        }
        return state.stackFlowM3PerHour()
                * (EmissionFormulas.AIR_O2_PCT - state.stackO2Pct())
                / (EmissionFormulas.AIR_O2_PCT - o2Pct);
    }

    /** A position in [0, 1]: slow drift plus a little jitter, different for every point and code. */
    private double drifting(String code, long timeMillis) {
        double drift = noise.smooth(Noise.stream(source.mn, code, "drift"), timeMillis, DRIFT_PERIOD_MILLIS);
        double jitter = noise.uniform(Noise.stream(source.mn, code, "jitter"), timeMillis);
        return (1.0 - JITTER_SHARE) * drift + JITTER_SHARE * jitter;
    }

    private ReadingValue value(String code, double reported, Double zsMgM3, long timeMillis) {
        ReadingValue v = new ReadingValue();
        v.rtd = Rounding.forReport(reported);
        v.zsRtd = zsMgM3 == null ? null : Rounding.forReport(zsMgM3);
        v.flag = flags.flagAt(source.mn, Instrument.measuring(code), timeMillis);
        return v;
    }
}
