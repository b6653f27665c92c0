package org.cems.grafana;

/**
 * One InfluxQL query of a dashboard or alert rule, as written there (macros and variables not
 * yet expanded).
 *
 * @param dashboard the dashboard uid, or the alert rule file
 * @param where what holds it: a panel title and refId, a variable or an annotation
 * @param query the raw InfluxQL
 */
record PanelQuery(String dashboard, String where, String query) {
    @Override
    public String toString() {
        return dashboard + " / " + where;
    }
}
