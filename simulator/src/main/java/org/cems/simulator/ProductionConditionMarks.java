package org.cems.simulator;

import java.util.List;
import java.util.Map;
import org.cems.core.registry.Source;

/**
 * production-conditions (HJ 212-2025 only): every minute of the run the targeted point's station
 * sends its key production conditions (ST=45, CN 2011, {@code pxxxxx-Rtd=<mark>}) for the condition
 * codes the registry's {@code facilities} maps to production, else {@value #DEFAULT_CODE}. The mark
 * is {@value #NORMAL}, and {@value #START_UP} for 30 minutes from START: the marks of the 2025 text's
 * examples ({@code p99101-Rtd=St}, {@code p99102-Rtd=N}). What they mean is the registry's
 * {@code production_condition_marks}; the simulator asserts no meaning.
 */
final class ProductionConditionMarks implements Scenario {
    static final String DEFAULT_CODE = "p99101";
    static final String NORMAL = "N";
    static final String START_UP = "St";
    static final long MARKED_MILLIS = 30 * Placement.MINUTE_MILLIS;

    private final Placement at;
    private final long markedFrom;
    private final List<String> codes;

    ProductionConditionMarks(Placement at) {
        this.at = at;
        this.markedFrom = at.nextOnGrid(at.fromMillis(), Placement.MINUTE_MILLIS);
        List<String> mapped = at.point().source().facilities.entrySet().stream()
                .filter(e -> e.getKey().startsWith("p") && Source.FACILITY_PRODUCTION.equals(e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        this.codes = mapped.isEmpty() ? List.of(DEFAULT_CODE) : mapped;
    }

    @Override
    public List<Upload> uploadsAt(MonitoringPoint point, long tickMillis, Gateway upstream) {
        List<Upload> uploads = upstream.uploadsAt(point, tickMillis);
        long minute = at.floorOnGrid(tickMillis, Placement.MINUTE_MILLIS);
        if (!at.targets(point) || !at.sendsAt(minute, tickMillis)) {
            return uploads;
        }
        String mark = minute >= markedFrom && minute < markedFrom + MARKED_MILLIS ? START_UP : NORMAL;
        Upload conditions = Upload.station(point.mn(), Upload.CN_REAL_TIME, minute);
        conditions.st = Upload.ST_PRODUCTION_CONDITIONS;
        codes.forEach(code -> conditions.textItem(code, "Rtd", mark));
        uploads.add(conditions);
        return uploads;
    }
}
