package org.cems.job.rollup;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.cems.core.registry.Registry;
import org.cems.core.time.Window;
import org.cems.job.emission.EmissionRecord;
import org.cems.job.types.StateKeys;

/**
 * Hourly and daily ACCOUNTED masses of one stack (keyed by {@link #sourceKey}; HJ 75-2017: invalid
 * and missing hours substituted, so totals never run low on bad data), as changes to its
 * enterprise's, park's and city's totals. The stack's latest mass of each window is kept here, once,
 * so a re-emitted (corrected) window adds only its difference and a replay adds nothing: the
 * scopes' totals ({@link Rollup}) then keep no per-stack state and their changes can be merged.
 * Inlet points measure gas before the control devices and never count in a total.
 */
public class Contributions extends KeyedProcessFunction<String, EmissionRecord, Contribution> {
    private final String city;
    /** The stack's latest accounted mass by pollutant|window|window start. */
    private transient MapState<String, Double> latestKg;

    public Contributions(Registry registry) {
        this.city = registry.city;
    }

    /** What a total counts: a stack's hour or day with an accounted mass. */
    public static boolean counts(EmissionRecord r) {
        return !Window.MINUTE.is(r.window) && r.massAccountedKg != null && r.stack;
    }

    /** One stack: its enterprise and source id. */
    public static String sourceKey(EmissionRecord r) {
        return r.enterprise + "/" + r.source;
    }

    @Override
    public void open(OpenContext ctx) {
        latestKg = getRuntimeContext().getMapState(new MapStateDescriptor<>("latestKg", Types.STRING, Types.DOUBLE));
    }

    @Override
    public void processElement(EmissionRecord r, Context ctx, Collector<Contribution> out) throws Exception {
        String windowKey = r.pollutant + "|" + r.window + "|" + r.windowStartMillis;
        Double earlierKg = latestKg.get(windowKey);
        double massKg = r.massAccountedKg;
        if (earlierKg != null && earlierKg == massKg) {
            return; // a replay: the totals are what they were
        }
        if (earlierKg == null && Window.DAY.is(r.window)) {
            forgetWindowsBefore(r.windowStartMillis - Rollup.KEEP_MS);
        }
        latestKg.put(windowKey, massKg);
        double deltaKg = earlierKg == null ? massKg : massKg - earlierKg;
        int newSources = earlierKg == null ? 1 : 0;
        out.collect(of(TotalRecord.ENTERPRISE, r.enterprise, r, deltaKg, newSources));
        if (r.park != null) {
            out.collect(of(TotalRecord.PARK, r.park, r, deltaKg, newSources));
        }
        out.collect(of(TotalRecord.CITY, city, r, deltaKg, newSources));
    }

    /**
     * A new day: windows that began {@link Rollup#KEEP_MS} before it are past any correction (lateness
     * is hours), as the scopes' totals of them are gone by then too.
     */
    private void forgetWindowsBefore(long startMillis) throws Exception {
        StateKeys.removeIf(latestKg, key -> Long.parseLong(key.substring(key.lastIndexOf('|') + 1)) < startMillis);
    }

    private static Contribution of(String scope, String id, EmissionRecord r, double deltaKg, int newSources) {
        Contribution c = new Contribution();
        c.scope = scope;
        c.id = id;
        c.pollutant = r.pollutant;
        c.window = r.window;
        c.windowStartMillis = r.windowStartMillis;
        c.deltaKg = deltaKg;
        c.newSources = newSources;
        return c;
    }
}
