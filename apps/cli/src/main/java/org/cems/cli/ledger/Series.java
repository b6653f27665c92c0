package org.cems.cli.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** One series of an InfluxQL result: its GROUP BY tags and its rows (column 0 is the time, epoch ms). */
record Series(Map<String, String> tags, List<String> columns, List<JsonNode> rows) {

    String tag(String key) {
        return tags.getOrDefault(key, "");
    }

    /** The number in a row's column, or null when InfluxDB returned null (no such field in the rows). */
    Double number(JsonNode row, String column) {
        JsonNode v = row.path(columns.indexOf(column));
        return v.isNumber() ? v.asDouble() : null;
    }

    long time(JsonNode row) {
        return row.path(0).asLong();
    }

    /** The first row's number, for an aggregate without GROUP BY time. */
    Double number(String column) {
        return rows.isEmpty() ? null : number(rows.get(0), column);
    }
}
