package org.cems.simulator;

import org.cems.core.formula.EmissionFormulas;
import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingValue;
import org.cems.core.registry.Source;
import org.cems.hj212.ParameterCodes;

/**
 * startup: one hour from the first full hour at or after START, every point of the targeted unit
 * shows a start-up with fans running and little fuel: O2 rises from its normal value to 20.5 % over
 * 10 minutes, stays there for 30 minutes and falls back over the last 20; pollutants read a third of
 * the low end of their normal range (outlet SO2 of a coal boiler: 5 mg/m3), with the reference-O2
 * value the logger computes from them (HJ 212-2017 eq. 28: 5 mg/m3 at 20.5 % O2 and 6 % reference
 * gives 150); flow is 30 % of normal; the load is 0 MW for 40 minutes and then climbs back. Every
 * value is flagged N: the instruments work, the plant is what is unusual.
 */
final class StartUp extends ReadingChange {
    static final long LENGTH_MILLIS = 60 * Placement.MINUTE_MILLIS;
    static final long RISE_MILLIS = 10 * Placement.MINUTE_MILLIS;
    static final long FALL_FROM_MILLIS = 40 * Placement.MINUTE_MILLIS;
    static final double PEAK_O2_PCT = 20.5;
    static final double POLLUTANT_SHARE_OF_LOW = 1.0 / 3.0;
    static final double FLOW_SHARE = 0.3;

    private final Placement at;
    final long startMillis;

    StartUp(Placement at) {
        this.at = at;
        this.startMillis = at.nextOnGrid(at.fromMillis(), Placement.HOUR_MILLIS);
    }

    @Override
    boolean acts(MonitoringPoint point, long timeMillis) {
        return at.inUnit(point) && timeMillis >= startMillis && timeMillis < startMillis + LENGTH_MILLIS;
    }

    @Override
    void change(MonitoringPoint point, Reading reading, long timeMillis) {
        Source source = point.source();
        long into = timeMillis - startMillis;
        reading.values.values().forEach(v -> v.flag = "N");
        ReadingValue o2 = reading.values.get(ParameterCodes.O2);
        Double o2Pct = null;
        if (o2 != null) {
            double normal = o2.rtd;
            o2Pct = into < RISE_MILLIS
                    ? normal + (PEAK_O2_PCT - normal) * into / RISE_MILLIS
                    : into < FALL_FROM_MILLIS
                            ? PEAK_O2_PCT
                            : PEAK_O2_PCT
                                    + (normal - PEAK_O2_PCT)
                                            * (into - FALL_FROM_MILLIS)
                                            / (LENGTH_MILLIS - FALL_FROM_MILLIS);
            o2Pct = Rounding.forReport(o2Pct);
            // CO2 and O2 add up to about the same for one fuel
            scale(
                    reading,
                    ParameterCodes.CO2,
                    (EmissionFormulas.AIR_O2_PCT - o2Pct) / (EmissionFormulas.AIR_O2_PCT - normal));
            o2.rtd = o2Pct;
        }
        Double referenceO2Pct = source.effectiveReferenceO2Pct();
        for (var e : point.pollutantRangesMgM3().entrySet()) {
            double mgM3 = e.getValue().low() * POLLUTANT_SHARE_OF_LOW;
            ReadingValue v = reading.values.get(e.getKey());
            v.rtd = Rounding.forReport(ReportedUnits.concentration(source, e.getKey(), mgM3));
            Double zs = o2Pct == null ? null : EmissionFormulas.referenceO2(mgM3, o2Pct, referenceO2Pct);
            v.zsRtd = zs == null ? null : Rounding.forReport(zs);
        }
        scale(reading, ParameterCodes.FLOW, FLOW_SHARE);
        scale(
                reading,
                ParameterCodes.LOAD_MW,
                into < FALL_FROM_MILLIS
                        ? 0.0
                        : (into - FALL_FROM_MILLIS) / (double) (LENGTH_MILLIS - FALL_FROM_MILLIS));
    }
}
