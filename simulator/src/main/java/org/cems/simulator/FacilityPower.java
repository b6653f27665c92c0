package org.cems.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cems.core.registry.Device;
import org.cems.core.registry.Source;

/**
 * facility-power (HJ 212-2025 only): every minute of the run the targeted point's station sends
 * electricity monitoring (ST=44, CN 2011, {@code -Rtd} and {@code -Flag=N}) for its meters: the
 * source's {@code power_meters} when the registry has them, otherwise {@value #DEFAULT_PRODUCTION}
 * for the unit and {@code d30101}, {@code d30102}, ... for the control devices the point measures.
 * The unit draws {@value #PRODUCTION_KW}; each treatment facility {@value #TREATMENT_KW}, except
 * from START for 30 minutes, when it draws 0 while the unit runs on (a treatment facility switched
 * off: the job's treatment_no_power alert and operating rate).
 */
final class FacilityPower implements Scenario {
    static final String DEFAULT_PRODUCTION = "d20101";
    static final String PRODUCTION_KW = "850";
    static final String TREATMENT_KW = "420";
    static final String NO_POWER = "0";
    static final long OFF_MILLIS = 30 * Placement.MINUTE_MILLIS;

    private final Placement at;
    private final long offFrom;
    private final Map<String, String> meters;

    FacilityPower(Placement at) {
        this.at = at;
        this.offFrom = at.nextOnGrid(at.fromMillis(), Placement.MINUTE_MILLIS);
        this.meters = meters(at.point().source(), at);
    }

    @Override
    public List<Upload> uploadsAt(MonitoringPoint point, long tickMillis, Gateway upstream) {
        List<Upload> uploads = upstream.uploadsAt(point, tickMillis);
        long minute = at.floorOnGrid(tickMillis, Placement.MINUTE_MILLIS);
        if (!at.targets(point) || !at.sendsAt(minute, tickMillis)) {
            return uploads;
        }
        boolean off = minute >= offFrom && minute < offFrom + OFF_MILLIS;
        Upload power = Upload.station(point.mn(), Upload.CN_REAL_TIME, minute);
        power.st = Upload.ST_ELECTRICITY;
        meters.forEach((code, what) -> {
            boolean production = Source.FACILITY_PRODUCTION.equals(what);
            power.textItem(code, "Rtd", production ? PRODUCTION_KW : off ? NO_POWER : TREATMENT_KW)
                    .textItem(code, "Flag", "N");
        });
        uploads.add(power);
        return uploads;
    }

    /** Electricity code to {@link Source#FACILITY_PRODUCTION} or a device id, production first. */
    static Map<String, String> meters(Source source, Placement at) {
        if (!source.powerMeters.isEmpty()) {
            return source.powerMeters;
        }
        Map<String, String> meters = new LinkedHashMap<>();
        meters.put(DEFAULT_PRODUCTION, Source.FACILITY_PRODUCTION);
        for (Device d : at.enterprise().devices) {
            if (source.id.equals(d.outlet) || source.id.equals(d.inlet)) {
                meters.put(String.format("d301%02d", meters.size()), d.id);
            }
        }
        return meters;
    }
}
