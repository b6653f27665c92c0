package org.cems.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Grafana's expansion of the variables the dashboards use, as the query test sends them. */
class QueryExpanderTest {
    static final QueryExpander EXPANDER = new QueryExpander(
            0,
            3_600_000,
            "1m",
            Map.of("pollutant", List.of("a21026", "a21002"), "source", List.of("u1-stack"), "one", List.of("a21026")));

    @Test
    void regexFormatJoinsTheValuesInAFieldRegex() {
        assertThat(EXPANDER.expand("SELECT mean(/^${pollutant:regex}_conc_ref_mg_m3$/) FROM \"emission\""))
                .isEqualTo("SELECT mean(/^(a21026|a21002)_conc_ref_mg_m3$/) FROM \"emission\"");
        assertThat(EXPANDER.expand("SELECT mean(/^${one:regex}_conc_ref_mg_m3$/) FROM \"emission\""))
                .isEqualTo("SELECT mean(/^a21026_conc_ref_mg_m3$/) FROM \"emission\"");
        assertThat(EXPANDER.expand("SELECT last(/^(${pollutant:pipe})_valid$/) FROM \"emission\""))
                .isEqualTo("SELECT last(/^(a21026|a21002)_valid$/) FROM \"emission\"");
    }

    @Test
    void tagRegexesAndSingleValues() {
        assertThat(EXPANDER.expand(
                        "WHERE \"source\" =~ /^$source$/ AND \"pollutant\" =~ /^$pollutant$/ AND $timeFilter"))
                .isEqualTo("WHERE \"source\" =~ /^u1-stack$/ AND \"pollutant\" =~ /^(a21026|a21002)$/ AND "
                        + "time >= 0ms and time <= 3600000ms");
        assertThatThrownBy(() -> EXPANDER.expand("SELECT mean(\"${pollutant}_conc_ref_mg_m3\")"))
                .hasMessageContaining("several values");
        assertThatThrownBy(() -> EXPANDER.expand("WHERE \"device\" = '$device'"))
                .isInstanceOf(QueryExpander.UnresolvedVariable.class);
    }
}
