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
    /** Enterprise, then point, then pollutant: no key object to build for each record. */
    private transient Map<String, Map<String, Map<String, List<Addressee>>>> devicesByPoint;

    public DeviceSides(Registry registry) {
        this.registry = registry;
    }

    @Override
    public void flatMap(EmissionRecord r, Collector<DeviceSide> out) {
        Map<String, Map<String, List<Addressee>>> points = index().get(r.enterprise);
        Map<String, List<Addressee>> pollutants = points == null ? null : points.get(r.source);
        List<Addressee> addressees = pollutants == null ? null : pollutants.get(r.pollutant);
        if (addressees == null) {
            return;
        }
        for (Addressee a : addressees) {
            DeviceSide s = new DeviceSide();
            s.enterprise = r.enterprise;
            s.device = a.device();
            s.side = a.side();
            s.record = r;
            out.collect(s);
        }
    }

    private Map<String, Map<String, Map<String, List<Addressee>>>> index() {
        if (devicesByPoint == null) {
            Map<String, Map<String, Map<String, List<Addressee>>>> map = new HashMap<>();
            for (Enterprise e : registry.enterprises) {
                for (Device d : e.devices) {
                    addressees(map, e.id, d.inlet, d.pollutant).add(new Addressee(d.id, DeviceSide.INLET));
                    addressees(map, e.id, d.outlet, d.pollutant).add(new Addressee(d.id, DeviceSide.OUTLET));
                }
            }
            devicesByPoint = map;
        }
        return devicesByPoint;
    }

    private static List<Addressee> addressees(
            Map<String, Map<String, Map<String, List<Addressee>>>> map,
            String enterprise,
            String point,
            String pollutant) {
        return map.computeIfAbsent(enterprise, k -> new HashMap<>())
                .computeIfAbsent(point, k -> new HashMap<>())
                .computeIfAbsent(pollutant, k -> new ArrayList<>());
    }

    /** A device and the side of it a point measures. */
    private record Addressee(String device, String side) {}
}
