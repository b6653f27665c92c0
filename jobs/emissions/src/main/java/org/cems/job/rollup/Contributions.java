package org.cems.job.rollup;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.cems.core.registry.Registry;
import org.cems.core.time.Window;
import org.cems.job.emission.EmissionRecord;

/**
 * Hourly and daily ACCOUNTED masses of stacks (HJ 75-2017: invalid and missing hours substituted,
 * so totals never run low on bad data), addressed to their enterprise, park and city. Inlet
 * points measure gas before the control devices and never count in a total.
 */
public class Contributions implements FlatMapFunction<EmissionRecord, Contribution> {
    private final String city;

    public Contributions(Registry registry) {
        this.city = registry.city;
    }

    @Override
    public void flatMap(EmissionRecord r, Collector<Contribution> out) {
        if (Window.MINUTE.is(r.window) || r.massAccountedKg == null || !r.stack) {
            return;
        }
        String contributor = r.enterprise + "/" + r.source;
        out.collect(of(TotalRecord.ENTERPRISE, r.enterprise, contributor, r));
        if (r.park != null) {
            out.collect(of(TotalRecord.PARK, r.park, contributor, r));
        }
        out.collect(of(TotalRecord.CITY, city, contributor, r));
    }

    private static Contribution of(String scope, String id, String contributor, EmissionRecord r) {
        Contribution c = new Contribution();
        c.scope = scope;
        c.id = id;
        c.pollutant = r.pollutant;
        c.window = r.window;
        c.windowStartMillis = r.windowStartMillis;
        c.contributor = contributor;
        c.massKg = r.massAccountedKg;
        return c;
    }
}
