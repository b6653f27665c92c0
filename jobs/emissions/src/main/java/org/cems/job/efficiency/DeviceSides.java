package org.cems.job.efficiency;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.cems.core.registry.Device;
import org.cems.core.registry.Enterprise;
import org.cems.core.registry.Registry;
import org.cems.job.emission.EmissionRecord;

/**
 * Addresses the emission records of a device's inlet and outlet, for the device's pollutant, to
 * that device. One point may serve several devices (a stack after an FGD and an SCR; one inlet in
 * front of two devices), so one record may go to several.
 */
public class DeviceSides implements FlatMapFunction<EmissionRecord, DeviceSide> {
    private final Registry registry;
    private transient Map<Point, List<Addressee>> devicesByPoint;

    public DeviceSides(Registry registry) {
        this.registry = registry;
    }

    @Override
    public void flatMap(EmissionRecord r, Collector<DeviceSide> out) {
        for (Addressee a : index().getOrDefault(new Point(r.enterprise, r.source, r.pollutant), List.of())) {
            DeviceSide s = new DeviceSide();
            s.enterprise = r.enterprise;
            s.device = a.device();
            s.side = a.side();
            s.record = r;
            out.collect(s);
        }
    }

    private Map<Point, List<Addressee>> index() {
        if (devicesByPoint == null) {
            Map<Point, List<Addressee>> map = new HashMap<>();
            for (Enterprise e : registry.enterprises) {
                for (Device d : e.devices) {
                    map.computeIfAbsent(new Point(e.id, d.inlet, d.pollutant), k -> new ArrayList<>())
                            .add(new Addressee(d.id, DeviceSide.INLET));
                    map.computeIfAbsent(new Point(e.id, d.outlet, d.pollutant), k -> new ArrayList<>())
                            .add(new Addressee(d.id, DeviceSide.OUTLET));
                }
            }
            devicesByPoint = map;
        }
        return devicesByPoint;
    }

    /** A monitoring point's pollutant. */
    private record Point(String enterprise, String source, String pollutant) {}

    /** A device and the side of it a point measures. */
    private record Addressee(String device, String side) {}
}
