package org.cems.job.rollup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Totals of one scope (an enterprise, a park or the city), keyed by scope: the sum of its stacks'
 * masses per pollutant and window. Each stack's latest value for a window replaces its earlier
 * one, so re-emitted (corrected) windows and replays never count twice.
 *
 * <p>A window's total is emitted at most once per {@link #FLUSH_MS}, not once per contribution:
 * the city's minute has a contribution from every stack, and emitting (and summing) on each made
 * the work grow with the square of the number of stacks (the benchmark's top cost at 10,000).
 */
public class Rollup extends KeyedProcessFunction<String, Contribution, TotalRecord> {
    /** Windows not updated for this long can no longer change (lateness is hours): their state goes. */
    private static final long KEEP_MS = 3L * 24 * 3600 * 1000;
    /** Longest a changed total waits before it is emitted. */
    static final long FLUSH_MS = 1000;

    private transient MapState<String, Map<String, Double>> massByContributor;
    private transient MapState<String, Long> lastUpdate;
    /** Windows changed since the last flush, with what their total record needs besides the sum. */
    private transient MapState<String, Contribution> changed;

    private transient ValueState<Long> cleanupTimer;
    private transient ValueState<Long> flushTimer;

    @Override
    public void open(OpenContext ctx) {
        massByContributor = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>(
                        "massByContributor",
                        TypeInformation.of(String.class),
                        TypeInformation.of(new TypeHint<Map<String, Double>>() {})));
        lastUpdate = getRuntimeContext().getMapState(new MapStateDescriptor<>("lastUpdate", String.class, Long.class));
        changed =
                getRuntimeContext().getMapState(new MapStateDescriptor<>("changed", String.class, Contribution.class));
        cleanupTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("cleanupTimer", Long.class));
        flushTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("flushTimer", Long.class));
    }

    @Override
    public void processElement(Contribution c, Context ctx, Collector<TotalRecord> out) throws Exception {
        String group = c.pollutant + "|" + c.window + "|" + c.windowStartMillis;
        Map<String, Double> masses = massByContributor.get(group);
        if (masses == null) {
            masses = new HashMap<>();
        }
        masses.put(c.contributor, c.massKg);
        massByContributor.put(group, masses);
        changed.put(group, c);
        long now = ctx.timerService().currentProcessingTime();
        lastUpdate.put(group, now);
        if (cleanupTimer.value() == null) {
            ctx.timerService().registerProcessingTimeTimer(now + KEEP_MS);
            cleanupTimer.update(now + KEEP_MS);
        }
        if (flushTimer.value() == null) {
            ctx.timerService().registerProcessingTimeTimer(now + FLUSH_MS);
            flushTimer.update(now + FLUSH_MS);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<TotalRecord> out) throws Exception {
        Long flushAt = flushTimer.value();
        if (flushAt != null && flushAt == timestamp) {
            flushTimer.clear();
            flush(out);
        }
        Long cleanupAt = cleanupTimer.value();
        if (cleanupAt != null && cleanupAt == timestamp) {
            cleanUp(timestamp, ctx);
        }
    }

    private void flush(Collector<TotalRecord> out) throws Exception {
        for (Map.Entry<String, Contribution> e : changed.entries()) {
            Map<String, Double> masses = massByContributor.get(e.getKey());
            Contribution c = e.getValue();
            TotalRecord t = new TotalRecord();
            t.scope = c.scope;
            t.id = c.id;
            t.pollutant = c.pollutant;
            t.window = c.window;
            t.windowStartMillis = c.windowStartMillis;
            t.massKg = masses.values().stream().mapToDouble(Double::doubleValue).sum();
            t.sources = masses.size();
            out.collect(t);
        }
        changed.clear();
    }

    private void cleanUp(long timestamp, OnTimerContext ctx) throws Exception {
        cleanupTimer.clear();
        List<String> old = new ArrayList<>();
        for (Map.Entry<String, Long> e : lastUpdate.entries()) {
            if (e.getValue() < timestamp - KEEP_MS) {
                old.add(e.getKey());
            }
        }
        for (String group : old) {
            lastUpdate.remove(group);
            massByContributor.remove(group);
        }
        if (!lastUpdate.isEmpty()) {
            ctx.timerService().registerProcessingTimeTimer(timestamp + KEEP_MS);
            cleanupTimer.update(timestamp + KEEP_MS);
        }
    }
}
