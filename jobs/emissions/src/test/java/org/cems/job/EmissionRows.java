package org.cems.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One pollutant's view of {@code emission} and {@code emission_total} rows (a point per source or
 * scope and window, docs/interface.md): its fields under their plain names ({@code a21026_mass_kg}
 * as {@code mass_kg}), with the point's tags and shared fields, and the pollutant as
 * {@code pollutant}, so that assertions read one pollutant's figures as a row.
 */
final class EmissionRows {
    /** A pollutant's field: its HJ 212 code, then the figure. */
    private static final Pattern POLLUTANT_FIELD = Pattern.compile("^[a-z]\\d{5}_");

    private EmissionRows() {}

    /** The rows that carry {@code pollutant}, each as that pollutant's view. */
    static List<Map<String, JsonNode>> of(List<Map<String, JsonNode>> rows, String pollutant) {
        return rows.stream()
                .filter(r -> r.get(pollutant + "_valid_count") != null
                        && !r.get(pollutant + "_valid_count").isNull())
                .map(r -> view(r, pollutant))
                .toList();
    }

    /** {@code pollutant}'s view of one row. */
    static Map<String, JsonNode> view(Map<String, JsonNode> row, String pollutant) {
        String prefix = pollutant + "_";
        Map<String, JsonNode> view = new HashMap<>();
        row.forEach((column, value) -> {
            if (column.startsWith(prefix)) {
                view.put(column.substring(prefix.length()), value);
            } else if (!POLLUTANT_FIELD.matcher(column).find()) {
                view.put(column, value);
            }
        });
        view.put("pollutant", TextNode.valueOf(pollutant));
        return view;
    }
}
