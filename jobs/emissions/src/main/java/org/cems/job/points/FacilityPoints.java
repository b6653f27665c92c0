package org.cems.job.points;

import org.apache.flink.api.common.functions.MapFunction;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.core.reading.FacilityStatus;
import org.cems.core.registry.Registry;
import org.cems.core.registry.SourceRef;

/**
 * Facility running status (CN 2021 {@code SBxxx-RS}) as {@code facility} points at the time the
 * station reported it, tagged with what the registry says the facility is.
 */
public class FacilityPoints implements MapFunction<FacilityStatus, InfluxPoint> {
    /** The {@code role} of a facility number the registry's {@code facilities} does not name. */
    static final String UNMAPPED = "unmapped";

    private final Registry registry;

    public FacilityPoints(Registry registry) {
        this.registry = registry;
    }

    @Override
    public InfluxPoint map(FacilityStatus s) {
        return facility(registry, s.mn, s.facility)
                .field("status", (long) s.status)
                .field("running", s.isRunning())
                .timeMillis(s.timeMillis)
                .build();
    }

    /** A {@code facility} point of an MN the router found in the registry: enterprise, source, mn, facility, role. */
    static InfluxPoint.Builder facility(Registry registry, String mn, String facility) {
        SourceRef ref = registry.byMn(mn);
        return InfluxPoint.measurement("facility")
                .tag("enterprise", ref.enterprise().id)
                .tag("source", ref.source().id)
                .tag("mn", mn)
                .tag("facility", facility)
                .tag("role", ref.source().facilities.getOrDefault(facility, UNMAPPED));
    }
}
