package org.cems.simulator;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cems.core.reading.Reading;
import org.cems.core.registry.Device;
import org.cems.core.registry.Enterprise;
import org.cems.core.registry.Registry;
import org.cems.core.registry.Source;
import org.cems.core.registry.SourceKind;

/**
 * Every monitoring point of a registry, modelled by role and kind: a stack sends its kind's
 * controlled concentrations, O2, CO2, flow, temperature, moisture and (power units) load; an
 * inlet point sends the raw concentration of the pollutant its device removes, in the gas of
 * the stack it leads to. Deterministic: the same registry and seed give the same readings.
 */
public final class PlantModel {
    private final List<MonitoringPoint> points;
    private final Map<String, MonitoringPoint> byMn = new HashMap<>();
    private final ZoneId zone;
    private final Noise noise;

    public PlantModel(Registry registry, long seed) {
        this.zone = ZoneId.of(registry.timezone);
        this.noise = new Noise(seed);
        List<MonitoringPoint> all = new ArrayList<>();
        for (Enterprise enterprise : registry.enterprises) {
            Map<String, UnitModel> unitsByStackId = new HashMap<>();
            for (Source source : enterprise.sources) {
                Source stack = stackOf(source, enterprise);
                SourceProfile profile = SourceProfiles.forKind(stack.sourceKind());
                UnitModel unit =
                        unitsByStackId.computeIfAbsent(stack.id, id -> new UnitModel(stack, profile, noise, zone));
                all.add(new MonitoringPoint(
                        source,
                        unit,
                        profile,
                        pollutantsAt(source, enterprise, profile),
                        inletConditions(source, enterprise),
                        noise));
            }
        }
        this.points = List.copyOf(all);
        points.forEach(p -> byMn.put(p.mn(), p));
    }

    /** The points in registry order. */
    public List<MonitoringPoint> points() {
        return points;
    }

    public MonitoringPoint point(String mn) {
        MonitoringPoint point = byMn.get(mn);
        if (point == null) {
            throw new IllegalArgumentException("no monitoring point with MN " + mn);
        }
        return point;
    }

    /** One reading per point at an event time, in registry order. */
    public List<Reading> readingsAt(long timeMillis) {
        List<Reading> readings = new ArrayList<>(points.size());
        points.forEach(p -> readings.add(p.readingAt(timeMillis)));
        return readings;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The noise the points draw from, for scenarios that vary with the seed too. */
    Noise noise() {
        return noise;
    }

    /**
     * The stack whose gas a point sees: itself for a stack, else the outlet its devices lead to
     * (through chained devices). An inlet that leads nowhere is modelled as its own unit.
     */
    private static Source stackOf(Source source, Enterprise enterprise) {
        Source current = source;
        Set<String> seen = new HashSet<>();
        while (!current.isStack() && seen.add(current.id)) {
            Device device = firstDeviceWithInlet(current.id, enterprise);
            Source outlet = device == null ? null : sourceById(device.outlet, enterprise);
            if (outlet == null) {
                return source;
            }
            current = outlet;
        }
        return current.isStack() ? current : source;
    }

    /**
     * Pollutants in code order: a stack has its kind's controlled set; a device's pollutant is
     * raw at its inlet and controlled at its outlet; an inlet without a device has the raw set.
     */
    private static Map<String, Range> pollutantsAt(Source source, Enterprise enterprise, SourceProfile profile) {
        Map<String, Range> ranges = new TreeMap<>();
        if (source.isStack()) {
            ranges.putAll(profile.stackMgM3());
        } else if (firstDeviceWithInlet(source.id, enterprise) == null) {
            ranges.putAll(profile.rawMgM3());
        }
        SourceProfile fallback = SourceProfiles.forKind(SourceKind.OTHER);
        for (Device d : enterprise.devices) {
            if (source.id.equals(d.inlet)) {
                ranges.putIfAbsent(d.pollutant, rangeFor(d.pollutant, profile.rawMgM3(), fallback.rawMgM3(), source));
            }
        }
        for (Device d : enterprise.devices) {
            if (source.id.equals(d.outlet)) {
                ranges.put(d.pollutant, rangeFor(d.pollutant, profile.stackMgM3(), fallback.stackMgM3(), source));
            }
        }
        return new LinkedHashMap<>(ranges);
    }

    private static Range rangeFor(String code, Map<String, Range> ranges, Map<String, Range> fallback, Source source) {
        Range range = ranges.getOrDefault(code, fallback.get(code));
        if (range == null) {
            throw new IllegalArgumentException("the simulator has no value range for pollutant " + code + " at source "
                    + source.id + " (it knows " + new TreeMap<>(fallback).keySet() + ")");
        }
        return range;
    }

    private static InletConditions inletConditions(Source source, Enterprise enterprise) {
        if (source.isStack()) {
            return null;
        }
        Device device = firstDeviceWithInlet(source.id, enterprise);
        return device == null ? null : InletConditions.forDevice(device.deviceType());
    }

    private static Device firstDeviceWithInlet(String sourceId, Enterprise enterprise) {
        return enterprise.devices.stream()
                .filter(d -> sourceId.equals(d.inlet))
                .findFirst()
                .orElse(null);
    }

    private static Source sourceById(String id, Enterprise enterprise) {
        return enterprise.sources.stream()
                .filter(s -> s.id.equals(id))
                .findFirst()
                .orElse(null);
    }
}
