package org.cems.job.efficiency;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.cems.core.reading.FacilityStatus;
import org.cems.core.reading.StationMeasurement;
import org.cems.core.registry.Registry;
import org.cems.core.registry.SourceRef;
import org.cems.hj212.Hj2025Codes;

/**
 * Addresses a treatment facility's electricity (HJ 212-2025 ST=44, {@code d3xxxx}) to the control
 * device the registry's {@code power_meters} says it is, as evidence for the operating rate: a
 * value below {@code facility_power.no_power_below} is {@link FacilityStatus#OFF} (the facility
 * draws no power, so it cannot be in service), any other value {@link FacilityStatus#RUNNING}.
 */
public class DevicePowers implements FlatMapFunction<StationMeasurement, DeviceSide> {
    private final Registry registry;
    private final double noPowerBelow;

    public DevicePowers(Registry registry, double noPowerBelow) {
        this.registry = registry;
        this.noPowerBelow = noPowerBelow;
    }

    @Override
    public void flatMap(StationMeasurement m, Collector<DeviceSide> out) {
        if (!StationMeasurement.FACILITY_POWER.equals(m.kind) || !Hj2025Codes.isTreatmentFacilityPower(m.code)) {
            return;
        }
        SourceRef ref = registry.byMn(m.mn);
        String device = ref == null ? null : ref.source().powerMeters.get(m.code);
        if (device == null) {
            return;
        }
        DeviceSide side = new DeviceSide();
        side.enterprise = ref.enterprise().id;
        side.device = device;
        side.side = DeviceSide.POWER;
        side.status = new FacilityStatus(
                m.mn, m.code, m.timeMillis, m.value() < noPowerBelow ? FacilityStatus.OFF : FacilityStatus.RUNNING);
        out.collect(side);
    }
}
