package org.cems.job.emission;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.cems.core.reading.FacilityStatus;
import org.cems.core.reading.StationMeasurement;
import org.cems.core.registry.Registry;
import org.cems.core.registry.Source;
import org.cems.core.registry.SourceRef;

/**
 * HJ 212-2025 key production conditions (ST=45, {@code p99101-Rtd=St}) as the production status
 * {@link StopEvidence} reads: a condition code the registry's {@code facilities} maps to
 * {@code production}, with a mark {@code production_condition_marks} interprets, becomes a status
 * of that code: {@link FacilityStatus#OFF} for a mark meaning {@code stopped} (停运), else
 * {@link FacilityStatus#RUNNING} (start-up, shut-down, fault and normal all emit). A mark the
 * registry does not interpret says nothing and is only stored.
 */
public class ProductionConditions implements FlatMapFunction<StationMeasurement, FacilityStatus> {
    private final Registry registry;

    public ProductionConditions(Registry registry) {
        this.registry = registry;
    }

    @Override
    public void flatMap(StationMeasurement m, Collector<FacilityStatus> out) {
        if (!StationMeasurement.PRODUCTION_CONDITION.equals(m.kind)) {
            return;
        }
        SourceRef ref = registry.byMn(m.mn);
        String meaning = registry.productionConditionMarks.get(m.mark());
        if (ref == null
                || meaning == null
                || !Source.FACILITY_PRODUCTION.equals(ref.source().facilities.get(m.code))) {
            return;
        }
        out.collect(new FacilityStatus(
                m.mn,
                m.code,
                m.timeMillis,
                Registry.CONDITION_STOPPED.equals(meaning) ? FacilityStatus.OFF : FacilityStatus.RUNNING));
    }
}
