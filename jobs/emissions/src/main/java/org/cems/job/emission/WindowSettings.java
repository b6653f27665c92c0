package org.cems.job.emission;

import java.io.Serializable;
import java.time.ZoneId;

/**
 * How a source's event time closes its windows.
 *
 * @param outOfOrdernessMs how far behind its newest reading a source's readings may arrive and
 *     still be on time: a minute closes when the source's own clock passes its end by this much
 * @param allowedLatenessMs readings later than that but within this are applied to the closed
 *     window, which is emitted again (the InfluxDB point is replaced); later still: dead letter {@code late}
 * @param idleTimeoutMs a source silent this long (processing time) has its last minute closed and
 *     its open hour and day emitted as they stand
 * @param zoneId the zone of day boundaries (the registry's, Asia/Shanghai by default)
 * @param minSamplesPerMinute valid real-time samples a minute needs to be valid
 */
public record WindowSettings(
        long outOfOrdernessMs, long allowedLatenessMs, long idleTimeoutMs, String zoneId, int minSamplesPerMinute)
        implements Serializable {

    public ZoneId zone() {
        return ZoneId.of(zoneId);
    }
}
