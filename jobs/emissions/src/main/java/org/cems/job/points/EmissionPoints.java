package org.cems.job.points;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.functions.MapFunction;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.job.carbon.CarbonRecord;
import org.cems.job.emission.EmissionRecord;
import org.cems.job.emission.SourceWindow;

/**
 * Each window of a source as one {@code emission} point (docs/interface.md "Outputs"): the
 * pollutants' figures are fields named after the pollutant's code ({@code a21026_conc_ref_mg_m3}),
 * so a source has three series (1m, 1h, 1d) instead of three per pollutant, the limit InfluxDB
 * met at 100,000 sources (docs/benchmark.md). Absent values are left out: a rewritten window
 * replaces the fields it sends again.
 */
public class EmissionPoints implements MapFunction<SourceWindow, InfluxPoint> {
    public static final String MEASUREMENT = "emission";
    /** How many pollutants the point carries: on every point, so {@code count(pollutant_count)} counts windows. */
    public static final String POLLUTANT_COUNT = "pollutant_count";
    /** 1h: how many of the judged pollutants exceeded their limit; absent where none was judged. */
    public static final String EXCEEDED_COUNT = "exceeded_count";

    /** The field of one pollutant's figure, e.g. {@code a21026} and {@code conc_ref_mg_m3}. */
    public static String field(String pollutant, String figure) {
        return pollutant + "_" + figure;
    }

    /**
     * A point of a source's window: the one series key of the window's pollutant figures, carbon
     * figures and data rates, whose writes InfluxDB merges into one point.
     */
    public static InfluxPoint.Builder sourceWindow(
            String enterprise, String park, String industry, String source, String window, long startMillis) {
        return InfluxPoint.measurement(MEASUREMENT)
                .tag("enterprise", enterprise)
                .tag("park", park)
                .tag("industry", industry)
                .tag("source", source)
                .tag("window", window)
                .timeMillis(startMillis);
    }

    @Override
    public InfluxPoint map(SourceWindow window) {
        return point(window.records, window.carbon);
    }

    /**
     * One window of one source: its pollutants' records and its carbon figures (either may be
     * absent, not both), in one point.
     */
    public static InfluxPoint point(List<EmissionRecord> window, CarbonRecord carbon) {
        if (window.isEmpty()) {
            return CarbonPoints.point(carbon);
        }
        EmissionRecord first = window.get(0);
        InfluxPoint.Builder p = sourceWindow(
                        first.enterprise,
                        first.park,
                        first.industry,
                        first.source,
                        first.window,
                        first.windowStartMillis)
                .field(POLLUTANT_COUNT, (long) window.size())
                .field("from_logger", first.fromLogger)
                .field("o2_capped", first.o2Capped);
        if (first.durationMinutes != null) {
            p.field("duration_min", (long) first.durationMinutes);
        }
        Double flowM3H = null;
        Long exceeded = null;
        for (EmissionRecord r : window) {
            pollutant(p, r);
            flowM3H = flowM3H != null ? flowM3H : r.flowM3H;
            if (r.exceeded != null) {
                exceeded = (exceeded == null ? 0 : exceeded) + (r.exceeded ? 1 : 0);
            }
        }
        // the period's one flow: each record with a concentration carries it (EmissionCalculator)
        Fields.optional(p, "flow_m3_h", flowM3H);
        if (exceeded != null) {
            p.field(EXCEEDED_COUNT, exceeded);
        }
        if (carbon != null) {
            CarbonPoints.fields(p, carbon);
        }
        return p.build();
    }

    private static void pollutant(InfluxPoint.Builder p, EmissionRecord r) {
        PollutantFields f = PollutantFields.of(r.pollutant);
        p.field(f.validCount(), (long) r.validCount).field(f.valid(), r.valid).field(f.stoppedCount(), (long)
                r.stoppedCount);
        Fields.optional(p, f.concMgM3(), r.concMgM3);
        Fields.optional(p, f.concRefMgM3(), r.concRefMgM3);
        Fields.optional(p, f.rateKgH(), r.rateKgH);
        Fields.optional(p, f.massKg(), r.massKg);
        Fields.optional(p, f.massAccountedKg(), r.massAccountedKg);
        Fields.optional(p, f.massLoggerKg(), r.massLoggerKg);
        if (r.substituted != null && r.massAccountedKg != null) {
            p.field(f.substituted(), r.substituted);
        }
        Fields.optional(p, f.limitMgM3(), r.limitMgM3);
        if (r.exceeded != null) {
            p.field(f.exceeded(), r.exceeded);
        }
    }

    /**
     * One pollutant's field names, built once per code: a point names up to twelve a pollutant,
     * and joining them anew for every point was about a tenth of the windows' thread at 100,000
     * sources (JFR, issue 18).
     */
    private record PollutantFields(
            String validCount,
            String valid,
            String stoppedCount,
            String concMgM3,
            String concRefMgM3,
            String rateKgH,
            String massKg,
            String massAccountedKg,
            String massLoggerKg,
            String substituted,
            String limitMgM3,
            String exceeded) {
        /** Pollutant codes are the catalogue's: a few dozen at most. */
        private static final Map<String, PollutantFields> BY_CODE = new ConcurrentHashMap<>();

        static PollutantFields of(String code) {
            return BY_CODE.computeIfAbsent(
                    code,
                    c -> new PollutantFields(
                            field(c, "valid_count"),
                            field(c, "valid"),
                            field(c, "stopped_count"),
                            field(c, "conc_mg_m3"),
                            field(c, "conc_ref_mg_m3"),
                            field(c, "rate_kg_h"),
                            field(c, "mass_kg"),
                            field(c, "mass_accounted_kg"),
                            field(c, "mass_logger_kg"),
                            field(c, "substituted"),
                            field(c, "limit_mg_m3"),
                            field(c, "exceeded")));
        }
    }
}
