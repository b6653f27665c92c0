package org.cems.job.alert;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;
import org.cems.connector.base.SerializerTypeInfo;
import org.cems.core.normalize.SourceReading;
import org.cems.core.registry.Registry;
import org.cems.hj212.DataFlag;
import org.cems.job.emission.StopEvidence;

/**
 * Instrument-state alerts of one monitoring point, a rule of {@link ReadingAlerts} (keyed by MN),
 * on the point's event time: a flag D (fault), C (calibration), M (maintenance), T (over range) or
 * F (instrument stopped, HJ 212-2017 Table 8) on any of its values, in every reading from the first
 * flagged one for longer than allowed, fires; the flag absent from every reading for {@code hold}
 * resolves. F counts only where it is not a corroborated source stop ({@link StopEvidence}, the
 * windows' rule: flow or load about zero, stop schedule): there it is the instrument, and its data
 * is missing. A daily zero/span check of a few minutes stays quiet. Readings older than the newest
 * one seen are passed over.
 */
public class InstrumentAlerts implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String STOPPED = DataFlag.F.name();
    /** In this order for good: a flag's place is its bit in {@link PointProgress#flagRuns}. */
    private static final List<FlagRule> FLAGS = List.of(
            new FlagRule(DataFlag.D.name(), AlertType.INSTRUMENT_FAULT),
            new FlagRule(DataFlag.C.name(), AlertType.INSTRUMENT_CALIBRATION),
            new FlagRule(DataFlag.M.name(), AlertType.INSTRUMENT_MAINTENANCE),
            new FlagRule(DataFlag.T.name(), AlertType.INSTRUMENT_OVER_RANGE),
            new FlagRule(STOPPED, AlertType.INSTRUMENT_STOPPED));

    private final Registry registry;
    private final AlertSettings settings;
    private final AlertMessages messages;
    private transient MapState<String, FlagRun> runs;

    public InstrumentAlerts(Registry registry, AlertSettings settings) {
        this.registry = registry;
        this.settings = settings;
        this.messages = new AlertMessages(registry, settings);
    }

    void open(RuntimeContext rc) {
        runs = rc.getMapState(new MapStateDescriptor<>(
                "flagRuns", Types.STRING, SerializerTypeInfo.of(FlagRun.class, FlagRunSerializer.INSTANCE)));
    }

    /**
     * {@code newestBeforeMs}: the newest DataTime of the point before {@code r}; {@code p}: the
     * point's progress, whose flag-run bits this keeps (a run is read only where its bit is set).
     */
    void onReading(SourceReading r, long newestBeforeMs, PointProgress p, Collector<AlertEvent> out) throws Exception {
        if (r.timeMillis <= newestBeforeMs) {
            return;
        }
        Set<String> flags = new HashSet<>();
        r.reported.values().forEach(m -> flags.add(m.flag));
        for (int i = 0; i < FLAGS.size(); i++) {
            FlagRule rule = FLAGS.get(i);
            int bit = 1 << i;
            boolean held = (p.flagRuns & bit) != 0;
            boolean flagged = flags.contains(rule.flag()) && !(STOPPED.equals(rule.flag()) && sourceStopped(r));
            if (!held && !flagged) {
                continue;
            }
            FlagRun run = held ? runs.get(rule.flag()) : null;
            run = run == null ? new FlagRun() : run;
            AlertEvent a = flagged ? flagged(run, rule.type(), r) : clear(run, rule.type(), r);
            if (!run.firing && run.flaggedSinceMillis == null) {
                if (held) {
                    runs.remove(rule.flag());
                }
                p.flagRuns &= ~bit;
            } else {
                runs.put(rule.flag(), run);
                p.flagRuns |= bit;
            }
            if (a != null) {
                out.collect(a);
            }
        }
    }

    /** The bits of the flags that have a run for the current point: read once, when its progress is built from earlier states. */
    int runsHeld() throws Exception {
        int bits = 0;
        for (int i = 0; i < FLAGS.size(); i++) {
            if (runs.contains(FLAGS.get(i).flag())) {
                bits |= 1 << i;
            }
        }
        return bits;
    }

    private boolean sourceStopped(SourceReading r) {
        return StopEvidence.forAlerts(registry.byMn(r.mn).source(), settings.stopThresholds())
                .sourceStopped(r);
    }

    /** A data flag and the alert it raises. */
    private record FlagRule(String flag, AlertType type) {}

    private AlertEvent flagged(FlagRun run, AlertType type, SourceReading r) {
        run.clearSinceMillis = null;
        if (run.flaggedSinceMillis == null) {
            run.flaggedSinceMillis = r.timeMillis;
        }
        long allowed = allowedMs(type);
        if (run.firing || r.timeMillis - run.flaggedSinceMillis < allowed) {
            return null;
        }
        run.firing = true;
        run.incidentStartMillis = run.flaggedSinceMillis;
        AlertEvent a = event(type, AlertEvent.FIRING, run, r);
        a.value = (r.timeMillis - run.flaggedSinceMillis) / 60_000.0;
        a.message = messages.instrument(a, type);
        return a;
    }

    private AlertEvent clear(FlagRun run, AlertType type, SourceReading r) {
        run.flaggedSinceMillis = null;
        if (!run.firing) {
            return null;
        }
        if (run.clearSinceMillis == null) {
            run.clearSinceMillis = r.timeMillis;
        }
        if (r.timeMillis - run.clearSinceMillis < settings.instrumentHoldMs()) {
            return null;
        }
        run.firing = false;
        AlertEvent a = event(type, AlertEvent.RESOLVED, run, r);
        a.timeMillis = run.clearSinceMillis;
        a.value = (run.clearSinceMillis - run.incidentStartMillis) / 60_000.0;
        a.message = messages.instrument(a, type);
        run.clearSinceMillis = null;
        return a;
    }

    private AlertEvent event(AlertType type, String state, FlagRun run, SourceReading r) {
        AlertEvent a =
                AlertEvents.of(type, state, r.enterprise + "/" + r.source, run.incidentStartMillis, r.timeMillis);
        a.enterprise = r.enterprise;
        a.source = r.source;
        a.mn = r.mn;
        a.threshold = allowedMs(type) / 60_000.0;
        a.unit = "min";
        return a;
    }

    private long allowedMs(AlertType type) {
        return switch (type) {
            case INSTRUMENT_FAULT -> settings.faultMs();
            case INSTRUMENT_CALIBRATION -> settings.calibrationMs();
            case INSTRUMENT_OVER_RANGE -> settings.overRangeMs();
            case INSTRUMENT_STOPPED -> settings.stoppedMs();
            default -> settings.maintenanceMs();
        };
    }
}
