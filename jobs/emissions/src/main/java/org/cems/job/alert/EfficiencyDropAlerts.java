package org.cems.job.alert;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.cems.core.registry.Device;
import org.cems.core.registry.Enterprise;
import org.cems.core.registry.Registry;
import org.cems.core.time.Window;
import org.cems.job.efficiency.DeviceId;
import org.cems.job.efficiency.DeviceThresholds;
import org.cems.job.efficiency.EfficiencyRecord;

/**
 * Efficiency-drop alerts of one device (keyed by enterprise/device) on its minute efficiencies, in
 * event-time order: a minute is abnormal when the efficiency is under the device minimum or more
 * than the allowed points under its baseline; {@code sustain} abnormal minutes fire, {@code hold}
 * normal minutes resolve ({@link Hysteresis}). Minutes in which the unit did not run, or inlet or
 * outlet were not valid, say nothing. Each minute counts once, at its first conclusive version;
 * minutes older than one already counted are passed over.
 */
public class EfficiencyDropAlerts extends KeyedProcessFunction<String, EfficiencyRecord, AlertEvent> {
    private final Registry registry;
    private final AlertSettings settings;
    private final AlertMessages messages;
    private transient Map<DeviceId, Device> devices;
    private transient ValueState<Hysteresis> state;
    private transient ValueState<Long> lastCountedMinute;

    public EfficiencyDropAlerts(Registry registry, AlertSettings settings) {
        this.registry = registry;
        this.settings = settings;
        this.messages = new AlertMessages(registry, settings);
    }

    /** Minute efficiencies, keyed by device. */
    public static DataStream<AlertEvent> wire(AlertInputs in) {
        return in.efficiencies()
                .filter(EfficiencyDropAlerts::isInput)
                .name("minute-efficiencies")
                .uid("minute-efficiencies")
                .keyBy(EfficiencyDropAlerts::key)
                .process(new EfficiencyDropAlerts(in.registry(), in.settings()))
                .name("efficiency-drop-alerts")
                .uid("efficiency-drop-alerts");
    }

    public static boolean isInput(EfficiencyRecord e) {
        return Window.MINUTE.is(e.window);
    }

    public static String key(EfficiencyRecord e) {
        return new DeviceId(e.enterprise, e.device).path();
    }

    @Override
    public void open(OpenContext ctx) {
        devices = new HashMap<>();
        for (Enterprise e : registry.enterprises) {
            e.devices.forEach(d -> devices.put(new DeviceId(e.id, d.id), d));
        }
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("efficiencyDrop", Hysteresis.class));
        lastCountedMinute = getRuntimeContext().getState(new ValueStateDescriptor<>("lastCountedMinute", Long.class));
    }

    @Override
    public void processElement(EfficiencyRecord e, Context ctx, Collector<AlertEvent> out) throws Exception {
        if (!e.running || !e.valid) {
            return;
        }
        Long last = lastCountedMinute.value();
        if (last != null && e.windowStartMillis <= last) {
            return;
        }
        lastCountedMinute.update(e.windowStartMillis);
        Device device = devices.get(new DeviceId(e.enterprise, e.device));
        double maxDrop = DeviceThresholds.maxDropPctPoints(device, settings.defaultMaxDropPctPoints());
        double threshold =
                e.baselinePct == null ? e.minEfficiencyPct : Math.max(e.minEfficiencyPct, e.baselinePct - maxDrop);
        boolean abnormal = e.efficiencyPct < threshold;
        Hysteresis h = state.value() == null ? new Hysteresis() : state.value();
        Hysteresis.Change change =
                h.observe(abnormal, e.windowStartMillis, settings.dropSustainMinutes(), settings.dropHoldMinutes());
        state.update(h);
        if (change == Hysteresis.Change.NONE) {
            return;
        }
        boolean fired = change == Hysteresis.Change.FIRED;
        AlertEvent a = AlertEvents.of(
                AlertType.EFFICIENCY_DROP,
                fired ? AlertEvent.FIRING : AlertEvent.RESOLVED,
                ctx.getCurrentKey(),
                h.incidentStartMillis,
                e.windowStartMillis);
        a.enterprise = e.enterprise;
        a.source = e.source;
        a.device = e.device;
        a.pollutant = e.pollutant;
        a.value = e.efficiencyPct;
        a.threshold = threshold;
        a.unit = "%";
        String rule = messages.dropRule(threshold == e.minEfficiencyPct, e.minEfficiencyPct, e.baselinePct, maxDrop);
        a.message = messages.efficiencyDrop(
                a, e.deviceType, rule, fired ? settings.dropSustainMinutes() : settings.dropHoldMinutes());
        out.collect(a);
    }
}
