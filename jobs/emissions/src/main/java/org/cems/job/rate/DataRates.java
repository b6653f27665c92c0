package org.cems.job.rate;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * The rates of every registry source, enterprise and the city, per hour and per day (one key: all
 * sources' hours meet here). The city's hours are those any source's windows closed, in event
 * time: an hour one source closed is due from every registry source, so a source that never sent
 * anything (or went silent) appears at 0 % for it, its records due counted from the registry
 * ({@code minute_interval}, else the interval it last sent at, else 1 minute; less its
 * {@code stop_schedule}). A day is the sum of its hours so far: its figures grow as hours close.
 * Every hour a source reports re-writes that source's hour and day and its enterprise's and the
 * city's; an hour first seen also writes every silent source at 0 %.
 */
public class DataRates extends KeyedProcessFunction<String, DataRate, DataRate> {
    public static final KeySelector<DataRate, String> ONE_KEY = r -> "city";
    /** Stands for no enterprise or no source in the tags of enterprise and city figures. */
    public static final String NONE = "-";

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
     * The city's hours as the sum of every registry source's hour, by hour: derived from the state
     * above, not state itself (empty after a restore, summed again when first needed). Without it
     * each reported hour read every source's hour of the day from state, twice. There is one key,
     * so one map. An hour's sum changes by the one source hour that replaces another; a registry
     * source's new interval (as {@link ExpectedRecords#interval} reads it) changes its silent
     * hours, and every sum is summed again.
     */
    private transient Map<Long, DataRate> cityHourSums;
    /** The registry's enterprises by id, and sources by {@code enterprise/source}: one lookup per record, not a pass. */
    private transient Map<String, Enterprise> enterprises;

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
        cityHourSums = new HashMap<>();
        enterprises = new HashMap<>();
        sources = new HashMap<>();
        for (Enterprise e : registry.enterprises) {
            enterprises.put(e.id, e);
            e.sources.forEach(s -> sources.put(e.id + "/" + s.id, s));
        }
    }

    @Override
    public void processElement(DataRate sourceHour, Context ctx, Collector<DataRate> out) throws Exception {
        long hour = sourceHour.windowStartMillis;
        Source reporting = source(sourceHour.enterprise, sourceHour.source);
        DataRate replaced = reporting != null && cityHourSums.containsKey(hour)
                ? sourceHour(sourceHour.enterprise, reporting, hour)
                : null;
        hours.put(hourKey(hour, sourceHour.enterprise, sourceHour.source), sourceHour);
        String sourceKey = sourceHour.enterprise + "/" + sourceHour.source;
        Integer lastInterval = intervals.get(sourceKey);
        intervals.put(sourceKey, sourceHour.intervalMinutes);
        boolean silentHoursChange = reporting != null
                && ExpectedRecords.interval(reporting, lastInterval)
                        != ExpectedRecords.interval(reporting, sourceHour.intervalMinutes);
        if (silentHoursChange) {
            cityHourSums.clear();
        } else if (replaced != null) {
            DataRate sum = cityHourSums.get(hour);
            sum.subtract(replaced);
            sum.add(sourceHour);
        }
        boolean newHour = !cityHours.contains(hour);
        cityHours.put(hour, true);
        long day = WindowTimes.dayStart(hour, zone);
        List<Long> dayHours = hoursOf(day);
        out.collect(sourceHour);
        if (silentHoursChange) {
            rewriteSilentHours(sourceHour.enterprise, reporting, dayHours, out);
        }
        out.collect(sourceDay(sourceHour.enterprise, sourceHour.source, day, dayHours));
        if (newHour) {
            for (Enterprise e : registry.enterprises) {
                for (Source s : e.sources) {
                    if (!hours.contains(hourKey(hour, e.id, s.id))) {
                        out.collect(sourceHour(e.id, s, hour));
                        out.collect(sourceDay(e.id, s.id, day, dayHours));
                    }
                }
                out.collect(enterprise(e, Window.HOUR.label(), hour, List.of(hour)));
                out.collect(enterprise(e, Window.DAY.label(), day, dayHours));
            }
        } else {
            Enterprise e = enterprises.get(sourceHour.enterprise);
            if (e != null) {
                out.collect(enterprise(e, Window.HOUR.label(), hour, List.of(hour)));
                out.collect(enterprise(e, Window.DAY.label(), day, dayHours));
            }
        }
        out.collect(city(Window.HOUR.label(), hour, List.of(hour)));
        out.collect(city(Window.DAY.label(), day, dayHours));
        if (newHour) {
            dropBefore(hour);
        }
    }

    /**
     * A source's interval changed (its first records after a silence, a logger reconfigured): the
     * hours of the day it sent nothing for owe records at the new interval, and so do their
     * enterprise and city hours.
     */
    private void rewriteSilentHours(String enterprise, Source s, List<Long> dayHours, Collector<DataRate> out)
            throws Exception {
        Enterprise e = enterprises.get(enterprise);
        for (long hour : dayHours) {
            if (!hours.contains(hourKey(hour, enterprise, s.id))) {
                out.collect(sourceHour(enterprise, s, hour));
                out.collect(enterprise(e, Window.HOUR.label(), hour, List.of(hour)));
                out.collect(city(Window.HOUR.label(), hour, List.of(hour)));
            }
        }
    }

    /** The source's hour as it reported it, or, when it sent nothing, at 0 % of what the registry makes due. */
    private DataRate sourceHour(String enterprise, Source s, long hour) throws Exception {
        DataRate reported = hours.get(hourKey(hour, enterprise, s.id));
        if (reported != null) {
            return reported;
        }
        DataRate silent = DataRate.of(DataRate.SOURCE, enterprise, s.id, Window.HOUR.label(), hour);
        Integer last = intervals.get(enterprise + "/" + s.id);
        silent.intervalMinutes = ExpectedRecords.interval(s, last);
        silent.expected = ExpectedRecords.silentHour(s, hour, last);
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

    private DataRate enterprise(Enterprise e, String window, long start, List<Long> periodHours) throws Exception {
        DataRate sum = DataRate.of(DataRate.ENTERPRISE, e.id, NONE, window, start);
        addSources(sum, e, periodHours);
        return sum;
    }

    private DataRate city(String window, long start, List<Long> periodHours) throws Exception {
        DataRate sum = DataRate.of(DataRate.CITY, NONE, NONE, window, start);
        for (long hour : periodHours) {
            sum.add(cityHour(hour));
        }
        return sum;
    }

    private DataRate cityHour(long hour) throws Exception {
        DataRate sum = cityHourSums.get(hour);
        if (sum == null) {
            sum = DataRate.of(DataRate.CITY, NONE, NONE, Window.HOUR.label(), hour);
            for (Enterprise e : registry.enterprises) {
                addSources(sum, e, List.of(hour));
            }
            cityHourSums.put(hour, sum);
        }
        return sum;
    }

    private void addSources(DataRate sum, Enterprise e, List<Long> periodHours) throws Exception {
        for (Source s : e.sources) {
            for (long hour : periodHours) {
                sum.add(sourceHour(e.id, s, hour));
            }
        }
    }

    /** The hours of the day the city has closed so far. */
    private List<Long> hoursOf(long day) throws Exception {
        long end = WindowTimes.nextDayStart(day, zone);
        TreeSet<Long> in = new TreeSet<>();
        for (Long hour : cityHours.keys()) {
            if (hour >= day && hour < end) {
                in.add(hour);
            }
        }
        return new ArrayList<>(in);
    }

    private Source source(String enterprise, String sourceId) {
        return sources.get(enterprise + "/" + sourceId);
    }

    /** Forgets days no correction can reach any more (older than the allowed lateness). */
    private void dropBefore(long newestHour) throws Exception {
        long horizon = WindowTimes.dayStart(newestHour - allowedLatenessMs, zone);
        List<Long> gone = new ArrayList<>();
        for (Long hour : cityHours.keys()) {
            if (hour < horizon) {
                gone.add(hour);
            }
        }
        for (Long hour : gone) {
            cityHours.remove(hour);
            cityHourSums.remove(hour);
        }
        List<String> goneKeys = new ArrayList<>();
        for (String key : hours.keys()) {
            if (Long.parseLong(key.substring(0, key.indexOf('|'))) < horizon) {
                goneKeys.add(key);
            }
        }
        for (String key : goneKeys) {
            hours.remove(key);
        }
    }

    private static String hourKey(long hour, String enterprise, String source) {
        return hour + "|" + enterprise + "/" + source;
    }
}
