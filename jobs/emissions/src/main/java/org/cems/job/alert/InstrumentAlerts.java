package org.cems.job.alert;

import java.io.Serializable;
import java.util.Map;
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
    private static final Map<String, AlertType> FLAGS = Map.of(
            DataFlag.D.name(),
            AlertType.INSTRUMENT_FAULT,
            DataFlag.C.name(),
            AlertType.INSTRUMENT_CALIBRATION,
            DataFlag.M.name(),
            AlertType.INSTRUMENT_MAINTENANCE,
            DataFlag.T.name(),
            AlertType.INSTRUMENT_OVER_RANGE,
            STOPPED,
            AlertType.INSTRUMENT_STOPPED);

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

    /** {@code newestBefore}: the newest DataTime of the point before {@code r}, null if none. */
    void onReading(SourceReading r, Long newestBefore, Collector<AlertEvent> out) throws Exception {
        if (newestBefore != null && r.timeMillis <= newestBefore) {
            return;
        }
        boolean sourceStopped = StopEvidence.forAlerts(registry.byMn(r.mn).source(), settings.stopThresholds())
                .sourceStopped(r);
        for (Map.Entry<String, AlertType> f : FLAGS.entrySet()) {
            boolean flagged =
                    r.reported.values().stream().anyMatch(m -> f.getKey().equals(m.flag))
                            && !(STOPPED.equals(f.getKey()) && sourceStopped);
            FlagRun run = runs.get(f.getKey());
            if (run == null && !flagged) {
                continue;
            }
            run = run == null ? new FlagRun() : run;
            AlertEvent a = flagged ? flagged(run, f.getValue(), r) : clear(run, f.getValue(), r);
            if (!run.firing && run.flaggedSinceMillis == null) {
                runs.remove(f.getKey());
            } else {
                runs.put(f.getKey(), run);
            }
            if (a != null) {
                out.collect(a);
            }
        }
    }

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
