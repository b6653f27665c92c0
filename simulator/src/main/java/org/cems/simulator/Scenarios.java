package org.cems.simulator;

import java.util.ArrayList;
import java.util.List;

import org.cems.core.reading.Reading;
import org.cems.core.reading.ReadingValue;
import org.cems.core.registry.Device;
import org.cems.core.registry.Enterprise;
import org.cems.core.registry.Registry;
import org.cems.core.registry.Source;

/**
 * The incidents of one run, placed in event time and on their points: they change what the plant
 * model says at those points and times, so a run stays a pure function of seed, start and scenarios.
 */
public final class Scenarios {
    private final List<Active> active;

    private Scenarios(List<Active> active) {
        this.active = active;
    }

    public static Scenarios none() {
        return new Scenarios(List.of());
    }

    /** Places each incident; {@code startMillis} is the event time of the run's first live reading. */
    public static Scenarios place(List<ScenarioSpec> specs, Registry registry, long startMillis) {
        List<Active> placed = new ArrayList<>();
        for (ScenarioSpec spec : specs) {
            long from = spec.at().map(java.time.Instant::toEpochMilli).orElse(startMillis + spec.after().toMillis());
            long to = from + spec.kind().length().toMillis();
            if (spec.kind().deviceType() != null) {
                DeviceOf d = device(spec, registry);
                placed.add(new Active(spec.kind(), from, to, d.outletMn(), d.device().pollutant));
            } else {
                placed.add(new Active(spec.kind(), from, to, point(spec, registry).mn, null));
            }
        }
        return new Scenarios(List.copyOf(placed));
    }

    /** The point's reading at a time as the incidents change it; null when its gateway is silent then. */
    public Reading readingAt(MonitoringPoint point, long timeMillis) {
        Reading r = point.readingAt(timeMillis);
        for (Active a : active) {
            if (!a.mn.equals(point.mn()) || timeMillis < a.fromMillis || timeMillis >= a.toMillis) {
                continue;
            }
            switch (a.kind) {
                case GATEWAY_SILENT -> {
                    return null;
                }
                case ANALYSER_FAULT -> r.values.forEach((code, v) -> {
                    if (Instrument.measuring(code) == Instrument.GAS_ANALYSER) {
                        v.flag = "D";
                    }
                });
                default -> scale(r.values.get(a.pollutant), a.kind.outletFactor(timeMillis - a.fromMillis));
            }
        }
        return r;
    }

    private static void scale(ReadingValue v, double factor) {
        if (v == null) {
            return;
        }
        v.rtd = Rounding.forReport(v.rtd * factor);
        if (v.zsRtd != null) {
            v.zsRtd = Rounding.forReport(v.zsRtd * factor);
        }
    }

    private static DeviceOf device(ScenarioSpec spec, Registry registry) {
        for (Enterprise e : registry.enterprises) {
            for (Device d : e.devices) {
                boolean named = spec.target().map(d.id::equals).orElse(true);
                if (named && d.deviceType() == spec.kind().deviceType()) {
                    return new DeviceOf(e, d);
                }
            }
        }
        throw new IllegalArgumentException("--scenario " + spec.kind().option() + ": no " + spec.kind().deviceType().code()
                + " device" + spec.target().map(t -> " with id " + t).orElse("") + " in the registry");
    }

    private static Source point(ScenarioSpec spec, Registry registry) {
        for (Enterprise e : registry.enterprises) {
            for (Source s : e.sources) {
                if (spec.target().map(s.id::equals).orElse(true)) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("--scenario " + spec.kind().option() + ": no source with id " + spec.target().orElse("?"));
    }

    /** A device with its enterprise: source ids are unique only within one enterprise. */
    private record DeviceOf(Enterprise enterprise, Device device) {
        String outletMn() {
            return enterprise.sources.stream().filter(s -> s.id.equals(device.outlet)).findFirst().orElseThrow().mn;
        }
    }

    private record Active(ScenarioKind kind, long fromMillis, long toMillis, String mn, String pollutant) {}
}
