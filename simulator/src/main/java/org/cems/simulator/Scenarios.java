package org.cems.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cems.core.registry.Device;
import org.cems.core.registry.Enterprise;
import org.cems.core.registry.Registry;
import org.cems.core.registry.Source;

/**
 * The scenarios of one run, placed on their points and times and chained in {@link ScenarioCatalog}
 * order: what a point's gateway sends at a tick is the plant model's real-time reading as each
 * scenario in turn rewrites it, so a run stays a pure function of seed, start and scenarios.
 */
public final class Scenarios {
    private final Gateway gateway;

    private Scenarios(Gateway gateway) {
        this.gateway = gateway;
    }

    /** No scenario: every point sends its real-time reading at every tick. */
    public static Scenarios none() {
        return new Scenarios(Scenarios::plain);
    }

    /**
     * Places each scenario.
     *
     * @param defaultSource the source of the scenarios that name none ({@code --scenario-source}); empty: the first
     * @param startMillis the event time of the run's first live reading, from which START counts
     * @param tickMillis event time between two readings of a point ({@code --interval})
     */
    public static Scenarios place(
            List<ScenarioSpec> specs,
            Optional<String> defaultSource,
            PlantModel model,
            Registry registry,
            long startMillis,
            long tickMillis) {
        List<ScenarioSpec> ordered = new ArrayList<>(specs);
        ordered.sort(Comparator.comparingInt(s -> ScenarioCatalog.order(s.type())));
        Map<MonitoringPoint, Long> dataStepMillis = new HashMap<>();
        for (ScenarioSpec spec : ordered) {
            ScenarioCatalog.minuteInterval(spec.type())
                    .ifPresent(minutes -> dataStepMillis.put(
                            target(spec, defaultSource, model, registry).point(), minutes * Placement.MINUTE_MILLIS));
        }
        Gateway chain = Scenarios::plain;
        for (ScenarioSpec spec : ordered) {
            Target t = target(spec, defaultSource, model, registry);
            long from = spec.at()
                    .map(Instant::toEpochMilli)
                    .orElse(startMillis + spec.after().toMillis());
            Placement placement = new Placement(
                    from,
                    t.point(),
                    t.enterprise(),
                    t.pollutant(),
                    unitOf(t.point(), model),
                    dataStepMillis.getOrDefault(t.point(), Placement.MINUTE_MILLIS),
                    tickMillis,
                    model.zone(),
                    model.noise());
            Scenario scenario = spec.type().factory().apply(placement);
            Gateway upstream = chain;
            chain = (point, tick) -> scenario.uploadsAt(point, tick, upstream);
        }
        return new Scenarios(chain);
    }

    /** What the point's gateway sends at a tick, in order; empty when it is silent then. */
    List<Upload> uploadsAt(MonitoringPoint point, long tickMillis) {
        return gateway.uploadsAt(point, tickMillis);
    }

    private static List<Upload> plain(MonitoringPoint point, long tickMillis) {
        List<Upload> uploads = new ArrayList<>(1);
        uploads.add(Upload.data(point.readingAt(tickMillis)));
        return uploads;
    }

    private static List<MonitoringPoint> unitOf(MonitoringPoint point, PlantModel model) {
        return model.points().stream().filter(p -> p.unit() == point.unit()).toList();
    }

    private static Target target(
            ScenarioSpec spec, Optional<String> defaultSource, PlantModel model, Registry registry) {
        if (spec.type().deviceType() != null) {
            for (Enterprise e : registry.enterprises) {
                for (Device d : e.devices) {
                    boolean named = spec.target().map(d.id::equals).orElse(true);
                    if (named && d.deviceType() == spec.type().deviceType()) {
                        Source outlet = e.sources.stream()
                                .filter(s -> s.id.equals(d.outlet))
                                .findFirst()
                                .orElseThrow();
                        return new Target(model.point(outlet.mn), e, d.pollutant);
                    }
                }
            }
            throw new IllegalArgumentException("--scenario " + spec.type().name() + ": no "
                    + spec.type().deviceType().code() + " device"
                    + spec.target().map(id -> " with id " + id).orElse("") + " in the registry");
        }
        Optional<String> sourceId = spec.target().or(() -> defaultSource);
        for (Enterprise e : registry.enterprises) {
            for (Source s : e.sources) {
                if (sourceId.map(s.id::equals).orElse(true)) {
                    return new Target(model.point(s.mn), e, null);
                }
            }
        }
        throw new IllegalArgumentException("--scenario " + spec.type().name() + ": no source with id "
                + sourceId.orElse("?") + " in the registry");
    }

    /** A point with its enterprise (source ids are unique only within one) and, for a device, its pollutant. */
    private record Target(MonitoringPoint point, Enterprise enterprise, String pollutant) {}
}
