package org.cems.job.alert;

import java.io.Serializable;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.util.Collector;
import org.cems.connector.base.SerializerTypeInfo;
import org.cems.core.normalize.Measure;
import org.cems.core.normalize.SourceReading;
import org.cems.core.registry.Registry;
import org.cems.hj212.ParameterCodes;
import org.cems.job.emission.StopEvidence;
import org.cems.job.types.SourceReadingStateSerializer;

/**
 * No-data alerts of one monitoring point, a rule of {@link ReadingAlerts} (keyed by MN; the
 * operator's processing-time timers are this rule's). Silence has no event time, so this one runs
 * on processing time: a point that has sent nothing for {@code silent_for} fires; its next reading
 * resolves. A source that stopped may fall silent without an alert: its last reading was a
 * corroborated stop ({@link StopEvidence}: flag F with flow or load about zero), or its stop
 * schedule covers the time the silence is judged. Flag F alone is the instrument, not the source
 * (HJ 212-2017 Table 8): its silence is missing data like any other.
 */
public class NoDataAlerts implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Registry registry;
    private final AlertSettings settings;
    private final AlertMessages messages;
    private transient ValueState<SourceReading> last;
    /** The firing alert, read when {@link PointProgress#noDataFiring} says there is one. */
    private transient ValueState<AlertEvent> firing;

    public NoDataAlerts(Registry registry, AlertSettings settings) {
        this.registry = registry;
        this.settings = settings;
        this.messages = new AlertMessages(registry, settings);
    }

    void open(RuntimeContext rc) {
        last = rc.getState(new ValueStateDescriptor<>(
                "lastReading", SerializerTypeInfo.of(SourceReading.class, SourceReadingStateSerializer.INSTANCE)));
        firing = rc.getState(new ValueStateDescriptor<>("firing", AlertEvent.class));
    }

    /**
     * {@code r}: a reading's flags ({@link #withoutValues}); {@code newestBeforeMs}: the newest
     * DataTime of the point before it (kept by {@link ReadingAlerts}, so the last reading is read
     * back only when the timer judges it); {@code p}: the point's progress, which this updates.
     */
    void onReading(
            SourceReading r, long newestBeforeMs, PointProgress p, TimerService timers, Collector<AlertEvent> out)
            throws Exception {
        long now = timers.currentProcessingTime();
        if (p.noDataFiring) {
            long silentMs = now - p.lastArrivalMs;
            AlertEvent resolved = event(firing.value().startMillis, AlertEvent.RESOLVED, r, silentMs);
            resolved.timeMillis = r.timeMillis;
            resolved.message = messages.noData(resolved, silentMinutes());
            out.collect(resolved);
            firing.clear();
            p.noDataFiring = false;
        }
        if (r.timeMillis >= newestBeforeMs) {
            last.update(r);
        }
        p.lastArrivalMs = now;
        if (p.noDataTimerMs == PointProgress.LONG_AGO) {
            timers.registerProcessingTimeTimer(now + settings.silentForMs());
            p.noDataTimerMs = now + settings.silentForMs();
        }
    }

    void onTimer(long timestamp, PointProgress p, TimerService timers, Collector<AlertEvent> out) throws Exception {
        long due = p.lastArrivalMs + settings.silentForMs();
        if (timestamp < due) {
            timers.registerProcessingTimeTimer(due);
            p.noDataTimerMs = due;
            return;
        }
        p.noDataTimerMs = PointProgress.LONG_AGO;
        SourceReading r = last.value();
        if (p.noDataFiring || sourceStopped(r, timestamp)) {
            return;
        }
        AlertEvent a = event(r.timeMillis, AlertEvent.FIRING, r, timestamp - p.lastArrivalMs);
        a.message = messages.noData(a, silentMinutes());
        firing.update(a);
        p.noDataFiring = true;
        out.collect(a);
    }

    /** Whether an alert fires for the current point: read once, when its progress is built from earlier states. */
    boolean firing() throws Exception {
        return firing.value() != null;
    }

    /** {@code silentMs}: how long the point had been silent (processing time), the alert's value in minutes. */
    private AlertEvent event(long startMillis, String state, SourceReading r, long silentMs) {
        AlertEvent a =
                AlertEvents.of(AlertType.NO_DATA, state, r.enterprise + "/" + r.source, startMillis, startMillis);
        a.enterprise = r.enterprise;
        a.source = r.source;
        a.mn = r.mn;
        a.value = silentMs / 60_000.0;
        a.threshold = settings.silentForMs() / 60_000.0;
        a.unit = "min";
        return a;
    }

    /**
     * The flags, and the flow and load that corroborate a stop: all that the no-data and
     * instrument alerts read of a reading (what it says about the unit running and the analysers),
     * so it is also what the job sends them.
     */
    public static SourceReading withoutValues(SourceReading r) {
        SourceReading copy = new SourceReading();
        copy.enterprise = r.enterprise;
        copy.source = r.source;
        copy.mn = r.mn;
        copy.cn = r.cn;
        copy.timeMillis = r.timeMillis;
        r.reported.forEach((code, m) -> copy.reported.put(code, new Measure(0, null, m.valid, m.flag)));
        for (String code : new String[] {ParameterCodes.FLOW, ParameterCodes.LOAD_MW}) {
            Measure m = r.measures.get(code);
            if (m != null) {
                copy.measures.put(code, new Measure(m.value, null, m.valid, m.flag));
            }
        }
        return copy;
    }

    private boolean sourceStopped(SourceReading last, long nowMillis) {
        StopEvidence evidence = StopEvidence.forAlerts(registry.byMn(last.mn).source(), settings.stopThresholds());
        return evidence.sourceStopped(last) || evidence.stoppedByStatus(nowMillis);
    }

    private long silentMinutes() {
        return Math.max(1, settings.silentForMs() / 60_000L);
    }
}
