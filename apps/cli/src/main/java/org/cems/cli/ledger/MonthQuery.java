package org.cems.cli.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cems.hj212.Parameter;
import org.cems.hj212.ParameterCatalogue;
import org.cems.job.points.ReadingPoints;

/**
 * The InfluxQL statements that read one month of the job's output (docs/interface.md "Outputs") and what
 * their answers become; sent as one request. Stacks are not told apart from inlets here (no tag
 * says so): {@link LedgerRows} keeps the registry's stacks.
 */
final class MonthQuery {
    private static final String EMISSION_TAGS = " GROUP BY \"enterprise\", \"source\", \"pollutant\"";
    private static final String DEVICE_TAGS =
            " GROUP BY \"enterprise\", \"device\", \"device_type\", \"pollutant\", \"source\"";
    /** An hour stopped throughout: its {@code stopped_count} is 60 minutes (docs/plant-data/windows.md). */
    private static final int MINUTES_PER_HOUR = 60;
    /** InfluxQL names the columns of {@code count(/regex/)} {@code count_<field>}. */
    private static final String COUNT_PREFIX = "count_";

    private final String enterpriseCondition;
    private final String zone;

    /** @param enterprise one enterprise id, or null for all */
    MonthQuery(String enterprise, String zone) {
        this.enterpriseCondition = enterprise == null ? "" : " AND \"enterprise\" = '" + literal(enterprise) + "'";
        this.zone = zone;
    }

    List<String> statements(LedgerMonth m) {
        String t = " AND " + m.timeCondition() + enterpriseCondition;
        String hours = " FROM \"emission\" WHERE \"window\" = '1h'" + t;
        String efficiency = " FROM \"efficiency\" WHERE \"window\" = '1d'" + t;
        return List.of(
                "SELECT sum(\"mass_kg\") AS \"measured\", sum(\"mass_accounted_kg\") AS \"accounted\" FROM \"emission\" WHERE \"window\" = '1d'"
                        + t + EMISSION_TAGS,
                "SELECT count(\"valid\") AS \"hours\"" + hours + EMISSION_TAGS,
                "SELECT count(\"valid\") AS \"hours\"" + hours + " AND \"valid\" = true" + EMISSION_TAGS,
                "SELECT count(\"exceeded\") AS \"hours\"" + hours + " AND \"exceeded\" = true" + EMISSION_TAGS,
                "SELECT count(\"substituted\") AS \"hours\"" + hours + " AND \"substituted\" = true" + EMISSION_TAGS,
                "SELECT \"stopped_count\"" + hours + " AND \"stopped_count\" >= " + MINUTES_PER_HOUR + EMISSION_TAGS,
                // a reading point has a <code>_valid field per code it reported: one count column per pollutant
                "SELECT count(/^(" + pollutantCodes() + ")" + ReadingPoints.VALID + "$/) FROM \""
                        + ReadingPoints.MEASUREMENT + "\" WHERE "
                        + m.timeCondition() + enterpriseCondition
                        + " GROUP BY time(1h), \"enterprise\", \"source\" fill(none) tz('" + literal(zone) + "')",
                "SELECT \"co2_t\", \"energy_mwh\", \"coal_rate_gross_gce_kwh\", \"coal_rate_net_gce_kwh\" FROM \"carbon\" WHERE \"window\" = '1d'"
                        + t + " GROUP BY \"enterprise\", \"source\"",
                "SELECT mean(\"efficiency_pct\") AS \"efficiency\", count(\"efficiency_pct\") AS \"days\"" + efficiency
                        + " AND \"valid\" = true" + DEVICE_TAGS,
                "SELECT mean(\"operating_rate_pct\") AS \"operating\", count(\"operating_rate_pct\") AS \"days\""
                        + efficiency + DEVICE_TAGS);
    }

    MonthFigures read(InfluxQueryClient influx, LedgerMonth m) throws LedgerException {
        List<List<Series>> r = influx.query(statements(m));
        MonthFigures f = new MonthFigures();
        for (Series s : r.get(0)) {
            putIfPresent(f.measuredKg, key(s), s.number("measured"));
            putIfPresent(f.accountedKg, key(s), s.number("accounted"));
        }
        counts(r.get(1), f.hourPoints);
        counts(r.get(2), f.validHours);
        counts(r.get(3), f.exceededHours);
        counts(r.get(4), f.substitutedHours);
        for (Series s : r.get(5)) {
            s.rows()
                    .forEach(row -> f.stoppedHours
                            .computeIfAbsent(key(s), k -> MonthFigures.newHourSet())
                            .add(s.time(row)));
        }
        for (Series s : r.get(6)) {
            StackKey stack = new StackKey(s.tag("enterprise"), s.tag("source"));
            for (String column : s.columns()) {
                if (column.startsWith(COUNT_PREFIX) && column.endsWith(ReadingPoints.VALID)) {
                    PollutantKey k = new PollutantKey(
                            stack,
                            column.substring(COUNT_PREFIX.length(), column.length() - ReadingPoints.VALID.length()));
                    // one row per hour any of the pollutants has a reading: the others count 0 there
                    s.rows().stream()
                            .filter(row -> count(s, row, column) > 0)
                            .forEach(row -> f.hoursWithData
                                    .computeIfAbsent(k, x -> MonthFigures.newHourSet())
                                    .add(s.time(row)));
                }
            }
        }
        for (Series s : r.get(7)) {
            MonthFigures.CarbonSums c = f.carbon.computeIfAbsent(
                    new StackKey(s.tag("enterprise"), s.tag("source")), k -> new MonthFigures.CarbonSums());
            for (JsonNode row : s.rows()) {
                c.addDay(
                        s.number(row, "co2_t"),
                        s.number(row, "energy_mwh"),
                        s.number(row, "coal_rate_gross_gce_kwh"),
                        s.number(row, "coal_rate_net_gce_kwh"));
            }
        }
        for (Series s : r.get(8)) {
            MonthFigures.DeviceDays d = f.devices.computeIfAbsent(deviceKey(s), k -> new MonthFigures.DeviceDays());
            d.efficiencyPctMean = s.number("efficiency");
            d.validDays = count(s, "days");
        }
        for (Series s : r.get(9)) {
            MonthFigures.DeviceDays d = f.devices.computeIfAbsent(deviceKey(s), k -> new MonthFigures.DeviceDays());
            d.operatingRatePctMean = s.number("operating");
            d.operatingDays = count(s, "days");
        }
        return f;
    }

    private static void counts(List<Series> series, Map<PollutantKey, Long> into) {
        for (Series s : series) {
            into.put(key(s), count(s, "hours"));
        }
    }

    private static long count(Series s, String column) {
        Double n = s.number(column);
        return n == null ? 0 : n.longValue();
    }

    private static long count(Series s, JsonNode row, String column) {
        Double n = s.number(row, column);
        return n == null ? 0 : n.longValue();
    }

    private static void putIfPresent(Map<PollutantKey, Double> into, PollutantKey key, Double value) {
        if (value != null) {
            into.put(key, value);
        }
    }

    private static PollutantKey key(Series s) {
        return new PollutantKey(new StackKey(s.tag("enterprise"), s.tag("source")), s.tag("pollutant"));
    }

    private static DeviceKey deviceKey(Series s) {
        return new DeviceKey(
                s.tag("enterprise"), s.tag("device"), s.tag("device_type"), s.tag("pollutant"), s.tag("source"));
    }

    /** The catalogue's pollutant codes as a regex alternation: readings of flow, O2 or temperature are not needed. */
    private static String pollutantCodes() {
        return ParameterCatalogue.standard().all().stream()
                .filter(Parameter::isPollutant)
                .map(Parameter::code)
                .sorted()
                .collect(Collectors.joining("|"));
    }

    static String literal(String s) {
        return s.replace("\\", "\\\\").replace("'", "\\'");
    }
}
