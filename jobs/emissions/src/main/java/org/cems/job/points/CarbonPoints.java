package org.cems.job.points;

import org.apache.flink.api.common.functions.MapFunction;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.job.carbon.CarbonRecord;

/**
 * Carbon records as fields of the source's {@code emission} point of the same window
 * (docs/interface.md): the tags and time are the emission point's, so InfluxDB merges the two
 * writes into one point and the source has no series of its own for carbon, as it had (one per
 * source and window) before 100,000 sources (docs/benchmark.md). Absent values are left out.
 */
public class CarbonPoints implements MapFunction<CarbonRecord, InfluxPoint> {
    @Override
    public InfluxPoint map(CarbonRecord c) {
        InfluxPoint.Builder p =
                EmissionPoints.sourceWindow(c.enterprise, c.park, c.industry, c.source, c.window, c.windowStartMillis);
        Fields.optional(p, "co2_t", c.co2T);
        Fields.optional(p, "co2_rate_t_h", c.co2RateTH);
        Fields.optional(p, "load_mw", c.loadMw);
        Fields.optional(p, "energy_mwh", c.energyMwh);
        Fields.optional(p, "intensity_t_mwh", c.intensityTMwh);
        Fields.optional(p, "coal_rate_gross_gce_kwh", c.coalRateGrossGceKwh);
        Fields.optional(p, "coal_rate_net_gce_kwh", c.coalRateNetGceKwh);
        Fields.optional(p, "co2_fuel_t", c.co2FuelT);
        Fields.optional(p, "co2_diff_pct", c.co2DiffPct);
        return p.build();
    }
}
