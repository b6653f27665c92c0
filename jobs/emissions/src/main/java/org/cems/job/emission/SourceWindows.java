package org.cems.job.emission;

import static org.cems.job.emission.WindowTimes.HOUR_MS;
import static org.cems.job.emission.WindowTimes.MINUTE_MS;
import static org.cems.job.emission.WindowTimes.floor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.cems.connector.base.SerializerTypeInfo;
import org.cems.core.deadletter.DeadLetterReason;
import org.cems.core.normalize.Pollutants;
import org.cems.core.normalize.SourceReading;
import org.cems.core.reading.FacilityStatus;
import org.cems.core.reading.Reading;
import org.cems.core.registry.Registry;
import org.cems.core.registry.SourceRef;
import org.cems.core.time.Window;
import org.cems.hj212.ParameterCodes;
import org.cems.job.carbon.CarbonCalculator;
import org.cems.job.carbon.CarbonRecord;
import org.cems.job.decode.DeadLetter;
import org.cems.job.decode.DecodePayloads;
import org.cems.job.decode.ReadingPayload;
import org.cems.job.quality.AccountingNote;
import org.cems.job.types.StateKeys;

/**
 * Minute, hour and day emissions of one monitoring point (keyed by MN), in event time with the
 * point's OWN clock: each MN's windows close when its own readings move past them, so a source
 * that is slow, backfilling or silent never holds back or hurries another's windows. The second
 * input is the station's facility status (CN 2021), keyed by MN too: it corroborates stops.
 *
 * <p>Precedence (one rule): a period the data logger computed itself (2051 minute data at its
 * MinInterval, 2061 hour, 2031 day) is used as sent; otherwise it is derived, minutes from 2011
 * samples, hours from sub-periods by the time they cover, days from hours. Retransmitted readings
 * (same MN, CN, DataTime) count once; readings later than the allowed lateness are dead letters
 * ({@code late}); readings within it correct the closed windows, which are emitted again.
 *
 * <p>Hours with no data at all, once the source's clock passes them, are emitted too (missing:
 * invalid, substituted for accounting, {@link EmissionAccounting}).
 */
public class SourceWindows extends KeyedCoProcessFunction<String, SourceReading, FacilityStatus, EmissionRecord> {
    /** Carbon records (CO2 mass, intensity, coal rate) of the same windows. */
    public static final OutputTag<CarbonRecord> CARBON = new OutputTag<>("carbon") {};
    /** Accounting events counted in {@code quality} (substitutions without history, logger totals that disagree). */
    public static final OutputTag<DeadLetter> QUALITY = new OutputTag<>("accounting-quality") {};
    /** Each minute and hour once per source (the main output has one record per pollutant): data rates, flows. */
    public static final OutputTag<SourcePeriod> PERIODS = new OutputTag<>("source-periods") {};
    /** Each window's records of one source together (minutes, hours and days): the {@code emission} points. */
    public static final OutputTag<SourceWindow> WINDOWS =
            new OutputTag<>("source-window-records", TypeInformation.of(SourceWindow.class));
    /** The longest MinInterval (HJ 212-2017): how far before an hour a record covering part of it may start. */
    private static final long LONGEST_INTERVAL_MS = 30 * MINUTE_MS;

    private final Registry registry;
    private final WindowSettings settings;
    private final ClockJumpGuard clockGuard;
    private final AccountingSettings accountingSettings;
    private transient ZoneId zone;
    /** The source of the key being processed, and where its side outputs go; set where each call enters. */
    private transient SourceRef current;

    private transient SideOutputs side;

    /** The current source's small values, read where each call enters and written where it leaves. */
    private transient SourceProgress progress;

    private transient ValueState<SourceProgress> progressState;
    private transient SourceProgressMigration progressMigration;
    private transient ArrivalClock arrivals;
    private transient MapState<Long, MinuteBucket> minutes;
    private transient MapState<Long, PeriodSummary> hours;
    private transient MapState<Long, WindowStats> loggerHours;
    private transient MapState<Long, WindowStats> loggerDays;
    private transient ValueState<EmissionAccounting> accounting;
    private transient MapState<String, FacilityTimeline> facilities;
    private transient Counter lateReadings;
    private transient Counter duplicateReadings;

    public SourceWindows(Registry registry, WindowSettings settings) {
        this(registry, settings, ClockSettings.defaults(), AccountingSettings.DEFAULTS);
    }

    public SourceWindows(
            Registry registry,
            WindowSettings settings,
            ClockSettings clockSettings,
            AccountingSettings accountingSettings) {
        this.registry = registry;
        this.settings = settings;
        this.clockGuard = new ClockJumpGuard(clockSettings);
        this.accountingSettings = accountingSettings;
    }

    @Override
    public void open(OpenContext ctx) {
        zone = settings.zone();
        progressState = getRuntimeContext()
                .getState(new ValueStateDescriptor<>(
                        "progress", SerializerTypeInfo.of(SourceProgress.class, SourceProgressSerializer.INSTANCE)));
        progressMigration = new SourceProgressMigration(getRuntimeContext());
        arrivals = new ArrivalClock();
        minutes = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>(
                        "minutes",
                        Types.LONG,
                        SerializerTypeInfo.of(MinuteBucket.class, MinuteBucketSerializer.INSTANCE)));
        hours = getRuntimeContext().getMapState(new MapStateDescriptor<>("hours", Long.class, PeriodSummary.class));
        loggerHours =
                getRuntimeContext().getMapState(new MapStateDescriptor<>("loggerHours", Long.class, WindowStats.class));
        loggerDays =
                getRuntimeContext().getMapState(new MapStateDescriptor<>("loggerDays", Long.class, WindowStats.class));
        accounting = getRuntimeContext()
                .getState(new ValueStateDescriptor<>(
                        "accounting",
                        SerializerTypeInfo.of(EmissionAccounting.class, EmissionAccountingSerializer.INSTANCE)));
        facilities = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("facilities", String.class, FacilityTimeline.class));
        lateReadings = getRuntimeContext().getMetricGroup().counter("lateReadings");
        duplicateReadings = getRuntimeContext().getMetricGroup().counter("duplicateReadings");
        clockGuard.open(getRuntimeContext());
    }

    @Override
    public void processElement1(SourceReading r, Context ctx, Collector<EmissionRecord> out) throws Exception {
        enter(r.mn, ctx);
        ClockJumpGuard.Admission admission =
                clockGuard.admit(r, progress, ctx.timerService().currentProcessingTime());
        admission.rejected().forEach(d -> ctx.output(DecodePayloads.DEAD_LETTERS, d));
        for (SourceReading admitted : admission.process()) {
            processAdmitted(admitted, ctx, out);
        }
        progressState.update(progress);
    }

    private void processAdmitted(SourceReading r, Context ctx, Collector<EmissionRecord> out) throws Exception {
        long closed = progress.closedUpToMs;
        if (r.timeMillis < closed - settings.allowedLatenessMs()) {
            lateReadings.inc();
            ctx.output(
                    DecodePayloads.DEAD_LETTERS,
                    deadLetter(
                            DeadLetterReason.LATE,
                            "DataTime " + Instant.ofEpochMilli(r.timeMillis)
                                    + " is more than the allowed lateness behind this source's closed windows ("
                                    + Instant.ofEpochMilli(closed) + ")",
                            r,
                            ctx));
            return;
        }
        if (!record(r)) {
            duplicateReadings.inc();
            ctx.output(
                    DecodePayloads.DEAD_LETTERS,
                    deadLetter(
                            DeadLetterReason.DUPLICATE,
                            "CN " + r.cn + " at " + Instant.ofEpochMilli(r.timeMillis)
                                    + " was already received from this source",
                            r,
                            ctx));
            return;
        }
        if (r.timeMillis < closed) {
            correctClosedWindows(r, closed, out);
        }
        long newClock = Math.max(progress.clockMs, r.timeMillis + periodLength(r.cn, r.timeMillis));
        progress.clockMs = newClock;
        advance(newClock - settings.outOfOrdernessMs(), out);
        armIdleTimer(ctx);
    }

    /**
     * A facility's running status. Production facilities corroborate stops ({@link StopEvidence});
     * a status for time the source's windows have closed (within the allowed lateness) corrects them.
     */
    @Override
    public void processElement2(FacilityStatus f, Context ctx, Collector<EmissionRecord> out) throws Exception {
        enter(f.mn, ctx);
        if (current == null
                || !StopEvidence.productionFacilities(current.source()).contains(f.facility)) {
            return;
        }
        FacilityTimeline timeline = facilities.get(f.facility);
        timeline = timeline == null ? new FacilityTimeline() : timeline;
        timeline.add(f.timeMillis, f.status);
        facilities.put(f.facility, timeline);
        long closed = progress.closedUpToMs;
        if (f.timeMillis < closed && f.timeMillis >= closed - settings.allowedLatenessMs()) {
            correctFrom(f.timeMillis, closed, out);
        }
    }

    /** Sets what the call works on: the source, its progress, where its side outputs go. */
    private void enter(String mn, Context ctx) throws Exception {
        current = registry.byMn(mn);
        progress = progressState.value();
        if (progress == null) {
            progress = progressMigration.load(accounting, clockGuard);
            if (progress.hasClock()) {
                // built from separate states, which the migration cleared: kept now, as a facility
                // status (which writes no progress) may be the call
                progressState.update(progress);
            }
        }
        side = new SideOutputs() {
            @Override
            public void carbon(CarbonRecord record) {
                ctx.output(CARBON, record);
            }

            @Override
            public void period(SourcePeriod period) {
                ctx.output(PERIODS, period);
            }

            @Override
            public void window(SourceWindow window) {
                ctx.output(WINDOWS, window);
            }

            @Override
            public void quality(AccountingNote note, int count, String detail) {
                qualityNote(
                        note, count, detail, ctx.timerService().currentProcessingTime(), d -> ctx.output(QUALITY, d));
            }
        };
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
                progress.interval.observe(minute);
            }
            case Reading.CN_HOUR -> {
                long hour = floor(r.timeMillis, HOUR_MS);
                if (loggerHours.contains(hour)) {
                    return false;
                }
                loggerHours.put(hour, statsOf(r));
                progress.holdsLoggerHours = true;
            }
            default -> {
                long day = dayStart(r.timeMillis);
                if (loggerDays.contains(day)) {
                    return false;
                }
                loggerDays.put(day, statsOf(r));
                progress.holdsLoggerDays = true;
            }
        }
        long hour = floor(r.timeMillis, HOUR_MS);
        if (hour < progress.firstDataHourMs) {
            progress.firstDataHourMs = hour;
            EmissionAccounting a = orNew(accounting.value());
            a.sawDataAt(hour);
            accounting.update(a);
        }
        return true;
    }

    /** A late reading changed a closed window: emit it, and the closed hours and day above it, again. */
    private void correctClosedWindows(SourceReading r, long closed, Collector<EmissionRecord> out) throws Exception {
        long minute = floor(r.timeMillis, MINUTE_MS);
        if (isMinuteData(r.cn) && minute + Math.max(periodLength(r.cn, minute), MINUTE_MS) <= closed) {
            emitMinute(minute, out);
        }
        if (!Reading.CN_DAY.equals(r.cn)) {
            long last = r.timeMillis + Math.max(periodLength(r.cn, r.timeMillis), 1) - 1;
            for (long hour = floor(r.timeMillis, HOUR_MS); hour <= last; hour += HOUR_MS) {
                if (hour + HOUR_MS <= closed) {
                    emitHour(hour, Emission.CORRECTION, out);
                }
            }
        }
        long day = dayStart(r.timeMillis);
        if (nextDayStart(day) <= closed) {
            emitDay(day, Emission.CORRECTION, out);
        }
    }

    /** A facility status changed what was stopped from {@code from} on: emit the closed windows after it again. */
    private void correctFrom(long from, long closed, Collector<EmissionRecord> out) throws Exception {
        for (Map.Entry<Long, MinuteBucket> e : minutes.entries()) {
            long end = e.getKey() + durationMs(e.getValue());
            if (end > from && end <= closed) {
                emitMinute(e.getKey(), e.getValue(), out);
            }
        }
        Set<Long> days = new TreeSet<>();
        for (long hour = floor(from, HOUR_MS); hour + HOUR_MS <= closed; hour += HOUR_MS) {
            if (hours.contains(hour)) {
                emitHour(hour, Emission.CORRECTION, out);
                days.add(dayStart(hour));
            }
        }
        for (long day : days) {
            if (nextDayStart(day) <= closed) {
                emitDay(day, Emission.CORRECTION, out);
            }
        }
    }

    /** Moves this source's watermark: closes and emits the minutes, hours and days it passes. */
    private void advance(long watermark, Collector<EmissionRecord> out) throws Exception {
        long closed = progress.closedUpToMs;
        if (watermark <= closed) {
            return;
        }
        progress.closedUpToMs = watermark;
        if (floor(watermark, MINUTE_MS) == floor(closed, MINUTE_MS)) {
            return;
        }
        Set<Long> hoursWithData = new HashSet<>();
        List<Long> expired = new ArrayList<>();
        long maxDurationMs = Math.max(MINUTE_MS, intervalMinutes() * MINUTE_MS);
        for (Map.Entry<Long, MinuteBucket> e : minutes.entries()) {
            long minute = e.getKey();
            long minuteHour = floor(minute, HOUR_MS);
            boolean mayClose = minute + maxDurationMs > closed && minute + MINUTE_MS <= watermark;
            if (!mayClose && floor(minute + maxDurationMs - 1, HOUR_MS) == minuteHour) {
                // ends within its hour and not in (closed, watermark]: the key alone decides, and
                // the bucket is not read (on RocksDB reading it is deserialising it)
                hoursWithData.add(minuteHour);
                if (minuteHour + HOUR_MS < watermark - settings.allowedLatenessMs()) {
                    expired.add(minute);
                }
                continue;
            }
            long end = minute + durationMs(e.getValue());
            if (end > closed && end <= watermark) {
                emitMinute(minute, e.getValue(), out);
            }
            for (long hour = floor(minute, HOUR_MS); hour < end; hour += HOUR_MS) {
                hoursWithData.add(hour);
            }
            if (floor(end - 1, HOUR_MS) + HOUR_MS < watermark - settings.allowedLatenessMs()) {
                expired.add(minute);
            }
        }
        if (progress.holdsLoggerHours) {
            for (Long hour : loggerHours.keys()) {
                hoursWithData.add(hour);
            }
        }
        Set<Long> closedDays = new TreeSet<>();
        closeHours(closed, watermark, hoursWithData, closedDays, out);
        if (progress.holdsLoggerDays) {
            for (Long day : loggerDays.keys()) {
                long dayEnd = nextDayStart(day);
                if (dayEnd > closed && dayEnd <= watermark) {
                    closedDays.add(day);
                }
            }
        }
        for (Long day : closedDays) {
            emitDay(day, Emission.CLOSE, out);
        }
        for (Long minute : expired) {
            minutes.remove(minute);
        }
        long horizon = floor(watermark - settings.allowedLatenessMs(), HOUR_MS);
        if (horizon > floor(closed - settings.allowedLatenessMs(), HOUR_MS)) {
            dropExpiredPeriods(horizon);
        }
    }

    /**
     * Closes, in time order, every hour the watermark passed since the source's data began: with
     * data, or missing (none at all: emitted invalid, and substituted). Hours a logger's day record
     * (2031) covers are not missing; missing hours of a silence longer than {@code max_gap} are
     * counted, not emitted.
     */
    private void closeHours(
            long closed, long watermark, Set<Long> hoursWithData, Set<Long> closedDays, Collector<EmissionRecord> out)
            throws Exception {
        long oldestMissing = floor(watermark, HOUR_MS) - accountingSettings.maxGapHours() * HOUR_MS;
        long notAccounted = 0;
        long first = Math.max(floor(closed, HOUR_MS), progress.firstDataHourMs);
        for (long hour = first; hour + HOUR_MS <= watermark; hour += HOUR_MS) {
            if (!hoursWithData.contains(hour)) {
                if (progress.holdsLoggerDays && loggerDays.contains(dayStart(hour))) {
                    continue;
                }
                if (hour < oldestMissing) {
                    notAccounted++;
                    continue;
                }
            }
            emitHour(hour, Emission.CLOSE, out);
            long day = dayStart(hour);
            long dayEnd = nextDayStart(day);
            if (dayEnd > closed && dayEnd <= watermark) {
                closedDays.add(day);
            }
        }
        if (notAccounted > 0) {
            side.quality(
                    AccountingNote.GAP_NOT_ACCOUNTED,
                    1,
                    notAccounted + " missing hours before " + Instant.ofEpochMilli(oldestMissing)
                            + " are not emitted (accounting.max_gap)");
        }
    }

    /**
     * Hours (and the logger's own periods, facility reports) that no reading may change any more
     * leave the state. Once an hour: each call iterates the hours, the facility reports and the
     * logger's periods where it has any, and what expires expires by days (hours go with their day).
     *
     * @param horizon the hour the allowed lateness reaches back to: a reading before it is late
     */
    private void dropExpiredPeriods(long horizon) throws Exception {
        List<Long> expiredHours = StateKeys.removeIf(hours, hour -> nextDayStart(dayStart(hour)) < horizon);
        if (progress.holdsLoggerHours) {
            for (Long hour : expiredHours) {
                loggerHours.remove(hour);
            }
            progress.holdsLoggerHours = loggerHours.keys().iterator().hasNext();
        }
        if (progress.holdsLoggerDays) {
            StateKeys.removeIf(loggerDays, day -> nextDayStart(day) < horizon);
            progress.holdsLoggerDays = loggerDays.keys().iterator().hasNext();
        }
        for (Map.Entry<String, FacilityTimeline> e : facilities.entries()) {
            int before = e.getValue().times.length;
            e.getValue().dropBefore(horizon - HOUR_MS);
            if (e.getValue().times.length != before) {
                facilities.put(e.getKey(), e.getValue());
            }
        }
    }

    private void emitMinute(long minute, Collector<EmissionRecord> out) throws Exception {
        MinuteBucket bucket = minutes.get(minute);
        if (bucket != null) {
            emitMinute(minute, bucket, out);
        }
    }

    private void emitMinute(long minute, MinuteBucket bucket, Collector<EmissionRecord> out) throws Exception {
        SubPeriod s = subPeriod(minute, bucket, stopEvidence());
        emit(
                s.summary(),
                Window.MINUTE.label(),
                minute,
                s.minutes() / (double) Periods.MINUTES_PER_HOUR,
                null,
                s.minutes(),
                out);
    }

    /** What one minute bucket holds as a sub-period: the logger's record over its interval, else the real-time minute. */
    private SubPeriod subPeriod(long start, MinuteBucket bucket, StopEvidence evidence) throws Exception {
        boolean logger = bucket.logger != null;
        WindowStats stats = logger ? bucket.logger : bucket.realtime;
        int length = logger ? intervalMinutes() : 1;
        PeriodSummary p = logger ? Periods.fromLogger(stats) : Periods.minute(stats, settings.minSamplesPerMinute());
        boolean stopped = evidence.sourceStopped(stats, start);
        if (stopped) {
            Periods.markStopped(p);
        } else {
            Periods.addMassFromRate(p, length / (double) Periods.MINUTES_PER_HOUR);
        }
        useLoggerTotals(p, null);
        return new SubPeriod(start, length, logger, stopped, p);
    }

    private void emitHour(long hour, Emission kind, Collector<EmissionRecord> out) throws Exception {
        PeriodSummary p = hourSummary(hour);
        useLoggerTotals(p, kind == Emission.CLOSE ? Instant.ofEpochMilli(hour) : null);
        EmissionAccounting a = orNew(accounting.value());
        long quarter = quarterStart(hour);
        if (kind == Emission.CLOSE) {
            // one note per reason with its pollutants' count: at S = 100,000 a first hour's close
            // sent three notes a source, each a keyed record and state update in quality-counts
            Map<AccountingNote, Integer> notes = new EnumMap<>(AccountingNote.class);
            for (AccountingNote note : a.close(p, quarter, accountingSettings)) {
                notes.merge(note, 1, Integer::sum);
            }
            notes.forEach((note, pollutants) -> side.quality(
                    note, pollutants, "hour " + Instant.ofEpochMilli(hour) + ": " + pollutants + " substituted"));
            accounting.update(a);
        } else {
            a.provisional(p, quarter, accountingSettings, hours.get(hour));
        }
        hours.put(hour, p);
        emit(p, Window.HOUR.label(), hour, 1.0, null, null, out);
    }

    private PeriodSummary hourSummary(long hour) throws Exception {
        StopEvidence evidence = stopEvidence();
        WindowStats logger = progress.holdsLoggerHours ? loggerHours.get(hour) : null;
        List<SubPeriod> parts = new ArrayList<>();
        if (logger != null) {
            PeriodSummary p = Periods.fromLogger(logger);
            boolean stopped = evidence.sourceStopped(logger, hour);
            if (stopped) {
                Periods.markStopped(p);
            }
            parts.add(new SubPeriod(hour, Periods.MINUTES_PER_HOUR, true, stopped, p));
        } else {
            for (Map.Entry<Long, MinuteBucket> e : minutes.entries()) {
                long start = e.getKey();
                if (start >= hour - LONGEST_INTERVAL_MS
                        && start < hour + HOUR_MS
                        && start + durationMs(e.getValue()) > hour) {
                    parts.add(subPeriod(start, e.getValue(), evidence));
                }
            }
        }
        return Periods.hour(hour, parts, evidence);
    }

    private void emitDay(long day, Emission kind, Collector<EmissionRecord> out) throws Exception {
        long end = nextDayStart(day);
        List<PeriodSummary> dayHours = new ArrayList<>();
        for (Map.Entry<Long, PeriodSummary> e : hours.entries()) {
            if (e.getKey() >= day && e.getKey() < end) {
                dayHours.add(e.getValue());
            }
        }
        WindowStats logger = progress.holdsLoggerDays ? loggerDays.get(day) : null;
        PeriodSummary p = logger != null ? Periods.fromLogger(logger) : Periods.day(dayHours);
        Periods.addMassFromHours(p, dayHours);
        useLoggerTotals(p, kind == Emission.CLOSE ? Instant.ofEpochMilli(day) : null);
        addAccountedFromHours(p, dayHours);
        emit(p, Window.DAY.label(), day, (end - day) / (double) HOUR_MS, dayHours, null, out);
    }

    /**
     * A day's accounted mass is the sum of its hours' (so hourly and daily totals agree); a day
     * the job has no hours of (sent only as CN 2031) counts its measured or logger mass.
     */
    private static void addAccountedFromHours(PeriodSummary day, List<PeriodSummary> dayHours) {
        if (dayHours.isEmpty()) {
            day.byCode.forEach((code, c) -> c.accountedKg = Pollutants.isPollutant(code) ? c.massKg : null);
            return;
        }
        for (PeriodSummary hour : dayHours) {
            for (Map.Entry<String, CodeSummary> e : hour.byCode.entrySet()) {
                CodeSummary h = e.getValue();
                if (!Pollutants.isPollutant(e.getKey()) || h.accountedKg == null) {
                    continue;
                }
                CodeSummary c = day.byCode.computeIfAbsent(e.getKey(), k -> new CodeSummary());
                c.accountedKg = (c.accountedKg == null ? 0 : c.accountedKg) + h.accountedKg;
                c.substituted |= h.substituted;
            }
        }
    }

    /**
     * HJ 212-2017 {@code -Cou}: where the job cannot compute a period's mass (no flow, or a day sent
     * only as 2031) the logger's total is the mass; where both exist and differ by more than the
     * tolerance, it is counted ({@code logger_total_mismatch}) when {@code countAt} names the period.
     */
    private void useLoggerTotals(PeriodSummary p, Instant countAt) {
        for (Map.Entry<String, CodeSummary> e : p.byCode.entrySet()) {
            CodeSummary c = e.getValue();
            if (c.loggerKg == null || !Pollutants.isPollutant(e.getKey())) {
                continue;
            }
            if (c.massKg == null) {
                c.massKg = c.loggerKg;
            } else if (countAt != null
                    && Math.abs(c.massKg - c.loggerKg)
                            > accountingSettings.loggerTolerancePct()
                                    / 100.0
                                    * Math.max(Math.abs(c.massKg), Math.abs(c.loggerKg))) {
                side.quality(
                        AccountingNote.LOGGER_TOTAL_MISMATCH,
                        1,
                        e.getKey() + " at " + countAt + ": computed " + c.massKg + " kg, logger " + c.loggerKg + " kg");
            }
        }
    }

    private void emit(
            PeriodSummary p,
            String window,
            long start,
            double hours,
            List<PeriodSummary> dayHours,
            Integer durationMinutes,
            Collector<EmissionRecord> out) {
        List<EmissionRecord> records = EmissionCalculator.records(p, current, window, start);
        for (EmissionRecord r : records) {
            r.durationMinutes = durationMinutes;
            out.collect(r);
        }
        if (!records.isEmpty() && !Window.DAY.is(window)) {
            side.period(SourcePeriod.of(records, p.mean(ParameterCodes.FLOW)));
        }
        CarbonRecord carbon = CarbonCalculator.record(p, current, window, start, hours, dayHours);
        if (carbon != null) {
            side.carbon(carbon);
        }
        if (!records.isEmpty() || carbon != null) {
            side.window(new SourceWindow(records, carbon));
        }
    }

    /** How an hour or day is emitted: at its first close (accounting records it), or again. */
    private enum Emission {
        CLOSE,
        CORRECTION,
        PROVISIONAL
    }

    /** Where side outputs go: those of the current call's context. */
    private interface SideOutputs {
        void carbon(CarbonRecord record);

        void period(SourcePeriod period);

        void window(SourceWindow window);

        /** {@code count} events of one reason, counted in {@code quality} as that many. */
        void quality(AccountingNote note, int count, String detail);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<EmissionRecord> out) throws Exception {
        enter(ctx.getCurrentKey(), ctx);
        Long arrivalNow = arrivals.now(timestamp, settings.idleTimeoutMs());
        long silentMs = arrivalNow == null ? 0 : arrivalNow - progress.lastArrivalMs;
        if (silentMs < settings.idleTimeoutMs()) {
            long at = timestamp + settings.idleTimeoutMs() - silentMs;
            ctx.timerService().registerProcessingTimeTimer(at);
            progress.idleTimerMs = at;
        } else {
            progress.idleTimerMs = SourceProgress.LONG_AGO;
            flushIdle(out);
        }
        progressState.update(progress);
    }

    /**
     * The source went quiet: close the minute of its newest reading (later data for it is a late
     * correction), and emit its open hour and day as they stand; they are emitted again when final.
     */
    private void flushIdle(Collector<EmissionRecord> out) throws Exception {
        if (!progress.hasClock()) {
            return;
        }
        long newest = progress.clockMs;
        long minuteEnd = floor(newest - 1, MINUTE_MS) + MINUTE_MS;
        advance(minuteEnd, out);
        long hour = floor(newest - 1, HOUR_MS);
        if (hour + HOUR_MS > progress.closedUpToMs) {
            emitHour(hour, Emission.PROVISIONAL, out);
            emitDay(dayStart(hour), Emission.PROVISIONAL, out);
        }
    }

    private void armIdleTimer(Context ctx) throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        long arrival = ctx.timestamp() == null ? now : ctx.timestamp();
        arrivals.read(arrival, now);
        progress.lastArrivalMs = arrival;
        if (progress.idleTimerMs == SourceProgress.LONG_AGO) {
            long at = now + settings.idleTimeoutMs();
            ctx.timerService().registerProcessingTimeTimer(at);
            progress.idleTimerMs = at;
        }
    }

    private StopEvidence stopEvidence() throws Exception {
        List<FacilityTimeline> production = new ArrayList<>();
        for (String facility : StopEvidence.productionFacilities(current.source())) {
            production.add(facilities.get(facility));
        }
        return new StopEvidence(current.source(), accountingSettings.stop(), production);
    }

    private int intervalMinutes() throws Exception {
        return progress.interval.minutes(current.source().minuteInterval);
    }

    /** How long a bucket's sub-period covers: the logger's interval, or a real-time minute. */
    private long durationMs(MinuteBucket bucket) throws Exception {
        return bucket.logger != null ? intervalMinutes() * MINUTE_MS : MINUTE_MS;
    }

    private void qualityNote(
            AccountingNote note, int count, String detail, long nowMillis, java.util.function.Consumer<DeadLetter> to) {
        DeadLetter d =
                DeadLetter.of(note, detail, "source-windows", detail.getBytes(StandardCharsets.UTF_8), nowMillis);
        d.count = count;
        if (current != null) {
            d.enterprise = current.enterprise().id;
            d.source = current.source().id;
            d.mn = current.source().mn;
        }
        to.accept(d);
    }

    private DeadLetter deadLetter(DeadLetterReason reason, String detail, SourceReading r, Context ctx) {
        DeadLetter d = DeadLetter.of(
                reason,
                detail,
                r.origin,
                ReadingPayload.of(r),
                ctx.timerService().currentProcessingTime());
        d.enterprise = r.enterprise;
        d.source = r.source;
        d.mn = r.mn;
        return d;
    }

    private static boolean isMinuteData(String cn) {
        return Reading.CN_REALTIME.equals(cn) || Reading.CN_MINUTE.equals(cn);
    }

    /** How far a reading moves its source's clock: aggregates cover [DataTime, DataTime + period). */
    private long periodLength(String cn, long start) throws Exception {
        return switch (cn) {
            case Reading.CN_MINUTE -> intervalMinutes() * MINUTE_MS;
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

    private static EmissionAccounting orNew(EmissionAccounting a) {
        return a == null ? new EmissionAccounting() : a;
    }

    private long dayStart(long t) {
        return WindowTimes.dayStart(t, zone);
    }

    private long nextDayStart(long dayStart) {
        return WindowTimes.nextDayStart(dayStart, zone);
    }

    /** Start of the calendar quarter holding {@code t}: α is the capture rate of the quarter (HJ 75-2017). */
    private long quarterStart(long t) {
        LocalDate d = Instant.ofEpochMilli(t).atZone(zone).toLocalDate();
        return d.withDayOfMonth(1)
                .withMonth((d.getMonthValue() - 1) / 3 * 3 + 1)
                .atStartOfDay(zone)
                .toInstant()
                .toEpochMilli();
    }
}
