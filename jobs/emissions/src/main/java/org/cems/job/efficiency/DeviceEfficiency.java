package org.cems.job.efficiency;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.cems.core.registry.Device;
import org.cems.core.registry.Enterprise;
import org.cems.core.registry.Registry;

/**
 * Efficiency of one control device (keyed by enterprise/device) per minute, hour and day. Per
 * window it keeps the latest inlet and outlet records; a later version of either (a window
 * re-emitted after late data) replaces the earlier, and the window's efficiency is emitted again.
 *
 * <p>Operating rate (投运率, emission-formulas.md section 4: device hours over unit hours): of an
 * hour, its minutes in service over its minutes the unit ran; of a day, likewise its hours. The
 * unit runs when the outlet sub-period is not stopped (flag F); the device is in service when its
 * efficiency is at least half its minimum. A running sub-period without a valid efficiency (no
 * inlet data, analyser faults) does not count as in service. Facility status items (SBxxx-RS) are
 * not used: the HJ 212 reader does not pass them on yet.
 */
public class DeviceEfficiency extends KeyedProcessFunction<String, DeviceSide, EfficiencyRecord> {
    /** Windows not updated for this long can no longer change (lateness is hours): their state goes. */
    private static final long KEEP_MS = 3L * 24 * 3600 * 1000;
    private static final long MINUTE_MS = 60_000L;
    private static final long HOUR_MS = 3_600_000L;

    private final Registry registry;
    private final String zoneId;
    private transient Map<String, Device> devices;
    private transient ZoneId zone;
    private transient MapState<String, DeviceWindow> windows;
    private transient ValueState<Long> cleanupTimer;

    public DeviceEfficiency(Registry registry, String zoneId) {
        this.registry = registry;
        this.zoneId = zoneId;
    }

    @Override
    public void open(OpenContext ctx) {
        devices = new HashMap<>();
        for (Enterprise e : registry.enterprises) {
            e.devices.forEach(d -> devices.put(e.id + "/" + d.id, d));
        }
        zone = ZoneId.of(zoneId);
        windows = getRuntimeContext().getMapState(new MapStateDescriptor<>("windows", String.class, DeviceWindow.class));
        cleanupTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("cleanupTimer", Long.class));
    }

    @Override
    public void processElement(DeviceSide s, Context ctx, Collector<EfficiencyRecord> out) throws Exception {
        String key = windowKey(s.record.window, s.record.windowStartMillis);
        DeviceWindow w = windows.get(key);
        if (w == null) {
            w = new DeviceWindow();
        }
        if (DeviceSide.INLET.equals(s.side)) {
            w.inlet = s.record;
        } else {
            w.outlet = s.record;
        }
        long now = ctx.timerService().currentProcessingTime();
        w.updatedMillis = now;
        windows.put(key, w);
        if (cleanupTimer.value() == null) {
            ctx.timerService().registerProcessingTimeTimer(now + KEEP_MS);
            cleanupTimer.update(now + KEEP_MS);
        }
        Device device = devices.get(ctx.getCurrentKey());
        EfficiencyRecord e = EfficiencyCalculator.of(s.enterprise, device, w);
        if (e == null) {
            return;
        }
        switch (e.window) {
            case "1h" -> e.operatingRatePct = operatingRate(s.enterprise, device, "1m", e.windowStartMillis, e.windowStartMillis + HOUR_MS);
            case "1d" -> e.operatingRatePct = operatingRate(s.enterprise, device, "1h", e.windowStartMillis, nextDayStart(e.windowStartMillis));
            default -> { }
        }
        out.collect(e);
    }

    /** Sub-periods in service / sub-periods the unit ran × 100; null when it never ran. */
    private Double operatingRate(String enterprise, Device device, String subWindow, long from, long to) throws Exception {
        int running = 0;
        int inService = 0;
        long step = "1m".equals(subWindow) ? MINUTE_MS : HOUR_MS;
        for (long t = from; t < to; t += step) {
            DeviceWindow sub = windows.get(windowKey(subWindow, t));
            if (sub != null && sub.running()) {
                running++;
                if (EfficiencyCalculator.inService(EfficiencyCalculator.of(enterprise, device, sub))) {
                    inService++;
                }
            }
        }
        return running == 0 ? null : inService * 100.0 / running;
    }

    private long nextDayStart(long dayStart) {
        return Instant.ofEpochMilli(dayStart).atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private static String windowKey(String window, long start) {
        return window + "|" + start;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<EfficiencyRecord> out) throws Exception {
        cleanupTimer.clear();
        List<String> old = new ArrayList<>();
        for (Map.Entry<String, DeviceWindow> e : windows.entries()) {
            if (e.getValue().updatedMillis < timestamp - KEEP_MS) {
                old.add(e.getKey());
            }
        }
        for (String key : old) {
            windows.remove(key);
        }
        if (!windows.isEmpty()) {
            ctx.timerService().registerProcessingTimeTimer(timestamp + KEEP_MS);
            cleanupTimer.update(timestamp + KEEP_MS);
        }
    }
}
