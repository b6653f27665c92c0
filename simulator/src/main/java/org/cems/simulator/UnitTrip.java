package org.cems.simulator;

import java.util.List;
import org.cems.core.reading.FacilityStatus;
import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingValue;
import org.cems.core.registry.Source;
import org.cems.hj212.ParameterCodes;

/**
 * stop-at-30: the unit trips at the first hh:30 at or after START and restarts 90 minutes later,
 * at the full hour after next: its first hour runs 30 minutes, the next not at all. While it is
 * down every point of the unit reads still air: flow 0.5 % of normal (probe noise), O2 20.9 %,
 * pollutants 2 % of the low end of their normal range, no reference-O2 value, every CEMS value
 * flagged F; the load (from the plant's DCS, not the CEMS) is 0 MW, flagged N. The station of the
 * targeted point reports its production facility with CN 2021 {@code SBn-RS=0} at the trip and
 * {@code SBn-RS=1} at the restart (HJ 212-2017 Table 4 {@code SBxxx-RS}).
 */
final class UnitTrip extends ReadingChange {
    static final long DOWN_MILLIS = 90 * Placement.MINUTE_MILLIS;
    static final double RESIDUAL_FLOW_SHARE = 0.005;
    static final double STILL_AIR_O2_PCT = 20.9;
    static final double STILL_AIR_CO2_PCT = 0.04;
    static final double RESIDUAL_POLLUTANT_SHARE_OF_LOW = 0.02;

    private final Placement at;
    final long tripMillis;
    final long restartMillis;
    private final String productionFacility;

    UnitTrip(Placement at) {
        this.at = at;
        this.tripMillis = at.nextOnGrid(at.fromMillis() - 30 * Placement.MINUTE_MILLIS, Placement.HOUR_MILLIS)
                + 30 * Placement.MINUTE_MILLIS;
        this.restartMillis = tripMillis + DOWN_MILLIS;
        this.productionFacility = Facilities.production(at.point().source(), at.enterprise());
    }

    @Override
    public List<Upload> uploadsAt(MonitoringPoint point, long tickMillis, Gateway upstream) {
        List<Upload> uploads = super.uploadsAt(point, tickMillis, upstream);
        if (at.targets(point) && at.sendsAt(tripMillis, tickMillis)) {
            uploads.add(status(tripMillis, FacilityStatus.OFF));
        }
        if (at.targets(point) && at.sendsAt(restartMillis, tickMillis)) {
            uploads.add(status(restartMillis, FacilityStatus.RUNNING));
        }
        return uploads;
    }

    private Upload status(long timeMillis, int status) {
        return Upload.station(at.point().mn(), Upload.CN_FACILITY_STATUS, timeMillis)
                .textItem(productionFacility, "RS", String.valueOf(status));
    }

    @Override
    boolean acts(MonitoringPoint point, long timeMillis) {
        return at.inUnit(point) && timeMillis >= tripMillis && timeMillis < restartMillis;
    }

    @Override
    void change(MonitoringPoint point, Reading reading, long timeMillis) {
        Source source = point.source();
        reading.values.forEach((code, v) -> {
            v.flag = Instrument.measuring(code) == Instrument.PLANT_DCS ? "N" : "F";
            v.zsRtd = null;
        });
        point.pollutantRangesMgM3()
                .forEach((code, range) -> set(
                        reading,
                        code,
                        ReportedUnits.concentration(source, code, range.low() * RESIDUAL_POLLUTANT_SHARE_OF_LOW)));
        set(reading, ParameterCodes.O2, STILL_AIR_O2_PCT);
        set(reading, ParameterCodes.CO2, ReportedUnits.co2(source, STILL_AIR_CO2_PCT));
        scale(reading, ParameterCodes.FLOW, RESIDUAL_FLOW_SHARE);
        set(reading, ParameterCodes.LOAD_MW, 0.0);
    }

    private static void set(Reading reading, String code, double value) {
        ReadingValue v = reading.values.get(code);
        if (v != null) {
            v.rtd = Rounding.forReport(value);
        }
    }
}
