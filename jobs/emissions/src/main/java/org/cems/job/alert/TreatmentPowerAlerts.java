package org.cems.job.alert;

import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.cems.connector.base.SerializerTypeInfo;
import org.cems.core.reading.StationMeasurement;
import org.cems.core.registry.Registry;
import org.cems.core.registry.SourceRef;
import org.cems.core.time.Window;
import org.cems.hj212.Hj2025Codes;
import org.cems.job.emission.SourcePeriod;
import org.cems.job.types.StateKeys;

/**
 * treatment_no_power alerts of one source (keyed by enterprise/source), on event time: a treatment
 * facility's electricity ({@code d3xxxx}, HJ 212-2025 ST=44) below {@code facility_power.no_power_below}
 * while production runs, in every value from the first such one for {@code sustain}, fires; power
 * again (or production stopped) in every value for {@code hold} resolves.
 *
 * <p>Production runs at a treatment value's time when the source's latest production-facility
 * electricity ({@code d2xxxx}, at or before it, at most {@link #EVIDENCE_HOLD_MS} old) is at or above
 * the same threshold; without one, when the source's latest minute flow (at most as old) is at or
 * above {@code stop_detection.flow_below_m3_h}. With neither, the value says nothing: it neither
 * counts nor resets. Values older than the newest of their meter are passed over. Minute flows are
 * kept from the source's first electricity value on, so that value itself has no flow evidence.
 */
public class TreatmentPowerAlerts extends KeyedCoProcessFunction<String, StationMeasurement, SourcePeriod, AlertEvent> {
    /** Production evidence older than this says nothing: ST=44 and minute data come every minute or so. */
    static final long EVIDENCE_HOLD_MS = 10 * 60_000L;

    private static final long KEEP_FLOWS_MS = 60 * 60_000L;

    private final Registry registry;
    private final AlertSettings settings;
    private final AlertMessages messages;
    private final double noPowerBelow;
    private final double flowBelowM3H;
    private transient MapState<String, FlagRun> runs;
    private transient MapState<String, Long> newestByMeter;
    /** The latest production-facility electricity: its time and whether production drew power. */
    private transient ValueState<Long> productionTime;

    private transient ValueState<Boolean> productionRuns;
    /** Minute flows of the source by minute start: at or above the stop threshold. */
    private transient MapState<Long, Boolean> flowing;

    public TreatmentPowerAlerts(Registry registry, AlertSettings settings, double noPowerBelow, double flowBelowM3H) {
        this.registry = registry;
        this.settings = settings;
        this.messages = new AlertMessages(registry, settings);
        this.noPowerBelow = noPowerBelow;
        this.flowBelowM3H = flowBelowM3H;
    }

    /** HJ 212-2025 treatment and production electricity with the minute flows, keyed by source. */
    public static DataStream<AlertEvent> wire(AlertInputs in) {
        return in.measurements()
                .filter(TreatmentPowerAlerts::isInput)
                .name("facility-powers")
                .uid("facility-powers")
                .keyBy(new SourceKey(in.registry()))
                .connect(in.periods()
                        .filter(TreatmentPowerAlerts::isInput)
                        .name("minute-flows")
                        .uid("minute-flows")
                        .keyBy(SourcePeriod::sourceKey))
                .process(new TreatmentPowerAlerts(
                        in.registry(),
                        in.settings(),
                        in.config().facilityPower.noPowerBelow,
                        in.config().stopDetection.flowBelowM3H))
                .name("treatment-power-alerts")
                .uid("treatment-power-alerts");
    }

    /** The electricity values, keyed by the enterprise/source of their MN. */
    public static boolean isInput(StationMeasurement m) {
        return StationMeasurement.FACILITY_POWER.equals(m.kind);
    }

    /** Source minutes with a flow: production evidence where no production meter reports. */
    public static boolean isInput(SourcePeriod p) {
        return Window.MINUTE.is(p.window) && p.flowM3H != null;
    }

    /** The enterprise/source of a measurement's MN (the router passes only MNs the registry knows). */
    public static final class SourceKey implements KeySelector<StationMeasurement, String> {
        private final Registry registry;

        public SourceKey(Registry registry) {
            this.registry = registry;
        }

        @Override
        public String getKey(StationMeasurement m) {
            SourceRef ref = registry.byMn(m.mn);
            return ref.enterprise().id + "/" + ref.source().id;
        }
    }

    @Override
    public void open(OpenContext ctx) {
        runs = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>(
                        "noPowerRuns", Types.STRING, SerializerTypeInfo.of(FlagRun.class, FlagRunSerializer.INSTANCE)));
        newestByMeter =
                getRuntimeContext().getMapState(new MapStateDescriptor<>("newestByMeter", String.class, Long.class));
        productionTime = getRuntimeContext().getState(new ValueStateDescriptor<>("productionTime", Long.class));
        productionRuns = getRuntimeContext().getState(new ValueStateDescriptor<>("productionRuns", Boolean.class));
        flowing = getRuntimeContext().getMapState(new MapStateDescriptor<>("flowing", Long.class, Boolean.class));
    }

    @Override
    public void processElement1(StationMeasurement m, Context ctx, Collector<AlertEvent> out) throws Exception {
        Long newest = newestByMeter.get(m.code);
        if (newest != null && m.timeMillis <= newest) {
            return;
        }
        newestByMeter.put(m.code, m.timeMillis);
        boolean drawsPower = m.value() >= noPowerBelow;
        if (Hj2025Codes.isProductionFacilityPower(m.code)) {
            productionTime.update(m.timeMillis);
            productionRuns.update(drawsPower);
            return;
        }
        Boolean production = productionRunsAt(m.timeMillis);
        if (!drawsPower && production == null) {
            return;
        }
        boolean abnormal = !drawsPower && production;
        FlagRun run = runs.get(m.code);
        if (run == null && !abnormal) {
            return;
        }
        run = run == null ? new FlagRun() : run;
        AlertEvent a = abnormal ? abnormal(run, m) : normal(run, m);
        if (!run.firing && run.flaggedSinceMillis == null) {
            runs.remove(m.code);
        } else {
            runs.put(m.code, run);
        }
        if (a != null) {
            out.collect(a);
        }
    }

    @Override
    public void processElement2(SourcePeriod r, Context ctx, Collector<AlertEvent> out) throws Exception {
        // flows are evidence for electricity values only: a source that has sent none keeps none
        // (most do not send HJ 212-2025 electricity; an hour of flows was 390 B of state a source)
        if (newestByMeter.isEmpty()) {
            return;
        }
        flowing.put(r.windowStartMillis, r.flowM3H >= flowBelowM3H);
        StateKeys.removeIf(flowing, start -> start < r.windowStartMillis - KEEP_FLOWS_MS);
    }

    /** Whether production runs at {@code timeMillis}: its electricity, else the flow; null when neither is known. */
    private Boolean productionRunsAt(long timeMillis) throws Exception {
        Long at = productionTime.value();
        if (at != null && at <= timeMillis && timeMillis - at <= EVIDENCE_HOLD_MS) {
            return productionRuns.value();
        }
        Map.Entry<Long, Boolean> latest = null;
        for (Map.Entry<Long, Boolean> e : flowing.entries()) {
            if (e.getKey() <= timeMillis && (latest == null || e.getKey() > latest.getKey())) {
                latest = e;
            }
        }
        return latest != null && timeMillis - latest.getKey() <= EVIDENCE_HOLD_MS ? latest.getValue() : null;
    }

    private AlertEvent abnormal(FlagRun run, StationMeasurement m) {
        run.clearSinceMillis = null;
        if (run.flaggedSinceMillis == null) {
            run.flaggedSinceMillis = m.timeMillis;
        }
        if (run.firing || m.timeMillis - run.flaggedSinceMillis < settings.noPowerSustainMs()) {
            return null;
        }
        run.firing = true;
        run.incidentStartMillis = run.flaggedSinceMillis;
        AlertEvent a = event(AlertEvent.FIRING, run, m, m.timeMillis);
        a.value = (m.timeMillis - run.flaggedSinceMillis) / 60_000.0;
        a.message = messages.treatmentNoPower(a, m.code, Math.round(a.value));
        return a;
    }

    private AlertEvent normal(FlagRun run, StationMeasurement m) {
        run.flaggedSinceMillis = null;
        if (!run.firing) {
            return null;
        }
        if (run.clearSinceMillis == null) {
            run.clearSinceMillis = m.timeMillis;
        }
        if (m.timeMillis - run.clearSinceMillis < settings.noPowerHoldMs()) {
            return null;
        }
        run.firing = false;
        AlertEvent a = event(AlertEvent.RESOLVED, run, m, run.clearSinceMillis);
        a.value = (run.clearSinceMillis - run.incidentStartMillis) / 60_000.0;
        a.message = messages.treatmentNoPower(a, m.code, Math.round(a.value));
        run.clearSinceMillis = null;
        return a;
    }

    /** value: minutes without power; threshold: the sustain, minutes. */
    private AlertEvent event(String state, FlagRun run, StationMeasurement m, long timeMillis) {
        SourceRef ref = registry.byMn(m.mn);
        String device = ref.source().powerMeters.getOrDefault(m.code, m.code);
        AlertEvent a = AlertEvents.of(
                AlertType.TREATMENT_NO_POWER,
                state,
                ref.enterprise().id + "/" + ref.source().id + "/" + device,
                run.incidentStartMillis,
                timeMillis);
        a.enterprise = ref.enterprise().id;
        a.source = ref.source().id;
        a.device = device;
        a.mn = m.mn;
        a.threshold = settings.noPowerSustainMs() / 60_000.0;
        a.unit = "min";
        return a;
    }
}
