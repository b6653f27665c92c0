package org.cems.grafana;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Expands a dashboard's InfluxQL as Grafana's InfluxDB data source does before sending it: the
 * time macros for a fixed time range, and template variables, regex-escaped and joined as
 * {@code (a|b)} inside {@code =~ /.../} literals and where the format is {@code ${name:regex}} (a field
 * regex such as {@code mean(/^${pollutant:regex}_conc_ref_mg_m3$/)}), joined as {@code a|b} with
 * {@code ${name:pipe}}, as-is elsewhere (where only one value fits).
 */
final class QueryExpander {
    private static final Pattern REGEX_LITERAL = Pattern.compile("([=!]~\\s*)/((?:\\\\/|[^/])*)/");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::(\\w+))?}|\\[\\[(\\w+)]]|\\$(\\w+)");
    private static final Pattern REGEX_SPECIAL = Pattern.compile("[\\\\^$*+?.()|\\[\\]{}/]");

    /** A variable has no values yet (its own query names a measurement the job does not write yet). */
    static final class UnresolvedVariable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnresolvedVariable(String name) {
            super("$" + name + " has no values yet");
        }
    }

    private final long fromMillis;
    private final long toMillis;
    private final String interval;
    private final Map<String, List<String>> variables;

    /**
     * @param interval what {@code $__interval} stands for, e.g. {@code 1m}
     * @param variables values by variable name; an absent name is unresolved
     */
    QueryExpander(long fromMillis, long toMillis, String interval, Map<String, List<String>> variables) {
        this.fromMillis = fromMillis;
        this.toMillis = toMillis;
        this.interval = interval;
        this.variables = variables;
    }

    String expand(String query) {
        String q = query.replace("$__timeFilter", timeFilter())
                .replace("$timeFilter", timeFilter())
                .replace("$__interval_ms", String.valueOf(intervalMillis()))
                .replace("$__interval", interval)
                .replace("$interval", interval)
                .replace("$__range_ms", String.valueOf(toMillis - fromMillis))
                .replace("$__range_s", String.valueOf((toMillis - fromMillis) / 1000))
                .replace("$__range", (toMillis - fromMillis) / 1000 + "s")
                .replace("$__from", String.valueOf(fromMillis))
                .replace("$__to", String.valueOf(toMillis));
        Matcher literal = REGEX_LITERAL.matcher(q);
        StringBuilder out = new StringBuilder();
        while (literal.find()) {
            String regex = replaceVariables(literal.group(2), true);
            literal.appendReplacement(out, Matcher.quoteReplacement(literal.group(1) + "/" + regex + "/"));
        }
        literal.appendTail(out);
        return replaceVariables(out.toString(), false);
    }

    private String timeFilter() {
        return "time >= " + fromMillis + "ms and time <= " + toMillis + "ms";
    }

    private long intervalMillis() {
        long n = Long.parseLong(interval.substring(0, interval.length() - 1));
        return switch (interval.charAt(interval.length() - 1)) {
            case 's' -> n * 1000;
            case 'm' -> n * 60_000;
            case 'h' -> n * 3_600_000;
            default -> throw new IllegalArgumentException("interval " + interval);
        };
    }

    private String replaceVariables(String text, boolean inRegex) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(3) != null ? m.group(3) : m.group(4);
            String format = m.group(2);
            List<String> values = variables.get(name);
            if (values == null) {
                throw new UnresolvedVariable(name);
            }
            String value;
            if ("pipe".equals(format)) {
                value = String.join("|", values);
            } else if (inRegex || "regex".equals(format)) {
                List<String> escaped =
                        values.stream().map(QueryExpander::escapeRegex).toList();
                value = escaped.size() == 1
                        ? escaped.get(0)
                        : escaped.stream().collect(Collectors.joining("|", "(", ")"));
            } else if (values.size() == 1) {
                value = values.get(0);
            } else {
                throw new IllegalArgumentException(
                        "$" + name + " has several values: use it in a regex, =~ /^$" + name + "$/");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** As Grafana escapes variable values in InfluxQL regular expressions. */
    static String escapeRegex(String value) {
        return REGEX_SPECIAL.matcher(value).replaceAll("\\\\$0");
    }
}
