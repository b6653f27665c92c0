package org.cems.job.efficiency;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.cems.core.reading.FacilityStatus;
import org.cems.core.registry.Registry;
import org.cems.core.registry.Source;
import org.cems.core.registry.SourceRef;

/**
 * Addresses a reported facility status to the control device the registry says it is (the
 * source's {@code facilities}: {@code SB2: u1-fgd}). Production status and unnamed numbers are
 * not a device's.
 */
public class DeviceStatuses implements FlatMapFunction<FacilityStatus, DeviceSide> {
    private final Registry registry;

    public DeviceStatuses(Registry registry) {
        this.registry = registry;
    }

    @Override
    public void flatMap(FacilityStatus s, Collector<DeviceSide> out) {
        SourceRef ref = registry.byMn(s.mn);
        String device = ref == null ? null : ref.source().facilities.get(s.facility);
        if (device == null || Source.FACILITY_PRODUCTION.equals(device)) {
            return;
        }
        DeviceSide side = new DeviceSide();
        side.enterprise = ref.enterprise().id;
        side.device = device;
        side.side = DeviceSide.STATUS;
        side.status = s;
        out.collect(side);
    }
}
