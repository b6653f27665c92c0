package org.cems.job.points;

import org.apache.flink.api.common.functions.MapFunction;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.core.reading.StationEvent;
import org.cems.core.reading.StationUploads;
import org.cems.core.registry.Registry;
import org.cems.core.registry.SourceRef;

/**
 * Station uploads other than readings and status as points: a facility's daily run time (CN 2041)
 * as {@code run_hours} of its {@code facility} series at the day's start; a data-logger restart
 * (2081) as a {@code station_event} (event {@code restart}, {@code count} 1) at the time it
 * restarted; an HJ 212-2025 heartbeat (9015) likewise (event {@code heartbeat}) at its QN; each
 * site-information item (3020) as a {@code station_event} (event
 * {@code site_info}, its code and PolId) with {@code value} or {@code text}.
 */
public class StationEventPoints implements MapFunction<StationEvent, InfluxPoint> {
    static final String RESTART = "restart";
    static final String SITE_INFO = "site_info";
    static final String HEARTBEAT = "heartbeat";

    private final Registry registry;

    public StationEventPoints(Registry registry) {
        this.registry = registry;
    }

    @Override
    public InfluxPoint map(StationEvent e) {
        if (StationUploads.CN_FACILITY_RUN_TIME.equals(e.cn)) {
            return FacilityPoints.facility(registry, e.mn, e.code)
                    .field("run_hours", e.value)
                    .timeMillis(e.timeMillis)
                    .build();
        }
        SourceRef ref = registry.byMn(e.mn);
        InfluxPoint.Builder p = InfluxPoint.measurement("station_event")
                .tag("enterprise", ref.enterprise().id)
                .tag("source", ref.source().id)
                .tag("mn", e.mn)
                .timeMillis(e.timeMillis);
        if (StationUploads.CN_RESTART.equals(e.cn)) {
            return p.tag("event", RESTART).field("count", 1L).build();
        }
        if (StationUploads.CN_HEARTBEAT.equals(e.cn)) {
            return p.tag("event", HEARTBEAT).field("count", 1L).build();
        }
        p.tag("event", SITE_INFO).tag("code", e.code);
        if (e.polId != null) {
            p.tag("pol_id", e.polId);
        }
        return (e.value != null ? p.field("value", e.value) : p.field("text", e.text)).build();
    }
}
