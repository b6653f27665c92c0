package org.cems.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A dashboard JSON file and the InfluxQL it holds: panel targets, variable queries, annotations. */
record Dashboard(Path file, JsonNode json) {
    static List<Dashboard> all() {
        return RepoFiles.dashboardFiles().stream()
                .map(f -> new Dashboard(f, RepoFiles.json(f)))
                .toList();
    }

    String uid() {
        return json.path("uid").asText();
    }

    /** Panels, including those nested in collapsed rows. */
    List<JsonNode> panels() {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : json.path("panels")) {
            out.add(p);
            p.path("panels").forEach(out::add);
        }
        return out;
    }

    List<JsonNode> variables() {
        List<JsonNode> out = new ArrayList<>();
        json.path("templating").path("list").forEach(out::add);
        return out;
    }

    List<PanelQuery> panelQueries() {
        List<PanelQuery> out = new ArrayList<>();
        for (JsonNode p : panels()) {
            for (JsonNode t : p.path("targets")) {
                out.add(new PanelQuery(
                        uid(),
                        "panel \"" + p.path("title").asText() + "\" "
                                + t.path("refId").asText(),
                        t.path("query").asText()));
            }
        }
        for (JsonNode a : json.path("annotations").path("list")) {
            if (a.has("query")) {
                out.add(new PanelQuery(
                        uid(),
                        "annotation \"" + a.path("name").asText() + "\"",
                        a.path("query").asText()));
            }
        }
        return out;
    }

    List<PanelQuery> variableQueries() {
        List<PanelQuery> out = new ArrayList<>();
        for (JsonNode v : variables()) {
            if ("query".equals(v.path("type").asText())) {
                out.add(new PanelQuery(
                        uid(),
                        "variable $" + v.path("name").asText(),
                        v.path("query").asText()));
            }
        }
        return out;
    }

    /** InfluxQL queries of the provisioned alert rules (expression steps left out). */
    static List<PanelQuery> alertRuleQueries() {
        List<PanelQuery> out = new ArrayList<>();
        for (Path f : RepoFiles.files(RepoFiles.PROVISIONING.resolve("alerting"), ".yaml", ".yml")) {
            for (JsonNode doc : RepoFiles.yamlDocuments(f)) {
                for (JsonNode group : doc.path("groups")) {
                    for (JsonNode rule : group.path("rules")) {
                        for (JsonNode step : rule.path("data")) {
                            if (step.path("model").has("query")) {
                                out.add(new PanelQuery(
                                        f.getFileName().toString(),
                                        "rule " + rule.path("uid").asText() + " "
                                                + step.path("refId").asText(),
                                        step.path("model").path("query").asText()));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }
}
