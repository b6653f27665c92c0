package org.cems.job.rollup;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The total of one scope (an enterprise, a park or the city) in one window for one pollutant,
 * keyed by {@link Contribution#windowKey()}: the sum of its stacks' masses. Each stack's latest
 * value for the window replaces its earlier one, so re-emitted (corrected) windows and replays
 * never count twice.
 *
 * <p>Each contribution costs the same however many stacks the scope has: the stack's earlier mass
 * is looked up on its own and the total changes by the difference. (Keyed by scope, with each
 * window's masses in one map, every contribution to the city read and wrote that map whole: the
 * work grew with the square of the number of stacks and one task did all of the city's.) A
 * window's total is emitted at most once per {@link #FLUSH_MS}, not once per contribution.
 */
public class Rollup extends KeyedProcessFunction<String, Contribution, TotalRecord> {
    /** Windows not updated for this long can no longer change (lateness is hours): their state goes. */
    static final long KEEP_MS = 3L * 24 * 3600 * 1000;
    /** Longest a changed total waits before it is emitted. */
    static final long FLUSH_MS = 1000;

    /** Each contributor's (enterprise/source) latest mass in this window. */
    private transient MapState<String, Double> massByContributor;

    private transient ValueState<WindowTotal> total;

    @Override
    public void open(OpenContext ctx) {
        massByContributor = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("massByContributor", Types.STRING, Types.DOUBLE));
        total = getRuntimeContext().getState(new ValueStateDescriptor<>("total", WindowTotal.class));
    }

    @Override
    public void processElement(Contribution c, Context ctx, Collector<TotalRecord> out) throws Exception {
        Double earlierKg = massByContributor.get(c.contributor);
        if (earlierKg != null && earlierKg == c.massKg) {
            return; // a replay: the total is what it was
        }
        massByContributor.put(c.contributor, c.massKg);
        WindowTotal t = total.value();
        long now = ctx.timerService().currentProcessingTime();
        if (t == null) {
            t = WindowTotal.of(c);
            t.cleanupAtMillis = now + KEEP_MS;
            ctx.timerService().registerProcessingTimeTimer(t.cleanupAtMillis);
        }
        if (earlierKg == null) {
            t.sources++;
            t.add(c.massKg);
        } else {
            t.add(c.massKg - earlierKg);
        }
        t.lastUpdateMillis = now;
        if (t.flushAtMillis == 0) {
            t.flushAtMillis = now + FLUSH_MS;
            ctx.timerService().registerProcessingTimeTimer(t.flushAtMillis);
        }
        total.update(t);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<TotalRecord> out) throws Exception {
        WindowTotal t = total.value();
        if (t == null) {
            return;
        }
        if (t.flushAtMillis == timestamp) {
            out.collect(t.record());
            t.flushAtMillis = 0;
        }
        if (t.cleanupAtMillis == timestamp) {
            if (t.lastUpdateMillis + KEEP_MS <= timestamp) {
                massByContributor.clear();
                total.clear();
                return;
            }
            t.cleanupAtMillis = t.lastUpdateMillis + KEEP_MS;
            ctx.timerService().registerProcessingTimeTimer(t.cleanupAtMillis);
        }
        total.update(t);
    }
}
