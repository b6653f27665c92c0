package org.cems.grafana;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One InfluxQL query of a dashboard or alert rule, as written there (macros and variables not
 * yet expanded).
 *
 * @param dashboard the dashboard uid, or the alert rule file
 * @param where what holds it: a panel title and refId, a variable or an annotation
 * @param query the raw InfluxQL
 */
record PanelQuery(String dashboard, String where, String query) {
    private static final Pattern FROM_MEASUREMENT =
            Pattern.compile("\\bFROM\\s+\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

    /** The measurements a query reads ({@code FROM "name"}), in order. */
    static List<String> measurementsNamed(String query) {
        List<String> out = new ArrayList<>();
        Matcher m = FROM_MEASUREMENT.matcher(query);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Override
    public String toString() {
        return dashboard + " / " + where;
    }
}
