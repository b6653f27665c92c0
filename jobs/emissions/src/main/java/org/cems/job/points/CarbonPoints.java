package org.cems.job.points;

import org.cems.connector.influxdb.InfluxPoint;
import org.cems.job.carbon.CarbonRecord;

/**
 * Carbon records as fields of the source's {@code emission} point of the same window
 * (docs/interface.md): {@link EmissionPoints} writes them into the window's point, so the source
 * has no series of its own for carbon (it had one per source and window before 100,000 sources)
 * and InfluxDB one line less to parse a window (docs/benchmark.md). Absent values are left out.
 */
public final class CarbonPoints {
    private CarbonPoints() {}

    /** A window's carbon figures alone, where it has no pollutant. */
    public static InfluxPoint point(CarbonRecord c) {
        InfluxPoint.Builder p =
                EmissionPoints.sourceWindow(c.enterprise, c.park, c.industry, c.source, c.window, c.windowStartMillis);
        fields(p, c);
        return p.build();
    }

    /** The carbon fields, into the point of the same source and window. */
    static void fields(InfluxPoint.Builder p, CarbonRecord c) {
        Fields.optional(p, "co2_t", c.co2T);
        Fields.optional(p, "co2_rate_t_h", c.co2RateTH);
        Fields.optional(p, "load_mw", c.loadMw);
        Fields.optional(p, "energy_mwh", c.energyMwh);
        Fields.optional(p, "intensity_t_mwh", c.intensityTMwh);
        Fields.optional(p, "coal_rate_gross_gce_kwh", c.coalRateGrossGceKwh);
        Fields.optional(p, "coal_rate_net_gce_kwh", c.coalRateNetGceKwh);
        Fields.optional(p, "co2_fuel_t", c.co2FuelT);
        Fields.optional(p, "co2_diff_pct", c.co2DiffPct);
    }
}
