package org.cems.cli.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.cems.hj212.Parameter;
import org.cems.hj212.ParameterCatalogue;
import org.cems.job.points.EmissionPoints;
import org.cems.job.points.ReadingPoints;

/**
 * The InfluxQL statements that read one month of the job's output (docs/interface.md "Outputs") and what
 * their answers become; sent as one request. Stacks are not told apart from inlets here (no tag
 * says so): {@link LedgerRows} keeps the registry's stacks.
 */
final class MonthQuery {
    private static final String STACK_TAGS = " GROUP BY \"enterprise\", \"source\"";
    private static final String DEVICE_TAGS =
            " GROUP BY \"enterprise\", \"device\", \"device_type\", \"pollutant\", \"source\"";
    /** An hour stopped throughout: its {@code stopped_count} is 60 minutes (docs/plant-data/windows.md). */
    private static final int MINUTES_PER_HOUR = 60;
    /**
     * The catalogue's pollutant codes, sorted: the only pollutants the job windows (so the only
     * field sets of an {@code emission} point), and the reading codes that count as data.
     */
    private static final List<String> POLLUTANTS = ParameterCatalogue.standard().all().stream()
            .filter(Parameter::isPollutant)
            .map(Parameter::code)
            .sorted()
            .toList();

    private final String enterpriseCondition;
    private final String zone;

    /** @param enterprise one enterprise id, or null for all */
    MonthQuery(String enterprise, String zone) {
        this.enterpriseCondition = enterprise == null ? "" : " AND \"enterprise\" = '" + literal(enterprise) + "'";
        this.zone = zone;
    }

    /** One statement of the month's request and what its answer adds to the figures. */
    private record Statement(String influxQl, BiConsumer<List<Series>, MonthFigures> reader) {}

    MonthFigures read(InfluxQueryClient influx, LedgerMonth m) throws LedgerException {
        List<Statement> statements = statements(m);
        List<List<Series>> answers =
                influx.query(statements.stream().map(Statement::influxQl).toList());
        MonthFigures f = new MonthFigures();
        for (int i = 0; i < statements.size(); i++) {
            statements.get(i).reader().accept(answers.get(i), f);
        }
        return f;
    }

    private List<Statement> statements(LedgerMonth m) {
        String t = " AND " + m.timeCondition() + enterpriseCondition;
        String days = " FROM \"" + EmissionPoints.MEASUREMENT + "\" WHERE \"window\" = '1d'" + t;
        String hours = " FROM \"" + EmissionPoints.MEASUREMENT + "\" WHERE \"window\" = '1h'" + t;
        String efficiency = " FROM \"efficiency\" WHERE \"window\" = '1d'" + t;
        List<Statement> statements = new ArrayList<>();
        // an emission point has a field set per pollutant: a regex aggregate gives a column per pollutant
        statements.add(new Statement(
                "SELECT sum(" + pollutantFields("_mass_kg") + "), sum(" + pollutantFields("_mass_accounted_kg") + ")"
                        + days + STACK_TAGS,
                (answer, f) -> {
                    perPollutant(answer, "sum", "_mass_kg", f.measuredKg::put);
                    perPollutant(answer, "sum", "_mass_accounted_kg", f.accountedKg::put);
                }));
        statements.add(new Statement(
                "SELECT count(" + pollutantFields("_valid") + ")" + hours + STACK_TAGS,
                (answer, f) -> perPollutant(answer, "count", "_valid", (k, n) -> f.hourPoints.put(k, n.longValue()))));
        // per hour the number of pollutants over their limit: summed, the (pollutant, hour) pairs
        statements.add(new Statement(
                "SELECT sum(\"" + EmissionPoints.EXCEEDED_COUNT + "\") AS \"hours\"" + hours + STACK_TAGS,
                (answer, f) -> answer.forEach(s -> f.exceededHours.put(stack(s), count(s, "hours")))));
        // a condition on one field selects whole points: a statement per pollutant
        for (String p : POLLUTANTS) {
            String valid = quoted(EmissionPoints.field(p, "valid"));
            String substituted = quoted(EmissionPoints.field(p, "substituted"));
            String stopped = quoted(EmissionPoints.field(p, "stopped_count"));
            statements.add(new Statement(
                    "SELECT count(" + valid + ") AS \"hours\"" + hours + " AND " + valid + " = true" + STACK_TAGS,
                    (answer, f) -> counts(answer, p, f.validHours)));
            statements.add(new Statement(
                    "SELECT count(" + substituted + ") AS \"hours\"" + hours + " AND " + substituted + " = true"
                            + STACK_TAGS,
                    (answer, f) -> counts(answer, p, f.substitutedHours)));
            statements.add(new Statement(
                    "SELECT " + stopped + hours + " AND " + stopped + " >= " + MINUTES_PER_HOUR + STACK_TAGS,
                    (answer, f) -> answer.forEach(s -> s.rows()
                            .forEach(row -> f.stoppedHours
                                    .computeIfAbsent(new PollutantKey(stack(s), p), k -> MonthFigures.newHourSet())
                                    .add(s.time(row))))));
        }
        // a reading point has a <code>_valid field per code it reported: one count column per pollutant
        statements.add(new Statement(
                "SELECT count(" + pollutantFields(ReadingPoints.VALID) + ") FROM \"" + ReadingPoints.MEASUREMENT
                        + "\" WHERE " + m.timeCondition() + enterpriseCondition
                        + " GROUP BY time(1h), \"enterprise\", \"source\" fill(none) tz('" + literal(zone) + "')",
                MonthQuery::readHoursWithData));
        statements.add(new Statement(
                "SELECT \"co2_t\", \"energy_mwh\", \"coal_rate_gross_gce_kwh\", \"coal_rate_net_gce_kwh\" FROM \""
                        + EmissionPoints.MEASUREMENT + "\" WHERE \"window\" = '1d'"
                        + t + STACK_TAGS,
                MonthQuery::readCarbon));
        statements.add(new Statement(
                "SELECT mean(\"efficiency_pct\") AS \"efficiency\", count(\"efficiency_pct\") AS \"days\"" + efficiency
                        + " AND \"valid\" = true" + DEVICE_TAGS,
                (answer, f) -> answer.forEach(s -> {
                    MonthFigures.DeviceDays d =
                            f.devices.computeIfAbsent(deviceKey(s), k -> new MonthFigures.DeviceDays());
                    d.efficiencyPctMean = s.number("efficiency");
                    d.validDays = count(s, "days");
                })));
        statements.add(new Statement(
                "SELECT mean(\"operating_rate_pct\") AS \"operating\", count(\"operating_rate_pct\") AS \"days\""
                        + efficiency + DEVICE_TAGS,
                (answer, f) -> answer.forEach(s -> {
                    MonthFigures.DeviceDays d =
                            f.devices.computeIfAbsent(deviceKey(s), k -> new MonthFigures.DeviceDays());
                    d.operatingRatePctMean = s.number("operating");
                    d.operatingDays = count(s, "days");
                })));
        return statements;
    }

    private static void readHoursWithData(List<Series> answer, MonthFigures f) {
        for (Series s : answer) {
            for (String column : s.columns()) {
                String pollutant = pollutantOf(column, "count", ReadingPoints.VALID);
                if (pollutant == null) {
                    continue;
                }
                // one row per hour any of the pollutants has a reading: the others count 0 there
                s.rows().stream()
                        .filter(row -> count(s, row, column) > 0)
                        .forEach(row -> f.hoursWithData
                                .computeIfAbsent(new PollutantKey(stack(s), pollutant), x -> MonthFigures.newHourSet())
                                .add(s.time(row)));
            }
        }
    }

    private static void readCarbon(List<Series> answer, MonthFigures f) {
        for (Series s : answer) {
            MonthFigures.CarbonSums c = f.carbon.computeIfAbsent(stack(s), k -> new MonthFigures.CarbonSums());
            for (JsonNode row : s.rows()) {
                c.addDay(
                        s.number(row, "co2_t"),
                        s.number(row, "energy_mwh"),
                        s.number(row, "coal_rate_gross_gce_kwh"),
                        s.number(row, "coal_rate_net_gce_kwh"));
            }
        }
    }

    /** The fields {@code <code><suffix>} of the catalogue's pollutants, as an InfluxQL regex. */
    private static String pollutantFields(String suffix) {
        return "/^(" + String.join("|", POLLUTANTS) + ")" + suffix + "$/";
    }

    /**
     * The pollutant of a column of a regex aggregate, which InfluxQL names {@code <function>_<field>}
     * ({@code sum_a21026_mass_kg}); null for another column.
     */
    private static String pollutantOf(String column, String function, String suffix) {
        String prefix = function + "_";
        if (!column.startsWith(prefix) || !column.endsWith(suffix)) {
            return null;
        }
        String pollutant = column.substring(prefix.length(), column.length() - suffix.length());
        return POLLUTANTS.contains(pollutant) ? pollutant : null;
    }

    /** Each stack's value of each pollutant's column, where the stack has that pollutant. */
    private static void perPollutant(
            List<Series> answer, String function, String suffix, BiConsumer<PollutantKey, Double> into) {
        for (Series s : answer) {
            for (String column : s.columns()) {
                String pollutant = pollutantOf(column, function, suffix);
                Double value = pollutant == null ? null : s.number(column);
                if (value != null) {
                    into.accept(new PollutantKey(stack(s), pollutant), value);
                }
            }
        }
    }

    private static void counts(List<Series> answer, String pollutant, Map<PollutantKey, Long> into) {
        for (Series s : answer) {
            into.put(new PollutantKey(stack(s), pollutant), count(s, "hours"));
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

    private static StackKey stack(Series s) {
        return new StackKey(s.tag("enterprise"), s.tag("source"));
    }

    private static DeviceKey deviceKey(Series s) {
        return new DeviceKey(
                s.tag("enterprise"), s.tag("device"), s.tag("device_type"), s.tag("pollutant"), s.tag("source"));
    }

    private static String quoted(String identifier) {
        return "\"" + identifier + "\"";
    }

    static String literal(String s) {
        return s.replace("\\", "\\\\").replace("'", "\\'");
    }
}
