package org.cems.job.kpi;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.cems.core.registry.Targets;
import org.cems.job.rollup.KpiRecord;
import org.cems.job.types.StateKeys;

/**
 * A daily indicator of one scope (keyed by scope, id and indicator): the weighted mean of its
 * members' values, Σ value × weight / Σ weight, a point at the start of the day, emitted again
 * whenever a member's value for the day arrives or is corrected (the later value replaces the
 * earlier one). With the year's target; progress = value / target × 100 for a target to reach,
 * none for a ceiling (met while the value stays below it).
 */
public class WeightedDailyKpi extends KeyedProcessFunction<String, WeightedValue, KpiRecord> {
    private static final long KEEP_MS = 7L * 24 * 3600 * 1000;
    private static final int WEIGHTED_SUM = 0;
    private static final int WEIGHT = 1;

    /** A member's [value × weight, weight] by day start|member. */
    private transient MapState<String, double[]> members;
    /** [Σ value × weight, Σ weight] by day start. */
    private transient MapState<Long, double[]> days;

    @Override
    public void open(OpenContext ctx) {
        members = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>(
                        "members", Types.STRING, PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO));
        days = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>(
                        "days", Types.LONG, PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO));
    }

    @Override
    public void processElement(WeightedValue v, Context ctx, Collector<KpiRecord> out) throws Exception {
        double[] sums = days.get(v.dayStartMillis);
        if (sums == null) {
            forgetDaysBefore(v.dayStartMillis - KEEP_MS);
            sums = new double[2];
        }
        String memberKey = v.dayStartMillis + "|" + v.member;
        double[] before = members.get(memberKey);
        double[] now = {v.value * v.weight, v.weight};
        for (int i = 0; i < sums.length; i++) {
            sums[i] += now[i] - (before == null ? 0 : before[i]);
        }
        members.put(memberKey, now);
        days.put(v.dayStartMillis, sums);
        if (!(sums[WEIGHT] > 0)) {
            return;
        }
        KpiRecord k = new KpiRecord();
        k.scope = v.scope;
        k.id = v.id;
        k.indicator = v.indicator;
        k.timeMillis = v.dayStartMillis;
        k.value = sums[WEIGHTED_SUM] / sums[WEIGHT];
        k.target = v.target;
        if (v.target != null && !Targets.CEILINGS.contains(v.indicator)) {
            k.progressPct = k.value / v.target * 100.0;
        }
        out.collect(k);
    }

    private void forgetDaysBefore(long dayStartMillis) throws Exception {
        if (StateKeys.removeIf(days, day -> day < dayStartMillis).isEmpty()) {
            return;
        }
        StateKeys.removeIf(members, key -> Long.parseLong(key.substring(0, key.indexOf('|'))) < dayStartMillis);
    }
}
