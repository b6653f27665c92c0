package org.cems.job.points;

import org.apache.flink.api.common.functions.MapFunction;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.core.registry.Enterprise;
import org.cems.core.registry.Registry;
import org.cems.job.rate.DataRate;

/**
 * Transmission and validity rates at their hour or day start (docs/interface.md); a rate with
 * nothing due is left out.
 * <ul>
 *   <li>A source's are fields of its {@code emission} point of the window, with the emission
 *       point's tags, so InfluxDB merges them into it: two series per source fewer, the largest
 *       measurement at 100,000 sources before (docs/benchmark.md). A silent source's point has
 *       the rate fields alone.</li>
 *   <li>An enterprise's and the city's are {@code data_rate} points.</li>
 * </ul>
 */
public class DataRatePoints implements MapFunction<DataRate, InfluxPoint> {
    public static final String MEASUREMENT = "data_rate";
    /** A source's record counts in its {@code emission} point, named apart from the pollutants' {@code <code>_valid}. */
    public static final String SOURCE_EXPECTED = "records_expected";

    public static final String SOURCE_RECEIVED = "records_received";
    public static final String SOURCE_VALID = "records_valid";

    private final Registry registry;

    public DataRatePoints(Registry registry) {
        this.registry = registry;
    }

    @Override
    public InfluxPoint map(DataRate r) {
        InfluxPoint.Builder p = DataRate.SOURCE.equals(r.scope) ? sourcePoint(r) : scopePoint(r);
        Fields.optional(p, "transmission_pct", r.transmissionPct());
        Fields.optional(p, "validity_pct", r.validityPct());
        Fields.optional(p, "transmission_validity_pct", r.transmissionValidityPct());
        return p.build();
    }

    /** Park and industry are the enterprise's, as {@code EmissionCalculator} gives the source's records. */
    private InfluxPoint.Builder sourcePoint(DataRate r) {
        Enterprise e = registry.enterprise(r.enterprise);
        return EmissionPoints.sourceWindow(
                        r.enterprise,
                        e == null ? null : e.park,
                        e == null ? null : e.industry,
                        r.source,
                        r.window,
                        r.windowStartMillis)
                .field(SOURCE_EXPECTED, r.expected)
                .field(SOURCE_RECEIVED, r.received)
                .field(SOURCE_VALID, r.valid)
                .field("interval_min", (long) r.intervalMinutes);
    }

    private static InfluxPoint.Builder scopePoint(DataRate r) {
        return InfluxPoint.measurement(MEASUREMENT)
                .tag("scope", r.scope)
                .tag("enterprise", r.enterprise)
                .tag("source", r.source)
                .tag("window", r.window)
                .field("expected", r.expected)
                .field("received", r.received)
                .field("valid", r.valid)
                .timeMillis(r.windowStartMillis);
    }
}
