package org.cems.simulator;

import org.cems.core.formula.EmissionFormulas;
import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingValue;
import org.cems.core.registry.Source;
import org.cems.hj212.ParameterCodes;

/**
 * over-range: for 20 minutes from the first full hour at or after START, the targeted point's SO2
 * (its first pollutant where it has none) reads 1.2-1.3× the analyser's measuring upper limit,
 * flagged T (HJ 212-2017 Table 8: above the measuring upper limit). The registry has no analyser
 * range, so the limit is taken as 3× the top of the point's normal range (outlet SO2 of a coal
 * boiler: 90 mg/m3); the reference-O2 value follows the measured one.
 */
final class OverRange extends ReadingChange {
    static final long LENGTH_MILLIS = 20 * Placement.MINUTE_MILLIS;
    static final double UPPER_LIMIT_PER_NORMAL_HIGH = 3.0;
    static final Range SHARE_OF_UPPER_LIMIT = new Range(1.2, 1.3);

    private final Placement at;
    private final long startMillis;
    private final String pollutant;

    OverRange(Placement at) {
        this.at = at;
        this.startMillis = at.nextOnGrid(at.fromMillis(), Placement.HOUR_MILLIS);
        this.pollutant = at.mainPollutant();
    }

    /** The analyser's measuring upper limit at the targeted point, mg/m3. */
    double upperLimitMgM3() {
        return UPPER_LIMIT_PER_NORMAL_HIGH
                * at.point().pollutantRangesMgM3().get(pollutant).high();
    }

    @Override
    boolean acts(MonitoringPoint point, long timeMillis) {
        return at.targets(point) && timeMillis >= startMillis && timeMillis < startMillis + LENGTH_MILLIS;
    }

    @Override
    void change(MonitoringPoint point, Reading reading, long timeMillis) {
        Source source = point.source();
        double share = SHARE_OF_UPPER_LIMIT.at(
                at.noise().uniform(Noise.stream(point.mn(), pollutant, "over-range"), timeMillis));
        double mgM3 = upperLimitMgM3() * share;
        ReadingValue v = reading.values.get(pollutant);
        v.rtd = Rounding.forReport(ReportedUnits.concentration(source, pollutant, mgM3));
        ReadingValue o2 = reading.values.get(ParameterCodes.O2);
        Double zs = o2 == null ? null : EmissionFormulas.referenceO2(mgM3, o2.rtd, source.effectiveReferenceO2Pct());
        v.zsRtd = zs == null ? null : Rounding.forReport(zs);
        v.flag = "T";
    }
}
