package org.cems.job.rate;

import static org.cems.job.emission.WindowTimes.HOUR_MS;

import java.time.ZoneId;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.cems.connector.base.SerializerTypeInfo;
import org.cems.core.time.Window;
import org.cems.job.emission.SourcePeriod;
import org.cems.job.emission.WindowTimes;
import org.cems.job.types.StateKeys;

/**
 * Each hour of one source (keyed by enterprise/source): its records expected, received and valid,
 * from the windows' sub-periods ({@code 1m} {@link SourcePeriod}s: one per record at the source's
 * interval, learned or from the registry) and the hour's stopped minutes ({@code 1h} period). An
 * hour is counted when the windows emit it, and again (only if its counts changed) when a late
 * record or facility status corrects it.
 */
public class SourceRecordCounts extends KeyedProcessFunction<String, SourcePeriod, DataRate> {
    /** Hours sent as hour data alone (HJ 212 CN 2061): one record an hour. */
    static final int HOUR_RECORD_MINUTES = 60;

    private final String zoneId;
    private final long allowedLatenessMs;
    private transient ZoneId zone;
    private transient MapState<Long, SubPeriodMark> marks;
    private transient MapState<Long, DataRate> emitted;
    private transient ValueState<Integer> lastInterval;

    public SourceRecordCounts(String zoneId, long allowedLatenessMs) {
        this.zoneId = zoneId;
        this.allowedLatenessMs = allowedLatenessMs;
    }

    @Override
    public void open(OpenContext ctx) {
        zone = ZoneId.of(zoneId);
        marks = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>(
                        "subPeriods",
                        Types.LONG,
                        SerializerTypeInfo.of(SubPeriodMark.class, SubPeriodMarkSerializer.INSTANCE)));
        emitted = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("emittedHours", Types.LONG, Types.POJO(DataRate.class)));
        lastInterval = getRuntimeContext().getState(new ValueStateDescriptor<>("lastInterval", Types.INT));
    }

    @Override
    public void processElement(SourcePeriod p, Context ctx, Collector<DataRate> out) throws Exception {
        if (Window.MINUTE.is(p.window)) {
            // a corrected sub-period is emitted again whole: its mark replaces the earlier one
            SubPeriodMark mark = new SubPeriodMark();
            mark.minutes = p.durationMinutes == null ? 1 : p.durationMinutes;
            mark.stopped = p.stoppedCount > 0;
            mark.invalidPollutants = p.invalidPollutants;
            marks.put(p.windowStartMillis, mark);
            lastInterval.update(mark.minutes);
            return;
        }
        DataRate hour = countHour(p);
        if (!hour.sameCounts(emitted.get(p.windowStartMillis))) {
            emitted.put(p.windowStartMillis, hour);
            out.collect(hour);
        }
        dropBefore(p.windowStartMillis);
    }

    private DataRate countHour(SourcePeriod h) throws Exception {
        long start = h.windowStartMillis;
        int interval = 0;
        long received = 0;
        long valid = 0;
        for (Map.Entry<Long, SubPeriodMark> e : marks.entries()) {
            if (e.getKey() < start || e.getKey() >= start + HOUR_MS) {
                continue;
            }
            SubPeriodMark m = e.getValue();
            interval = Math.max(interval, m.minutes);
            if (!m.stopped) {
                received++;
                valid += m.valid() ? 1 : 0;
            }
        }
        if (interval == 0 && h.fromLogger) {
            interval = HOUR_RECORD_MINUTES;
            received = 1;
            valid = h.valid() ? 1 : 0;
            lastInterval.update(interval);
        }
        if (interval == 0) {
            Integer last = lastInterval.value();
            interval = last == null ? 1 : last;
        }
        DataRate rate = DataRate.of(DataRate.SOURCE, h.enterprise, h.source, Window.HOUR.label(), start);
        rate.intervalMinutes = interval;
        rate.expected = ExpectedRecords.perHour(interval, h.stoppedCount);
        rate.received = Math.min(received, rate.expected);
        rate.valid = Math.min(valid, rate.received);
        return rate;
    }

    /** Forgets what the windows can no longer correct: whole days older than the allowed lateness, as the windows keep them. */
    private void dropBefore(long hourStart) throws Exception {
        long horizon = WindowTimes.dayStart(hourStart - allowedLatenessMs, zone);
        StateKeys.removeIf(marks, start -> start < horizon);
        StateKeys.removeIf(emitted, start -> start < horizon);
    }
}
