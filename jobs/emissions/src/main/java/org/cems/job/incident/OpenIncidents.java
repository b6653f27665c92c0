package org.cems.job.incident;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.core.registry.Enterprise;
import org.cems.core.registry.Registry;
import org.cems.job.alert.AlertEvent;
import org.cems.job.emission.WindowTimes;
import org.cems.job.points.IncidentPoints;

/**
 * The set of open incidents of the whole city, from the alert engines' firing and resolved events
 * (one key: the set is small, hundreds at most). Every {@code snapshotIntervalMs} of processing
 * time it writes the whole set again as {@code incident_open} points, and the count per enterprise
 * as {@code incident_count}, so a dashboard finds every open incident in any time range that
 * reaches back one interval, however long ago it opened. A firing is written at once; a resolved
 * event writes a closed marker (open = 0) for its incident's series, so the set read as "the
 * latest point of each series with open = 1" loses it at once. The set and the timer are keyed
 * state: restored from a checkpoint or savepoint.
 */
public class OpenIncidents extends KeyedProcessFunction<String, AlertEvent, InfluxPoint> {
    /** All alert events share this key. */
    public static final KeySelector<AlertEvent, String> ONE_KEY = a -> "city";

    private final Registry registry;
    private final long snapshotIntervalMs;
    private transient MapState<String, OpenIncident> open;
    private transient ValueState<Long> nextSnapshot;

    public OpenIncidents(Registry registry, long snapshotIntervalMs) {
        this.registry = registry;
        this.snapshotIntervalMs = snapshotIntervalMs;
    }

    @Override
    public void open(OpenContext ctx) {
        open = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("openIncidents", Types.STRING, Types.POJO(OpenIncident.class)));
        nextSnapshot = getRuntimeContext().getState(new ValueStateDescriptor<>("nextSnapshot", Types.LONG));
    }

    @Override
    public void processElement(AlertEvent a, Context ctx, Collector<InfluxPoint> out) throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        if (AlertEvent.FIRING.equals(a.state)) {
            OpenIncident incident = OpenIncident.of(a);
            open.put(a.id, incident);
            out.collect(IncidentPoints.open(incident, now));
        } else if (AlertEvent.RESOLVED.equals(a.state)) {
            OpenIncident incident = open.get(a.id);
            open.remove(a.id);
            // without its firing (state lost, or resolved twice) the marker still closes a stale series
            out.collect(IncidentPoints.closed(incident != null ? incident : OpenIncident.of(a), a.message, now));
        }
        if (nextSnapshot.value() == null) {
            long at = WindowTimes.floor(now, snapshotIntervalMs) + snapshotIntervalMs;
            ctx.timerService().registerProcessingTimeTimer(at);
            nextSnapshot.update(at);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<InfluxPoint> out) throws Exception {
        List<OpenIncident> all = new ArrayList<>();
        open.values().forEach(all::add);
        for (OpenIncident incident : all) {
            out.collect(IncidentPoints.open(incident, timestamp));
        }
        for (Enterprise e : registry.enterprises) {
            out.collect(IncidentPoints.count(
                    e.id, all.stream().filter(i -> e.id.equals(i.enterprise)).toList(), timestamp));
        }
        long next = timestamp + snapshotIntervalMs;
        ctx.timerService().registerProcessingTimeTimer(next);
        nextSnapshot.update(next);
    }
}
