package org.cems.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cems.testkit.InfluxDbServer;

/**
 * The measurements, tag keys, field keys and KPI indicators a database holds, and the ones the
 * contract announces that the job does not write yet (expected later: panels for them exist, and
 * their queries run once the job writes them).
 */
final class InfluxSchema {
    /** Contract section 2: measurements another change is adding to the job, with their tags and fields. */
    static final Map<String, Set<String>> EXPECTED_LATER_MEASUREMENTS = Map.of(
            "efficiency",
                    Set.of(
                            "enterprise",
                            "source",
                            "device",
                            "device_type",
                            "pollutant",
                            "window",
                            "efficiency_pct",
                            "inlet_ref_mg_m3",
                            "outlet_ref_mg_m3",
                            "removed_kg",
                            "baseline_pct",
                            "delta_pct",
                            "operating_rate_pct"),
            "alert",
                    Set.of(
                            "enterprise",
                            "source",
                            "device",
                            "type",
                            "severity",
                            "state",
                            "id",
                            "value",
                            "threshold",
                            "message"));
    /** KPI indicators (tag {@code indicator} of {@code kpi}) announced but not written yet. */
    static final Set<String> EXPECTED_LATER_INDICATORS = Set.of("equipment_efficiency_gain_pct");

    private final InfluxDbServer influx;
    private final String db;
    final Set<String> measurements;
    final Set<String> indicators;

    InfluxSchema(InfluxDbServer influx, String db) {
        this.influx = influx;
        this.db = db;
        this.measurements = column("SHOW MEASUREMENTS", "name");
        this.indicators = column("SHOW TAG VALUES FROM \"kpi\" WITH KEY = \"indicator\"", "value");
    }

    /** Tag and field keys of a measurement: from the database, or from the contract while expected later. */
    Set<String> keys(String measurement) {
        if (!measurements.contains(measurement)) {
            return EXPECTED_LATER_MEASUREMENTS.getOrDefault(measurement, Set.of());
        }
        Set<String> keys = new TreeSet<>(column("SHOW FIELD KEYS FROM \"" + measurement + "\"", "fieldKey"));
        keys.addAll(column("SHOW TAG KEYS FROM \"" + measurement + "\"", "tagKey"));
        return keys;
    }

    boolean known(String measurement) {
        return measurements.contains(measurement) || EXPECTED_LATER_MEASUREMENTS.containsKey(measurement);
    }

    /** What a query needs that the job does not write yet; empty when it can run. */
    Set<String> notWrittenYet(List<String> measurementsNamed, String query) {
        Set<String> missing = new LinkedHashSet<>();
        for (String m : measurementsNamed) {
            if (!measurements.contains(m)) {
                missing.add("measurement " + m);
            }
        }
        for (String indicator : EXPECTED_LATER_INDICATORS) {
            if (query.contains("'" + indicator + "'") && !indicators.contains(indicator)) {
                missing.add("kpi indicator " + indicator);
            }
        }
        return missing;
    }

    JsonNode run(String query) {
        return InfluxQl.result(influx, db, query);
    }

    Set<String> column(String query, String name) {
        return InfluxQl.column(influx, db, query, name);
    }
}
