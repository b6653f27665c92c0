package org.cems.job.rate;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.cems.core.registry.Enterprise;
import org.cems.core.registry.Registry;
import org.cems.core.registry.Source;
import org.cems.core.time.Window;
import org.cems.job.emission.WindowTimes;
import org.cems.job.types.StateKeys;

/**
 * The rates of every registry source, enterprise and the city, per hour and per day (one key: all
 * sources' hours meet here). The city's hours are those any source's windows closed, in event
 * time: an hour one source closed is due from every registry source, so a source that never sent
 * anything (or went silent) appears at 0 % for it, its records due counted from the registry
 * ({@code minute_interval}, else the interval it last sent at, else 1 minute; less its
 * {@code stop_schedule}). A day is the sum of its hours so far: its figures grow as hours close.
 * Every hour a source reports re-writes that source's hour and day at once, and its enterprise's
 * and the city's hour and day at the next flush (every {@link #FLUSH_MS} of processing time: at the
 * close of an hour every source reports it, and the city's figures would otherwise be written once
 * per source). The sources that have not reported an hour {@link #SILENT_AFTER_MS} after it was
 * first seen are written at 0 % then, with their enterprise and the city.
 */
public class DataRates extends KeyedProcessFunction<String, DataRate, DataRate> {
    public static final KeySelector<DataRate, String> ONE_KEY = r -> "city";
    /** Stands for no enterprise or no source in the tags of enterprise and city figures. */
    public static final String NONE = "-";
    /** How long an enterprise's or the city's changed figures wait to be written, at most. */
    static final long FLUSH_MS = 1000;
    /**
     * How long after an hour is first seen its silent sources are written at 0 %. At an hour's close
     * every source reports it within seconds; writing every source at 0 % when the first one did, to
     * replace it a moment later, was half the data-rate points and, at 100,000 sources, 200,000
     * points at once at every hour (docs/benchmark.md).
     */
    static final long SILENT_AFTER_MS = 60_000;

    private static final String ENTERPRISE_HOUR = "eh|";
    private static final String ENTERPRISE_DAY = "ed|";
    private static final String CITY_HOUR = "ch|";
    private static final String CITY_DAY = "cd|";

    private final Registry registry;
    private final String zoneId;
    private final long allowedLatenessMs;
    private transient ZoneId zone;
    /** Source hours by {@code hour|enterprise/source}. */
    private transient MapState<String, DataRate> hours;
    /** Hours any source closed. */
    private transient MapState<Long, Boolean> cityHours;
    /** The interval each source last sent at, by {@code enterprise/source}. */
    private transient MapState<String, Integer> intervals;
    /**
     * Enterprise and city figures changed since the last flush: {@code eh|hour|enterprise},
     * {@code ed|day|enterprise}, {@code ch|hour}, {@code cd|day}. In state, with the flush's timer, so
     * a restore writes what a checkpoint left pending.
     */
    private transient MapState<String, Boolean> pending;
    /** Hours first seen whose silent sources are still to be written, with the processing time when. */
    private transient MapState<Long, Long> silentChecks;
    /**
     * Derived from the state above, not state itself (empty after a restore, summed again when
     * first needed): the hours of {@link #cityHours}; each enterprise's hours as the sum of its
     * registry sources' (by hour, then enterprise) and the city's as the sum of the enterprises'.
     * Without them every reported hour read every source's hour of the day from state. A sum
     * changes by the one source hour that replaces another, and by a source's silent hours when
     * its interval (as {@link ExpectedRecords#interval} reads it) changes.
     */
    private transient TreeSet<Long> knownHours;

    private transient Map<Long, Map<String, DataRate>> enterpriseHourSums;
    private transient Map<Long, DataRate> cityHourSums;
    /** The horizon the source hours were last dropped before: they are all read to find the old ones. */
    private transient Long droppedBefore;
    /** The registry's sources by {@code enterprise/source}: one lookup per record, not a pass. */
    private transient Map<String, Source> sources;

    public DataRates(Registry registry, String zoneId, long allowedLatenessMs) {
        this.registry = registry;
        this.zoneId = zoneId;
        this.allowedLatenessMs = allowedLatenessMs;
    }

    @Override
    public void open(OpenContext ctx) {
        zone = ZoneId.of(zoneId);
        hours = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("sourceHours", Types.STRING, Types.POJO(DataRate.class)));
        cityHours = getRuntimeContext().getMapState(new MapStateDescriptor<>("cityHours", Types.LONG, Types.BOOLEAN));
        intervals = getRuntimeContext().getMapState(new MapStateDescriptor<>("intervals", Types.STRING, Types.INT));
        pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("pendingSums", Types.STRING, Types.BOOLEAN));
        silentChecks =
                getRuntimeContext().getMapState(new MapStateDescriptor<>("silentChecks", Types.LONG, Types.LONG));
        enterpriseHourSums = new HashMap<>();
        cityHourSums = new HashMap<>();
        sources = new HashMap<>();
        for (Enterprise e : registry.enterprises) {
            e.sources.forEach(s -> sources.put(e.id + "/" + s.id, s));
        }
    }

    @Override
    public void processElement(DataRate sourceHour, Context ctx, Collector<DataRate> out) throws Exception {
        long hour = sourceHour.windowStartMillis;
        String enterprise = sourceHour.enterprise;
        Source reporting = source(enterprise, sourceHour.source);
        String sourceKey = enterprise + "/" + sourceHour.source;
        Integer lastInterval = intervals.get(sourceKey);
        boolean silentHoursChange = reporting != null
                && ExpectedRecords.interval(reporting, lastInterval)
                        != ExpectedRecords.interval(reporting, sourceHour.intervalMinutes);
        if (reporting != null) {
            updateSums(enterprise, reporting, sourceHour, lastInterval, silentHoursChange);
        }
        hours.put(hourKey(hour, enterprise, sourceHour.source), sourceHour);
        intervals.put(sourceKey, sourceHour.intervalMinutes);
        boolean newHour = !knownHours().contains(hour);
        if (newHour) {
            cityHours.put(hour, true);
            knownHours.add(hour);
        }
        long day = WindowTimes.dayStart(hour, zone);
        List<Long> dayHours = hoursOf(day);
        out.collect(sourceHour);
        if (silentHoursChange) {
            rewriteSilentHours(enterprise, reporting, dayHours, out);
        }
        out.collect(sourceDay(enterprise, sourceHour.source, day, dayHours));
        if (registry.enterprise(enterprise) != null) {
            markEnterprise(enterprise, hour, day);
        }
        mark(CITY_HOUR, hour, null);
        mark(CITY_DAY, day, null);
        long now = ctx.timerService().currentProcessingTime();
        ctx.timerService().registerProcessingTimeTimer(now - now % FLUSH_MS + FLUSH_MS);
        if (newHour) {
            silentChecks.put(hour, now + SILENT_AFTER_MS);
            ctx.timerService().registerProcessingTimeTimer(now + SILENT_AFTER_MS);
            dropBefore(hour);
        }
    }

    /** Writes the silent sources of the hours due, then the enterprise and city figures that changed since the last flush. */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<DataRate> out) throws Exception {
        List<Long> due = new ArrayList<>();
        for (Map.Entry<Long, Long> check : silentChecks.entries()) {
            if (check.getValue() <= timestamp) {
                due.add(check.getKey());
            }
        }
        for (long hour : due) {
            writeSilentSources(hour, out);
            silentChecks.remove(hour);
        }
        for (String key : pending.keys()) {
            String kind = key.substring(0, 3);
            String rest = key.substring(3);
            int bar = rest.indexOf('|');
            long start = Long.parseLong(bar < 0 ? rest : rest.substring(0, bar));
            Enterprise e = bar < 0 ? null : registry.enterprise(rest.substring(bar + 1));
            switch (kind) {
                case ENTERPRISE_HOUR -> out.collect(enterpriseSum(e, Window.HOUR.label(), start, List.of(start)));
                case ENTERPRISE_DAY -> out.collect(enterpriseSum(e, Window.DAY.label(), start, hoursOf(start)));
                case CITY_HOUR -> out.collect(citySum(Window.HOUR.label(), start, List.of(start)));
                default -> out.collect(citySum(Window.DAY.label(), start, hoursOf(start)));
            }
        }
        pending.clear();
    }

    /** Every registry source that has not reported {@code hour}, at 0 % of what it owes, with its day. */
    private void writeSilentSources(long hour, Collector<DataRate> out) throws Exception {
        long day = WindowTimes.dayStart(hour, zone);
        List<Long> dayHours = hoursOf(day);
        boolean anySilent = false;
        for (Enterprise e : registry.enterprises) {
            boolean silent = false;
            for (Source s : e.sources) {
                if (!hours.contains(hourKey(hour, e.id, s.id))) {
                    out.collect(sourceHour(e.id, s, hour));
                    out.collect(sourceDay(e.id, s.id, day, dayHours));
                    silent = true;
                }
            }
            if (silent) {
                markEnterprise(e.id, hour, day);
                anySilent = true;
            }
        }
        if (anySilent) {
            mark(CITY_HOUR, hour, null);
            mark(CITY_DAY, day, null);
        }
    }

    private void markEnterprise(String enterprise, long hour, long day) throws Exception {
        mark(ENTERPRISE_HOUR, hour, enterprise);
        mark(ENTERPRISE_DAY, day, enterprise);
    }

    /** A figure to write at the next flush: {@code kind + start}, and for an enterprise {@code |enterprise}, as {@link #onTimer} reads it. */
    private void mark(String kind, long start, String enterprise) throws Exception {
        pending.put(enterprise == null ? kind + start : kind + start + "|" + enterprise, true);
    }

    /**
     * Moves the sums summed so far from what the source counted before this hour to what it counts
     * now: the hour itself, and where its interval changed, every hour it sent nothing for (those
     * owe records at the new interval). Runs before the state takes the new hour and interval.
     */
    private void updateSums(
            String enterprise, Source s, DataRate sourceHour, Integer lastInterval, boolean silentHoursChange)
            throws Exception {
        long hour = sourceHour.windowStartMillis;
        Iterable<Long> changed = silentHoursChange ? summedHours() : List.of(hour);
        for (long h : changed) {
            DataRate reported = hours.get(hourKey(h, enterprise, s.id));
            if (h != hour && reported != null) {
                continue;
            }
            DataRate before = reported != null ? reported : silentHour(enterprise, s, h, lastInterval);
            DataRate after = h == hour ? sourceHour : silentHour(enterprise, s, h, sourceHour.intervalMinutes);
            Map<String, DataRate> byEnterprise = enterpriseHourSums.get(h);
            DataRate enterpriseSum = byEnterprise == null ? null : byEnterprise.get(enterprise);
            if (enterpriseSum != null) {
                enterpriseSum.subtract(before);
                enterpriseSum.add(after);
            }
            DataRate citySum = cityHourSums.get(h);
            if (citySum != null) {
                citySum.subtract(before);
                citySum.add(after);
            }
        }
    }

    /** The hours some enterprise or the city has a sum of. */
    private Set<Long> summedHours() {
        Set<Long> summed = new HashSet<>(cityHourSums.keySet());
        summed.addAll(enterpriseHourSums.keySet());
        return summed;
    }

    /**
     * A source's interval changed (its first records after a silence, a logger reconfigured): the
     * hours of the day it sent nothing for owe records at the new interval, and so do their
     * enterprise and city hours.
     */
    private void rewriteSilentHours(String enterprise, Source s, List<Long> dayHours, Collector<DataRate> out)
            throws Exception {
        for (long hour : dayHours) {
            if (!hours.contains(hourKey(hour, enterprise, s.id))) {
                out.collect(sourceHour(enterprise, s, hour));
                mark(ENTERPRISE_HOUR, hour, enterprise);
                mark(CITY_HOUR, hour, null);
            }
        }
    }

    /** The source's hour as it reported it, or, when it sent nothing, at 0 % of what the registry makes due. */
    private DataRate sourceHour(String enterprise, Source s, long hour) throws Exception {
        DataRate reported = hours.get(hourKey(hour, enterprise, s.id));
        if (reported != null) {
            return reported;
        }
        return silentHour(enterprise, s, hour, intervals.get(enterprise + "/" + s.id));
    }

    private static DataRate silentHour(String enterprise, Source s, long hour, Integer lastInterval) {
        DataRate silent = DataRate.of(DataRate.SOURCE, enterprise, s.id, Window.HOUR.label(), hour);
        silent.intervalMinutes = ExpectedRecords.interval(s, lastInterval);
        silent.expected = ExpectedRecords.silentHour(s, hour, lastInterval);
        return silent;
    }

    private DataRate sourceDay(String enterprise, String sourceId, long day, List<Long> dayHours) throws Exception {
        DataRate sum = DataRate.of(DataRate.SOURCE, enterprise, sourceId, Window.DAY.label(), day);
        Source s = source(enterprise, sourceId);
        for (long hour : dayHours) {
            DataRate h = s != null ? sourceHour(enterprise, s, hour) : hours.get(hourKey(hour, enterprise, sourceId));
            if (h != null) {
                sum.add(h);
                sum.intervalMinutes = h.intervalMinutes;
            }
        }
        return sum;
    }

    private DataRate enterpriseSum(Enterprise e, String window, long start, List<Long> periodHours) throws Exception {
        DataRate sum = DataRate.of(DataRate.ENTERPRISE, e.id, NONE, window, start);
        for (long hour : periodHours) {
            sum.add(enterpriseHour(e, hour));
        }
        return sum;
    }

    private DataRate citySum(String window, long start, List<Long> periodHours) throws Exception {
        DataRate sum = DataRate.of(DataRate.CITY, NONE, NONE, window, start);
        for (long hour : periodHours) {
            sum.add(cityHour(hour));
        }
        return sum;
    }

    private DataRate enterpriseHour(Enterprise e, long hour) throws Exception {
        Map<String, DataRate> byEnterprise = enterpriseHourSums.computeIfAbsent(hour, h -> new HashMap<>());
        DataRate sum = byEnterprise.get(e.id);
        if (sum == null) {
            sum = DataRate.of(DataRate.ENTERPRISE, e.id, NONE, Window.HOUR.label(), hour);
            for (Source s : e.sources) {
                sum.add(sourceHour(e.id, s, hour));
            }
            byEnterprise.put(e.id, sum);
        }
        return sum;
    }

    private DataRate cityHour(long hour) throws Exception {
        DataRate sum = cityHourSums.get(hour);
        if (sum == null) {
            sum = DataRate.of(DataRate.CITY, NONE, NONE, Window.HOUR.label(), hour);
            for (Enterprise e : registry.enterprises) {
                sum.add(enterpriseHour(e, hour));
            }
            cityHourSums.put(hour, sum);
        }
        return sum;
    }

    private TreeSet<Long> knownHours() throws Exception {
        if (knownHours == null) {
            knownHours = new TreeSet<>();
            cityHours.keys().forEach(knownHours::add);
        }
        return knownHours;
    }

    /** The hours of the day the city has closed so far. */
    private List<Long> hoursOf(long day) throws Exception {
        return new ArrayList<>(knownHours().subSet(day, WindowTimes.nextDayStart(day, zone)));
    }

    private Source source(String enterprise, String sourceId) {
        return sources.get(enterprise + "/" + sourceId);
    }

    /** Forgets days no correction can reach any more (older than the allowed lateness), once a day. */
    private void dropBefore(long newestHour) throws Exception {
        long horizon = WindowTimes.dayStart(newestHour - allowedLatenessMs, zone);
        if (droppedBefore != null && horizon <= droppedBefore) {
            return;
        }
        droppedBefore = horizon;
        for (Long hour : new ArrayList<>(knownHours().headSet(horizon))) {
            cityHours.remove(hour);
            knownHours.remove(hour);
            cityHourSums.remove(hour);
            enterpriseHourSums.remove(hour);
        }
        StateKeys.removeIf(hours, key -> Long.parseLong(key.substring(0, key.indexOf('|'))) < horizon);
    }

    private static String hourKey(long hour, String enterprise, String source) {
        return hour + "|" + enterprise + "/" + source;
    }
}
