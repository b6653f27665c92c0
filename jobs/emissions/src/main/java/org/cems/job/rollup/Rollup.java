package org.cems.job.rollup;

import java.util.HashMap;
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
 */
public class Rollup extends KeyedProcessFunction<String, Contribution, TotalRecord> {
    /** Windows not updated for this long can no longer change (lateness is hours): their state goes. */
    private static final long KEEP_MS = 3L * 24 * 3600 * 1000;

    private transient MapState<String, Map<String, Double>> massByContributor;
    private transient MapState<String, Long> lastUpdate;
    private transient ValueState<Long> cleanupTimer;

    @Override
    public void open(OpenContext ctx) {
        massByContributor = getRuntimeContext().getMapState(new MapStateDescriptor<>("massByContributor",
                TypeInformation.of(String.class), TypeInformation.of(new TypeHint<Map<String, Double>>() {})));
        lastUpdate = getRuntimeContext().getMapState(new MapStateDescriptor<>("lastUpdate", String.class, Long.class));
        cleanupTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("cleanupTimer", Long.class));
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
        long now = ctx.timerService().currentProcessingTime();
        lastUpdate.put(group, now);
        if (cleanupTimer.value() == null) {
            ctx.timerService().registerProcessingTimeTimer(now + KEEP_MS);
            cleanupTimer.update(now + KEEP_MS);
        }
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

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<TotalRecord> out) throws Exception {
        cleanupTimer.clear();
        java.util.List<String> old = new java.util.ArrayList<>();
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
