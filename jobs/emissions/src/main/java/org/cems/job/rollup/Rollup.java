package org.cems.job.rollup;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The total of one scope (an enterprise, a park or the city) in one window for one pollutant,
 * keyed by {@link Contribution#windowKey()}: the sum of its stacks' masses, from their changes
 * ({@link Contributions} keeps each stack's latest mass, so corrected windows and replays never
 * count twice). Each change costs one read and one write of the total however many stacks the
 * scope has, and as {@link ContributionSums} merges the changes for {@link #FLUSH_MS} before they
 * come, a window's total is emitted at most once per flush of each upstream task.
 */
public class Rollup extends KeyedProcessFunction<String, Contribution, TotalRecord> {
    /** Windows not updated for this long can no longer change (lateness is hours): their state goes. */
    static final long KEEP_MS = 3L * 24 * 3600 * 1000;
    /** Longest a change waits before it reaches the total. */
    static final long FLUSH_MS = 1000;

    private transient ValueState<WindowTotal> total;

    @Override
    public void open(OpenContext ctx) {
        total = getRuntimeContext().getState(new ValueStateDescriptor<>("total", WindowTotal.class));
    }

    @Override
    public void processElement(Contribution c, Context ctx, Collector<TotalRecord> out) throws Exception {
        WindowTotal t = total.value();
        long now = ctx.timerService().currentProcessingTime();
        if (t == null) {
            t = WindowTotal.of(c);
            t.cleanupAtMillis = now + KEEP_MS;
            ctx.timerService().registerProcessingTimeTimer(t.cleanupAtMillis);
        }
        t.add(c.deltaKg);
        t.sources += c.newSources;
        t.lastUpdateMillis = now;
        total.update(t);
        out.collect(t.record());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<TotalRecord> out) throws Exception {
        WindowTotal t = total.value();
        if (t == null || t.cleanupAtMillis != timestamp) {
            return;
        }
        if (t.lastUpdateMillis + KEEP_MS <= timestamp) {
            total.clear();
            return;
        }
        t.cleanupAtMillis = t.lastUpdateMillis + KEEP_MS;
        ctx.timerService().registerProcessingTimeTimer(t.cleanupAtMillis);
        total.update(t);
    }
}
