package org.cems.job.efficiency;

import static org.cems.job.emission.WindowTimes.HOUR_MS;
import static org.cems.job.emission.WindowTimes.MINUTE_MS;
import static org.cems.job.emission.WindowTimes.floor;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.cems.connector.base.SerializerTypeInfo;
import org.cems.core.reading.FacilityStatus;
import org.cems.core.registry.Device;
import org.cems.core.registry.Enterprise;
import org.cems.core.registry.Registry;
import org.cems.core.time.Window;
import org.cems.job.emission.WindowTimes;
import org.cems.job.types.StateKeys;

/**
 * Efficiency of one control device (keyed by enterprise/device) per minute, hour and day. Per
 * window it keeps the latest inlet and outlet figures; a later version of either (a window
 * re-emitted after late data) replaces the earlier, and the window's efficiency is emitted again.
 *
 * <p>State follows the device's own clock, the newest minute of its slower side: windows that no
 * late reading can re-emit any more (older than the allowed lateness, plus the hour or day an
 * operating rate needs) leave the state. A side more than a day behind the other is taken as
 * dead, so one broken analyser does not keep the other side's windows forever.
 *
 * <p>Operating rate (投运率, emission-formulas.md section 4: device hours over unit hours): of an
 * hour, its minutes in service over its minutes the unit ran; of a day, likewise its hours. The
 * unit runs when the outlet sub-period is not stopped (flag F). Where the station reports the
 * device's status (CN 2021 {@code SBxxx-RS}, mapped to the device in the registry's
 * {@code facilities}), a minute is in service when the status in effect is running or blow-back
 * ({@link FacilityStatus#isRunning()}); an hour of a day counts the share of its minutes in
 * service. A report is in effect from its time until the next one, for at most
 * {@link #STATUS_HOLD_MS}. Minutes with no status in effect fall back to the efficiency: in
 * service when it is at least half the device's minimum; without a valid efficiency (no inlet
 * data, analyser faults) not in service.
 *
 * <p>Electricity comes first (HJ 212-2025 ST=44, mapped by the registry's {@code power_meters}): a
 * minute whose power value in effect (the latest before its end, for at most
 * {@link #POWER_HOLD_MS}) is below {@code facility_power.no_power_below} is not in service, whatever
 * the reported status or the efficiency say: a treatment facility that draws no power is not
 * treating. A facility drawing power is judged by the status, else the efficiency, as above.
 */
public class DeviceEfficiency extends KeyedProcessFunction<String, DeviceSide, EfficiencyRecord> {
    /** A device not heard from for this long (processing time) is dropped whole. */
    private static final long KEEP_MS = 3L * 24 * 3600 * 1000;

    private static final long DAY_MS = 24 * HOUR_MS;
    /** A side further behind the other than this no longer holds the state back. */
    private static final long DEAD_SIDE_MS = DAY_MS;

    private static final long NONE = Long.MIN_VALUE;
    /** A reported status older than this says nothing about now: a station that stopped reporting falls back to efficiency. */
    static final long STATUS_HOLD_MS = HOUR_MS;
    /**
     * A power value older than this says nothing about now. ST=44 values are real-time data (CN 2011,
     * sent every minute or so): ten minutes without one is a data gap, not a steady state.
     */
    static final long POWER_HOLD_MS = 10 * MINUTE_MS;

    private final Registry registry;
    private final String zoneId;
    private final long allowedLatenessMs;
    private transient Map<DeviceId, Device> devices;
    private transient ZoneId zone;
    private transient MapState<String, DeviceWindow> windows;
    /** Newest minute-window start of the inlet and of the outlet. */
    private transient ValueState<Long> newestInletMinute;

    private transient ValueState<Long> newestOutletMinute;
    private transient ValueState<Long> lastUpdate;
    private transient ValueState<Long> cleanupTimer;
    /** The device's reported statuses by report time. */
    private transient MapState<Long, FacilityStatus> statuses;

    private transient ValueState<Long> newestStatus;
    /** The device's power evidence by DataTime: {@link FacilityStatus#OFF} when it drew no power. */
    private transient MapState<Long, FacilityStatus> powers;

    private transient ValueState<Long> newestPower;

    public DeviceEfficiency(Registry registry, String zoneId, long allowedLatenessMs) {
        this.registry = registry;
        this.zoneId = zoneId;
        this.allowedLatenessMs = allowedLatenessMs;
    }

    @Override
    public void open(OpenContext ctx) {
        devices = new HashMap<>();
        for (Enterprise e : registry.enterprises) {
            e.devices.forEach(d -> devices.put(new DeviceId(e.id, d.id), d));
        }
        zone = ZoneId.of(zoneId);
        windows = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>(
                        "windows",
                        Types.STRING,
                        SerializerTypeInfo.of(DeviceWindow.class, DeviceWindowSerializer.INSTANCE)));
        newestInletMinute = getRuntimeContext().getState(new ValueStateDescriptor<>("newestInletMinute", Long.class));
        newestOutletMinute = getRuntimeContext().getState(new ValueStateDescriptor<>("newestOutletMinute", Long.class));
        lastUpdate = getRuntimeContext().getState(new ValueStateDescriptor<>("lastUpdate", Long.class));
        cleanupTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("cleanupTimer", Long.class));
        statuses =
                getRuntimeContext().getMapState(new MapStateDescriptor<>("statuses", Long.class, FacilityStatus.class));
        newestStatus = getRuntimeContext().getState(new ValueStateDescriptor<>("newestStatus", Long.class));
        powers = getRuntimeContext().getMapState(new MapStateDescriptor<>("powers", Long.class, FacilityStatus.class));
        newestPower = getRuntimeContext().getState(new ValueStateDescriptor<>("newestPower", Long.class));
    }

    @Override
    public void processElement(DeviceSide s, Context ctx, Collector<EfficiencyRecord> out) throws Exception {
        if (DeviceSide.STATUS.equals(s.side)) {
            keep(statuses, newestStatus, s.status, STATUS_HOLD_MS);
            armCleanup(ctx);
            return;
        }
        if (DeviceSide.POWER.equals(s.side)) {
            keep(powers, newestPower, s.status, POWER_HOLD_MS);
            armCleanup(ctx);
            return;
        }
        Window window = Window.ofLabel(s.record.window)
                .orElseThrow(() -> new IllegalStateException("no such window: " + s.record.window));
        long start = s.record.windowStartMillis;
        String key = new WindowKey(window, start).stateKey();
        DeviceWindow w = windows.get(key);
        if (w == null) {
            w = new DeviceWindow();
        }
        boolean inlet = DeviceSide.INLET.equals(s.side);
        if (inlet) {
            w.inlet = SideFigures.of(s.record);
        } else {
            w.outlet = SideFigures.of(s.record);
        }
        windows.put(key, w);
        armCleanup(ctx);
        Device device = devices.get(new DeviceId(s.enterprise, s.device));
        EfficiencyRecord e = EfficiencyCalculator.of(s.enterprise, device, s.record.window, start, w);
        if (e != null) {
            switch (window) {
                case HOUR ->
                    e.operatingRatePct = operatingRate(s.enterprise, device, Window.MINUTE, start, start + HOUR_MS);
                case DAY ->
                    e.operatingRatePct = operatingRate(s.enterprise, device, Window.HOUR, start, nextDayStart(start));
                case MINUTE -> {}
            }
            out.collect(e);
        }
        if (window == Window.MINUTE) {
            advance(inlet ? newestInletMinute : newestOutletMinute, start);
        }
    }

    /** Sub-periods in service / sub-periods the unit ran × 100; null when it never ran. */
    private Double operatingRate(String enterprise, Device device, Window subWindow, long from, long to)
            throws Exception {
        NavigableMap<Long, FacilityStatus> reported = between(statuses, from - STATUS_HOLD_MS, to);
        NavigableMap<Long, FacilityStatus> power = between(powers, from - POWER_HOLD_MS, to);
        int running = 0;
        double inService = 0;
        long step = subWindow == Window.MINUTE ? MINUTE_MS : HOUR_MS;
        for (long t = from; t < to; t += step) {
            DeviceWindow sub = windows.get(new WindowKey(subWindow, t).stateKey());
            if (sub != null && sub.running()) {
                running++;
                boolean byEfficiency = EfficiencyCalculator.inService(
                        EfficiencyCalculator.of(enterprise, device, subWindow.label(), t, sub));
                inService += inServiceShare(power, reported, t, t + step, byEfficiency);
            }
        }
        return running == 0 ? null : inService * 100.0 / running;
    }

    /**
     * The share of the minutes of [from, to) in service: none without power in effect; otherwise by
     * the status in effect, else {@code byEfficiency}.
     */
    private static double inServiceShare(
            NavigableMap<Long, FacilityStatus> power,
            NavigableMap<Long, FacilityStatus> reported,
            long from,
            long to,
            boolean byEfficiency) {
        int minutes = 0;
        int inService = 0;
        for (long end = from + MINUTE_MS; end <= to; end += MINUTE_MS) {
            Map.Entry<Long, FacilityStatus> powerInEffect = power.lowerEntry(end);
            Map.Entry<Long, FacilityStatus> inEffect = reported.lowerEntry(end);
            boolean noPower = powerInEffect != null
                    && end - powerInEffect.getKey() <= POWER_HOLD_MS
                    && powerInEffect.getValue().isOff();
            boolean on = !noPower
                    && (inEffect != null && end - inEffect.getKey() <= STATUS_HOLD_MS
                            ? inEffect.getValue().isRunning()
                            : byEfficiency);
            minutes++;
            inService += on ? 1 : 0;
        }
        return (double) inService / minutes;
    }

    private static NavigableMap<Long, FacilityStatus> between(MapState<Long, FacilityStatus> kept, long from, long to)
            throws Exception {
        NavigableMap<Long, FacilityStatus> reported = new TreeMap<>();
        for (Map.Entry<Long, FacilityStatus> e : kept.entries()) {
            if (e.getKey() >= from && e.getKey() < to) {
                reported.put(e.getKey(), e.getValue());
            }
        }
        return reported;
    }

    /**
     * Keeps a reported status (or power evidence); when its clock enters a new hour, drops those no
     * window that can still be emitted (allowed lateness, a day, the hold) can use.
     */
    private void keep(MapState<Long, FacilityStatus> kept, ValueState<Long> newest, FacilityStatus s, long holdMs)
            throws Exception {
        kept.put(s.timeMillis, s);
        long before = orNone(newest.value());
        if (s.timeMillis <= before) {
            return;
        }
        newest.update(s.timeMillis);
        if (before != NONE && floor(s.timeMillis, HOUR_MS) == floor(before, HOUR_MS)) {
            return;
        }
        long keepFrom = s.timeMillis - allowedLatenessMs - DAY_MS - holdMs;
        StateKeys.removeIf(kept, t -> t < keepFrom);
    }

    /** Moves one side's clock; when the device's clock enters a new hour, drops what can no longer change. */
    private void advance(ValueState<Long> side, long minuteStart) throws Exception {
        long before = clock();
        if (minuteStart <= orNone(side.value())) {
            return;
        }
        side.update(minuteStart);
        long now = clock();
        if (now == NONE || (before != NONE && floor(now, HOUR_MS) == floor(before, HOUR_MS))) {
            return;
        }
        long horizon = now - allowedLatenessMs;
        long minutesFrom = floor(horizon, HOUR_MS);
        long hoursFrom = dayStart(horizon);
        StateKeys.removeIf(windows, key -> {
            WindowKey k = WindowKey.ofStateKey(key);
            long keepFrom = switch (k.window()) {
                case MINUTE -> minutesFrom;
                case HOUR -> hoursFrom;
                case DAY -> hoursFrom - DAY_MS; // the day before too, as a margin
            };
            return k.startMillis() < keepFrom;
        });
    }

    /** The device's clock: its slower side's newest minute, unless that side is dead; NONE until both spoke. */
    private long clock() throws Exception {
        long in = orNone(newestInletMinute.value());
        long out = orNone(newestOutletMinute.value());
        if (in == NONE || out == NONE) {
            return NONE;
        }
        return Math.abs(in - out) > DEAD_SIDE_MS ? Math.max(in, out) : Math.min(in, out);
    }

    private void armCleanup(Context ctx) throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        lastUpdate.update(now);
        if (cleanupTimer.value() == null) {
            ctx.timerService().registerProcessingTimeTimer(now + KEEP_MS);
            cleanupTimer.update(now + KEEP_MS);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<EfficiencyRecord> out) throws Exception {
        cleanupTimer.clear();
        long last = orNone(lastUpdate.value());
        if (timestamp - last >= KEEP_MS) {
            windows.clear();
            newestInletMinute.clear();
            newestOutletMinute.clear();
            statuses.clear();
            newestStatus.clear();
            powers.clear();
            newestPower.clear();
            lastUpdate.clear();
        } else {
            ctx.timerService().registerProcessingTimeTimer(last + KEEP_MS);
            cleanupTimer.update(last + KEEP_MS);
        }
    }

    private long dayStart(long t) {
        return WindowTimes.dayStart(t, zone);
    }

    private long nextDayStart(long dayStart) {
        return WindowTimes.nextDayStart(dayStart, zone);
    }

    private static long orNone(Long v) {
        return v == null ? NONE : v;
    }
}
