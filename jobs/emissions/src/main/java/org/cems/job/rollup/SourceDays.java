package org.cems.job.rollup;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.cems.core.registry.Registry;
import org.cems.core.time.Window;
import org.cems.job.emission.EmissionRecord;

/**
 * Daily ACCOUNTED masses (HJ 75-2017 substitution, so a failing analyser never looks like a
 * reduction) of the stacks' plan pollutants, addressed to their enterprise, park and city: the
 * year-to-date KPIs need each source's own days to know what they cover.
 */
public class SourceDays implements FlatMapFunction<EmissionRecord, SourceDay> {
    private final String city;

    public SourceDays(Registry registry) {
        this.city = registry.city;
    }

    @Override
    public void flatMap(EmissionRecord r, Collector<SourceDay> out) {
        if (!Window.DAY.is(r.window)
                || !r.stack
                || r.massAccountedKg == null
                || YearToDateKpi.indicatorOf(r.pollutant) == null) {
            return;
        }
        out.collect(of(TotalRecord.ENTERPRISE, r.enterprise, r));
        if (r.park != null) {
            out.collect(of(TotalRecord.PARK, r.park, r));
        }
        out.collect(of(TotalRecord.CITY, city, r));
    }

    private static SourceDay of(String scope, String id, EmissionRecord r) {
        SourceDay d = new SourceDay();
        d.scope = scope;
        d.id = id;
        d.enterprise = r.enterprise;
        d.source = r.source;
        d.pollutant = r.pollutant;
        d.dayStartMillis = r.windowStartMillis;
        d.massKg = r.massAccountedKg;
        return d;
    }
}
