package org.cems.job.alert;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.cems.core.registry.Registry;
import org.cems.core.time.Window;
import org.cems.job.emission.EmissionRecord;

/**
 * Exceedance alerts of one stack and pollutant (keyed by enterprise/source/pollutant), on the
 * source's own event time: a valid hourly reference-O2 average above the limit fires (HJ 76 App.
 * B; 发改价格[2014]536号 judges by hourly averages); {@code hold} valid hours within the limit
 * resolve. Invalid hours say nothing. Each hour counts once, at its first valid version; an hour
 * re-emitted after late data, or older than one already counted, does not change the alert (its
 * corrected point still lands in InfluxDB).
 */
public class ExceedanceAlerts extends KeyedProcessFunction<String, EmissionRecord, AlertEvent> {
    private final AlertSettings settings;
    private final AlertMessages messages;
    private transient ValueState<Hysteresis> state;
    private transient ValueState<Long> lastCountedHour;

    public ExceedanceAlerts(Registry registry, AlertSettings settings) {
        this.settings = settings;
        this.messages = new AlertMessages(registry, settings);
    }

    /** Hourly emissions, keyed by source and pollutant. */
    public static DataStream<AlertEvent> wire(AlertInputs in) {
        return in.emissions()
                .filter(ExceedanceAlerts::isInput)
                .name("hourly-limits")
                .uid("hourly-limits")
                .keyBy(ExceedanceAlerts::key)
                .process(new ExceedanceAlerts(in.registry(), in.settings()))
                .name("exceedance-alerts")
                .uid("exceedance-alerts");
    }

    /** Hourly records of stacks with a limit for the pollutant: the only ones that can exceed. */
    public static boolean isInput(EmissionRecord r) {
        return Window.HOUR.is(r.window) && r.stack && r.limitMgM3 != null;
    }

    public static String key(EmissionRecord r) {
        return r.enterprise + "/" + r.source + "/" + r.pollutant;
    }

    @Override
    public void open(OpenContext ctx) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("exceedance", Hysteresis.class));
        lastCountedHour = getRuntimeContext().getState(new ValueStateDescriptor<>("lastCountedHour", Long.class));
    }

    @Override
    public void processElement(EmissionRecord r, Context ctx, Collector<AlertEvent> out) throws Exception {
        if (r.exceeded == null) {
            return; // not a valid hour with a reference value: nothing to conclude
        }
        Long last = lastCountedHour.value();
        if (last != null && r.windowStartMillis <= last) {
            return;
        }
        lastCountedHour.update(r.windowStartMillis);
        Hysteresis h = state.value() == null ? new Hysteresis() : state.value();
        Hysteresis.Change change = h.observe(r.exceeded, r.windowStartMillis, 1, settings.exceedanceHoldHours());
        state.update(h);
        if (change == Hysteresis.Change.NONE) {
            return;
        }
        AlertEvent a = AlertEvents.of(
                AlertType.EXCEEDANCE,
                change == Hysteresis.Change.FIRED ? AlertEvent.FIRING : AlertEvent.RESOLVED,
                ctx.getCurrentKey(),
                h.incidentStartMillis,
                r.windowStartMillis);
        a.enterprise = r.enterprise;
        a.source = r.source;
        a.pollutant = r.pollutant;
        a.value = r.concRefMgM3;
        a.threshold = r.limitMgM3;
        a.unit = "mg/m3";
        a.message = messages.exceedance(a, settings.exceedanceHoldHours());
        out.collect(a);
    }
}
