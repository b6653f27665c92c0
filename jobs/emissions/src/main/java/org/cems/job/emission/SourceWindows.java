package org.cems.job.emission;

import static org.cems.job.emission.WindowTimes.HOUR_MS;
import static org.cems.job.emission.WindowTimes.MINUTE_MS;
import static org.cems.job.emission.WindowTimes.floor;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.cems.core.deadletter.DeadLetterReason;
import org.cems.job.carbon.CarbonCalculator;
import org.cems.job.carbon.CarbonRecord;
import org.cems.core.normalize.SourceReading;
import org.cems.core.reading.Reading;
import org.cems.core.registry.Registry;
import org.cems.core.registry.SourceRef;
import org.cems.core.time.Window;
import org.cems.job.decode.DeadLetter;
import org.cems.job.decode.DecodePayloads;
import org.cems.job.decode.ReadingPayload;
import org.cems.job.types.SerializerTypeInfo;

/**
 * Minute, hour and day emissions of one monitoring point (keyed by MN), in event time with the
 * point's OWN clock: each MN's windows close when its own readings move past them, so a source
 * that is slow, backfilling or silent never holds back or hurries another's windows.
 *
 * <p>Precedence (one rule): a period the data logger computed itself (2051 minute, 2061 hour,
 * 2031 day) is used as sent; otherwise it is derived, minutes from 2011 samples, hours from
 * minutes, days from hours. Retransmitted readings (same MN, CN, DataTime) count once; readings
 * later than the allowed lateness are dead letters ({@code late}); readings within it correct the
 * closed windows, which are emitted again.
 */
public class SourceWindows extends KeyedProcessFunction<String, SourceReading, EmissionRecord> {
    /** Carbon records (CO2 mass, intensity, coal rate) of the same windows. */
    public static final OutputTag<CarbonRecord> CARBON = new OutputTag<>("carbon") {};

    private final Registry registry;
    private final WindowSettings settings;
    private final ClockJumpGuard clockGuard;
    private transient ZoneId zone;
    /** The source of the key being processed, and where its side outputs go; set where each call enters. */
    private transient SourceRef current;
    private transient SideOutput carbonOut;

    private transient ValueState<Long> clock;
    private transient ValueState<Long> closedUpTo;
    private transient ValueState<Long> lastArrival;
    private transient ValueState<Long> idleTimer;
    private transient MapState<Long, MinuteBucket> minutes;
    private transient MapState<Long, PeriodSummary> hours;
    private transient MapState<Long, WindowStats> loggerHours;
    private transient MapState<Long, WindowStats> loggerDays;
    private transient Counter lateReadings;
    private transient Counter duplicateReadings;

    public SourceWindows(Registry registry, WindowSettings settings) {
        this(registry, settings, ClockSettings.defaults());
    }

    public SourceWindows(Registry registry, WindowSettings settings, ClockSettings clockSettings) {
        this.registry = registry;
        this.settings = settings;
        this.clockGuard = new ClockJumpGuard(clockSettings);
    }

    @Override
    public void open(OpenContext ctx) {
        zone = settings.zone();
        clock = getRuntimeContext().getState(new ValueStateDescriptor<>("clock", Long.class));
        closedUpTo = getRuntimeContext().getState(new ValueStateDescriptor<>("closedUpTo", Long.class));
        lastArrival = getRuntimeContext().getState(new ValueStateDescriptor<>("lastArrival", Long.class));
        idleTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("idleTimer", Long.class));
        minutes = getRuntimeContext().getMapState(new MapStateDescriptor<>("minutes", Types.LONG,
                SerializerTypeInfo.of(MinuteBucket.class, MinuteBucketSerializer.INSTANCE)));
        hours = getRuntimeContext().getMapState(new MapStateDescriptor<>("hours", Long.class, PeriodSummary.class));
        loggerHours = getRuntimeContext().getMapState(new MapStateDescriptor<>("loggerHours", Long.class, WindowStats.class));
        loggerDays = getRuntimeContext().getMapState(new MapStateDescriptor<>("loggerDays", Long.class, WindowStats.class));
        lateReadings = getRuntimeContext().getMetricGroup().counter("lateReadings");
        duplicateReadings = getRuntimeContext().getMetricGroup().counter("duplicateReadings");
        clockGuard.open(getRuntimeContext());
    }

    @Override
    public void processElement(SourceReading r, Context ctx, Collector<EmissionRecord> out) throws Exception {
        current = registry.byMn(r.mn);
        carbonOut = record -> ctx.output(CARBON, record);
        ClockJumpGuard.Admission admission = clockGuard.admit(r, clock.value(), ctx.timerService().currentProcessingTime());
        admission.rejected().forEach(d -> ctx.output(DecodePayloads.DEAD_LETTERS, d));
        for (SourceReading admitted : admission.process()) {
            processAdmitted(admitted, ctx, out);
        }
    }

    private void processAdmitted(SourceReading r, Context ctx, Collector<EmissionRecord> out) throws Exception {
        long closed = orMin(closedUpTo.value());
        if (r.timeMillis < closed - settings.allowedLatenessMs()) {
            lateReadings.inc();
            ctx.output(DecodePayloads.DEAD_LETTERS, deadLetter(DeadLetterReason.LATE, "DataTime " + Instant.ofEpochMilli(r.timeMillis)
                    + " is more than the allowed lateness behind this source's closed windows (" + Instant.ofEpochMilli(closed) + ")", r, ctx));
            return;
        }
        if (!record(r)) {
            duplicateReadings.inc();
            ctx.output(DecodePayloads.DEAD_LETTERS, deadLetter(DeadLetterReason.DUPLICATE, "CN " + r.cn + " at " + Instant.ofEpochMilli(r.timeMillis)
                    + " was already received from this source", r, ctx));
            return;
        }
        if (r.timeMillis < closed) {
            correctClosedWindows(r, closed, out);
        }
        long newClock = Math.max(orMin(clock.value()), r.timeMillis + periodLength(r.cn, r.timeMillis));
        clock.update(newClock);
        advance(newClock - settings.outOfOrdernessMs(), out);
        armIdleTimer(ctx);
    }

    /** Adds the reading to its period's state; false when the same CN and DataTime came before. */
    private boolean record(SourceReading r) throws Exception {
        switch (r.cn) {
            case Reading.CN_REALTIME -> {
                long minute = floor(r.timeMillis, MINUTE_MS);
                MinuteBucket bucket = orNew(minutes.get(minute));
                if (bucket.sampleTimes.contains(r.timeMillis)) {
                    return false;
                }
                bucket.sampleTimes.add(r.timeMillis);
                bucket.realtime.add(r);
                minutes.put(minute, bucket);
            }
            case Reading.CN_MINUTE -> {
                long minute = floor(r.timeMillis, MINUTE_MS);
                MinuteBucket bucket = orNew(minutes.get(minute));
                if (bucket.logger != null) {
                    return false;
                }
                bucket.logger = statsOf(r);
                minutes.put(minute, bucket);
            }
            case Reading.CN_HOUR -> {
                long hour = floor(r.timeMillis, HOUR_MS);
                if (loggerHours.contains(hour)) {
                    return false;
                }
                loggerHours.put(hour, statsOf(r));
            }
            default -> {
                long day = dayStart(r.timeMillis);
                if (loggerDays.contains(day)) {
                    return false;
                }
                loggerDays.put(day, statsOf(r));
            }
        }
        return true;
    }

    /** A late reading changed a closed window: emit it, and the closed hour and day above it, again. */
    private void correctClosedWindows(SourceReading r, long closed, Collector<EmissionRecord> out) throws Exception {
        long minute = floor(r.timeMillis, MINUTE_MS);
        if (isMinuteData(r.cn) && minute + MINUTE_MS <= closed) {
            emitMinute(minute, out);
        }
        long hour = floor(r.timeMillis, HOUR_MS);
        if (!Reading.CN_DAY.equals(r.cn) && hour + HOUR_MS <= closed) {
            emitHour(hour, out);
        }
        long day = dayStart(r.timeMillis);
        if (nextDayStart(day) <= closed) {
            emitDay(day, out);
        }
    }

    /** Moves this source's watermark: closes and emits the minutes, hours and days it passes. */
    private void advance(long watermark, Collector<EmissionRecord> out) throws Exception {
        long closed = orMin(closedUpTo.value());
        if (watermark <= closed) {
            return;
        }
        closedUpTo.update(watermark);
        if (floor(watermark, MINUTE_MS) == floor(closed, MINUTE_MS)) {
            return;
        }
        Set<Long> closedHours = new HashSet<>();
        List<Long> expired = new ArrayList<>();
        for (Map.Entry<Long, MinuteBucket> e : minutes.entries()) {
            long minute = e.getKey();
            long end = minute + MINUTE_MS;
            if (end > closed && end <= watermark) {
                emitMinute(minute, e.getValue(), out);
            }
            long hour = floor(minute, HOUR_MS);
            if (hour + HOUR_MS > closed && hour + HOUR_MS <= watermark) {
                closedHours.add(hour);
            }
            if (hour + HOUR_MS < watermark - settings.allowedLatenessMs()) {
                expired.add(minute);
            }
        }
        for (Long hour : loggerHours.keys()) {
            if (hour + HOUR_MS > closed && hour + HOUR_MS <= watermark) {
                closedHours.add(hour);
            }
        }
        Set<Long> closedDays = new HashSet<>();
        for (Long hour : closedHours) {
            emitHour(hour, out);
            long day = dayStart(hour);
            long dayEnd = nextDayStart(day);
            if (dayEnd > closed && dayEnd <= watermark) {
                closedDays.add(day);
            }
        }
        for (Long day : closedDays) {
            emitDay(day, out);
        }
        for (Long minute : expired) {
            minutes.remove(minute);
        }
        dropExpiredPeriods(watermark);
    }

    /** Hours (and the logger's own periods) that no reading may change any more leave the state. */
    private void dropExpiredPeriods(long watermark) throws Exception {
        long horizon = watermark - settings.allowedLatenessMs();
        List<Long> gone = new ArrayList<>();
        for (Long hour : hours.keys()) {
            if (nextDayStart(dayStart(hour)) < horizon) {
                gone.add(hour);
            }
        }
        for (Long hour : gone) {
            hours.remove(hour);
            loggerHours.remove(hour);
        }
        gone.clear();
        for (Long day : loggerDays.keys()) {
            if (nextDayStart(day) < horizon) {
                gone.add(day);
            }
        }
        for (Long day : gone) {
            loggerDays.remove(day);
        }
    }

    private void emitMinute(long minute, Collector<EmissionRecord> out) throws Exception {
        MinuteBucket bucket = minutes.get(minute);
        if (bucket != null) {
            emitMinute(minute, bucket, out);
        }
    }

    private void emitMinute(long minute, MinuteBucket bucket, Collector<EmissionRecord> out) {
        emit(minuteSummary(bucket), Window.MINUTE.label(), minute, 1.0 / Periods.MINUTES_PER_HOUR, null, out);
    }

    private PeriodSummary minuteSummary(MinuteBucket bucket) {
        PeriodSummary p = bucket.logger != null ? Periods.fromLogger(bucket.logger)
                : Periods.minute(bucket.realtime, settings.minSamplesPerMinute());
        Periods.addMassFromRate(p, 1.0 / Periods.MINUTES_PER_HOUR);
        return p;
    }

    private void emitHour(long hour, Collector<EmissionRecord> out) throws Exception {
        PeriodSummary p = hourSummary(hour);
        hours.put(hour, p);
        emit(p, Window.HOUR.label(), hour, 1.0, null, out);
    }

    private PeriodSummary hourSummary(long hour) throws Exception {
        WindowStats logger = loggerHours.get(hour);
        PeriodSummary p;
        if (logger != null) {
            p = Periods.fromLogger(logger);
        } else {
            List<PeriodSummary> parts = new ArrayList<>();
            for (Map.Entry<Long, MinuteBucket> e : minutes.entries()) {
                if (floor(e.getKey(), HOUR_MS) == hour) {
                    parts.add(minuteSummary(e.getValue()));
                }
            }
            p = Periods.rollUp(parts, Periods.MINUTES_PER_HOUR, Periods.VALID_MINUTES_PER_HOUR);
        }
        Periods.addMassFromRate(p, 1.0);
        return p;
    }

    private void emitDay(long day, Collector<EmissionRecord> out) throws Exception {
        long end = nextDayStart(day);
        List<PeriodSummary> dayHours = new ArrayList<>();
        for (Map.Entry<Long, PeriodSummary> e : hours.entries()) {
            if (e.getKey() >= day && e.getKey() < end) {
                dayHours.add(e.getValue());
            }
        }
        WindowStats logger = loggerDays.get(day);
        PeriodSummary p = logger != null ? Periods.fromLogger(logger)
                : Periods.rollUp(dayHours, Periods.HOURS_PER_DAY, Periods.VALID_HOURS_PER_DAY);
        Periods.addMassFromHours(p, dayHours);
        emit(p, Window.DAY.label(), day, (end - day) / (double) HOUR_MS, dayHours, out);
    }

    private void emit(PeriodSummary p, String window, long start, double hours, List<PeriodSummary> dayHours,
            Collector<EmissionRecord> out) {
        EmissionCalculator.records(p, current, window, start).forEach(out::collect);
        CarbonRecord carbon = CarbonCalculator.record(p, current, window, start, hours, dayHours);
        if (carbon != null) {
            carbonOut.emit(carbon);
        }
    }

    /** Where carbon records go: the side output of the current call's context. */
    @FunctionalInterface
    private interface SideOutput {
        void emit(CarbonRecord record);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<EmissionRecord> out) throws Exception {
        current = registry.byMn(ctx.getCurrentKey());
        carbonOut = record -> ctx.output(CARBON, record);
        long last = orMin(lastArrival.value());
        if (timestamp < last + settings.idleTimeoutMs()) {
            long at = last + settings.idleTimeoutMs();
            ctx.timerService().registerProcessingTimeTimer(at);
            idleTimer.update(at);
            return;
        }
        idleTimer.clear();
        flushIdle(out);
    }

    /**
     * The source went quiet: close the minute of its newest reading (later data for it is a late
     * correction), and emit its open hour and day as they stand; they are emitted again when final.
     */
    private void flushIdle(Collector<EmissionRecord> out) throws Exception {
        Long newest = clock.value();
        if (newest == null) {
            return;
        }
        long minuteEnd = floor(newest - 1, MINUTE_MS) + MINUTE_MS;
        advance(minuteEnd, out);
        long hour = floor(newest - 1, HOUR_MS);
        if (hour + HOUR_MS > orMin(closedUpTo.value())) {
            emitHour(hour, out);
            emitDay(dayStart(hour), out);
        }
    }

    private void armIdleTimer(Context ctx) throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        lastArrival.update(now);
        if (idleTimer.value() == null) {
            long at = now + settings.idleTimeoutMs();
            ctx.timerService().registerProcessingTimeTimer(at);
            idleTimer.update(at);
        }
    }

    private DeadLetter deadLetter(DeadLetterReason reason, String detail, SourceReading r, Context ctx) {
        DeadLetter d = DeadLetter.of(reason, detail, r.origin, ReadingPayload.of(r), ctx.timerService().currentProcessingTime());
        d.enterprise = r.enterprise;
        d.source = r.source;
        d.mn = r.mn;
        return d;
    }

    private static boolean isMinuteData(String cn) {
        return Reading.CN_REALTIME.equals(cn) || Reading.CN_MINUTE.equals(cn);
    }

    /** How far a reading moves its source's clock: aggregates cover [DataTime, DataTime + period). */
    private long periodLength(String cn, long start) {
        return switch (cn) {
            case Reading.CN_MINUTE -> MINUTE_MS;
            case Reading.CN_HOUR -> HOUR_MS;
            case Reading.CN_DAY -> nextDayStart(start) - start;
            default -> 0L;
        };
    }

    private static WindowStats statsOf(SourceReading r) {
        WindowStats s = new WindowStats();
        s.add(r);
        return s;
    }

    private static MinuteBucket orNew(MinuteBucket b) {
        return b == null ? new MinuteBucket() : b;
    }

    private static long orMin(Long v) {
        return v == null ? Long.MIN_VALUE / 4 : v;
    }

    private long dayStart(long t) {
        return WindowTimes.dayStart(t, zone);
    }

    private long nextDayStart(long dayStart) {
        return WindowTimes.nextDayStart(dayStart, zone);
    }
}
