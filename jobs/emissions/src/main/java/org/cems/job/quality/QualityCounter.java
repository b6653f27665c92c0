package org.cems.job.quality;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.cems.job.decode.DeadLetter;

/**
 * Counts dead letters per (enterprise, source, reason) and minute of arrival. Counts are emitted
 * shortly after they change, as the minute's running total: the same point is rewritten, so
 * Grafana always reads the latest total without waiting for the minute to end.
 */
public class QualityCounter extends KeyedProcessFunction<Tuple3<String, String, String>, DeadLetter, QualityRecord> {
    private static final long MINUTE_MS = 60_000L;
    /** Emit at most once a second per key, so a burst of bad input writes few points. */
    private static final long EMIT_DELAY_MS = 1_000L;
    /** Minutes older than this are done: their state is dropped. */
    private static final long KEEP_MS = 10 * MINUTE_MS;

    private transient MapState<Long, Long> countByMinute;
    private transient MapState<Long, Long> emittedByMinute;
    private transient ValueState<Long> pendingTimer;

    @Override
    public void open(OpenContext ctx) {
        countByMinute =
                getRuntimeContext().getMapState(new MapStateDescriptor<>("countByMinute", Long.class, Long.class));
        emittedByMinute =
                getRuntimeContext().getMapState(new MapStateDescriptor<>("emittedByMinute", Long.class, Long.class));
        pendingTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("pendingTimer", Long.class));
    }

    @Override
    public void processElement(DeadLetter d, Context ctx, Collector<QualityRecord> out) throws Exception {
        long minute = d.receivedMillis - Math.floorMod(d.receivedMillis, MINUTE_MS);
        Long count = countByMinute.get(minute);
        countByMinute.put(minute, count == null ? d.count : count + d.count);
        long at = ctx.timerService().currentProcessingTime() + EMIT_DELAY_MS;
        Long pending = pendingTimer.value();
        if (pending == null || pending > at) {
            ctx.timerService().registerProcessingTimeTimer(at);
            pendingTimer.update(at);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<QualityRecord> out) throws Exception {
        pendingTimer.clear();
        Tuple3<String, String, String> key = ctx.getCurrentKey();
        List<Long> done = new ArrayList<>();
        for (Iterator<Map.Entry<Long, Long>> it = countByMinute.iterator(); it.hasNext(); ) {
            Map.Entry<Long, Long> e = it.next();
            if (!e.getValue().equals(emittedByMinute.get(e.getKey()))) {
                out.collect(new QualityRecord(key.f0, key.f1, key.f2, e.getKey(), e.getValue()));
                emittedByMinute.put(e.getKey(), e.getValue());
            }
            if (e.getKey() < timestamp - KEEP_MS) {
                done.add(e.getKey());
            }
        }
        for (Long minute : done) {
            countByMinute.remove(minute);
            emittedByMinute.remove(minute);
        }
        if (!countByMinute.isEmpty()) {
            // one more wake-up to drop what is left once it is old; new input re-arms it sooner
            long at = timestamp + KEEP_MS;
            ctx.timerService().registerProcessingTimeTimer(at);
            pendingTimer.update(at);
        }
    }
}
