package org.cems.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cems.core.registry.Device;
import org.cems.core.registry.Enterprise;
import org.cems.core.registry.Source;

/**
 * The facility numbers a point's station reports in CN 2021/2041 ({@code SBxxx-RS}, {@code SBxxx-RT}):
 * the registry's {@code facilities} of the source when it has them; otherwise SB1 is the production
 * facility (the unit) and SB2, SB3, ... the control devices the point measures, in registry order.
 */
final class Facilities {
    static final String DEFAULT_PRODUCTION = "SB1";

    private Facilities() {}

    /** Facility number to what it is ({@link Source#FACILITY_PRODUCTION} or a device id), in order. */
    static Map<String, String> of(Source source, Enterprise enterprise) {
        if (!source.facilities.isEmpty()) {
            return source.facilities;
        }
        Map<String, String> facilities = new LinkedHashMap<>();
        facilities.put(DEFAULT_PRODUCTION, Source.FACILITY_PRODUCTION);
        for (Device d : enterprise.devices) {
            if (source.id.equals(d.outlet) || source.id.equals(d.inlet)) {
                facilities.put("SB" + (facilities.size() + 1), d.id);
            }
        }
        return facilities;
    }

    /** The number of the production facility, whose status 0 means the source stopped. */
    static String production(Source source, Enterprise enterprise) {
        return of(source, enterprise).entrySet().stream()
                .filter(e -> Source.FACILITY_PRODUCTION.equals(e.getValue()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(DEFAULT_PRODUCTION);
    }
}
