package org.cems.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cems.hj212.Parameter;
import org.cems.hj212.Parameter.Category;
import org.cems.hj212.ParameterCatalogue;
import org.cems.job.EmissionsJob;
import org.cems.job.config.JobConfig;
import org.cems.job.points.EmissionPoints;
import org.cems.job.points.TotalPoints;
import org.junit.jupiter.api.Test;

/** The provisioning, dashboard and deployment files parse and fit together. */
class ProvisioningFilesTest {
    static final String DATASOURCE_UID = "cems-influxdb";
    static final String GRAFANA_BUILT_IN = "-- Grafana --";
    static final Pattern HJ212_CODE = Pattern.compile("\\ba\\d{5}\\b");
    static final String EXPRESSION = "__expr__";
    static final Pattern REGISTRY_MEASUREMENT = Pattern.compile("FROM \"(registry_\\w+)\"");
    static final Pattern GROUP_BY = Pattern.compile("(?i)\\bGROUP BY\\b(.*)$");
    /** Grafana's contact point integrations (grafana/alerting receivers) this project may use. */
    static final Set<String> CONTACT_POINT_TYPES =
            Set.of("email", "webhook", "dingding", "wecom", "slack", "teams", "telegram", "kafka");
    /** Settings that hold a secret (a robot's URL carries its token) or a person's address. */
    static final List<String> SECRET_OR_ADDRESS_SETTINGS = List.of(
            "url", "secret", "password", "username", "authorization_credentials", "addresses", "corp_id", "agent_id");

    static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{(\\w+)}|\\$__env\\{(\\w+)}");
    /** A token, robot key or password written out: access_token=..., key=..., secret/password: literal. */
    static final Pattern SECRET_LITERAL = Pattern.compile(
            "access_token=\\w|[?&]key=[\\w-]{6,}|(?i)\\b(secret|password|token|authorization_credentials)\\s*:\\s*(?![\"']?(\\$\\{|\\$__env\\{|Token \\$\\{))[\"']?\\S");
    /** As the job reads its configuration (JobConfigLoader), without its checks of the environment. */
    static final ObjectMapper JOB_CONFIG = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void everyFileParses() {
        List<Path> json = RepoFiles.files(RepoFiles.ROOT.resolve("grafana"), ".json");
        List<Path> yaml = new ArrayList<>(RepoFiles.files(RepoFiles.PROVISIONING, ".yaml", ".yml"));
        yaml.addAll(RepoFiles.files(RepoFiles.DOCKER, ".yaml", ".yml"));
        json.forEach(RepoFiles::json);
        yaml.forEach(
                f -> assertThat(RepoFiles.yamlDocuments(f)).as(f.toString()).isNotEmpty());
        assertThat(json).hasSizeGreaterThanOrEqualTo(7);
    }

    @Test
    void dashboardsHaveUniqueFixedUidsAndNoExportPlaceholders() {
        Set<String> uids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (Dashboard d : Dashboard.all()) {
            String name = d.file().getFileName().toString();
            assertThat(d.uid()).as(name + " uid").matches("[a-z0-9-]{8,40}");
            assertThat(uids.add(d.uid()))
                    .as(name + ": uid " + d.uid() + " is used twice")
                    .isTrue();
            assertThat(titles.add(d.json().path("title").asText()))
                    .as(name + ": title used twice")
                    .isTrue();
            assertThat(d.json().has("__inputs"))
                    .as(name + " is an external export")
                    .isFalse();
            assertThat(d.json().path("id").isMissingNode()
                            || d.json().path("id").isNull())
                    .as(name + " id")
                    .isTrue();
            Set<Integer> panelIds = new HashSet<>();
            for (JsonNode p : d.panels()) {
                assertThat(panelIds.add(p.path("id").asInt()))
                        .as(name + ": panel id " + p.path("id") + " twice")
                        .isTrue();
            }
        }
        for (Path f : RepoFiles.files(RepoFiles.ROOT.resolve("grafana"), ".json", ".yaml", ".yml")) {
            assertThat(RepoFiles.text(f)).as(f.toString()).doesNotContain("${DS_");
        }
    }

    @Test
    void everyQueryUsesTheProvisionedDataSource() {
        JsonNode ds = RepoFiles.yamlDocuments(RepoFiles.PROVISIONING.resolve("datasources/influxdb.yaml"))
                .get(0)
                .path("datasources")
                .path(0);
        assertThat(ds.path("uid").asText()).isEqualTo(DATASOURCE_UID);
        assertThat(ds.path("type").asText()).isEqualTo("influxdb");
        assertThat(ds.path("jsonData").has("version"))
                .as("no version: InfluxQL")
                .isFalse();
        for (Dashboard d : Dashboard.all()) {
            List<JsonNode> refs = new ArrayList<>();
            for (JsonNode p : d.panels()) {
                if (!"row".equals(p.path("type").asText())) {
                    refs.add(p.path("datasource"));
                    p.path("targets").forEach(t -> refs.add(t.path("datasource")));
                }
            }
            d.variables().stream()
                    .filter(v -> "query".equals(v.path("type").asText()))
                    .forEach(v -> refs.add(v.path("datasource")));
            d.json().path("annotations").path("list").forEach(a -> refs.add(a.path("datasource")));
            for (JsonNode ref : refs) {
                assertThat(ref.path("uid").asText()).as(d.uid() + ": " + ref).isIn(DATASOURCE_UID, GRAFANA_BUILT_IN);
            }
        }
    }

    @Test
    void alertRulesHaveUniqueUidsAndUseTheDataSource() {
        Set<String> dataSources = provisionedDataSourceUids();
        Set<String> uids = new HashSet<>();
        for (JsonNode rule : alertRules()) {
            String uid = rule.path("uid").asText();
            assertThat(uids.add(uid)).as("rule uid " + uid).isTrue();
            Set<String> refIds = new HashSet<>();
            for (JsonNode step : rule.path("data")) {
                refIds.add(step.path("refId").asText());
                String ds = step.path("datasourceUid").asText();
                assertThat(ds)
                        .as(uid + " " + step.path("refId") + ": a provisioned data source or an expression")
                        .isIn(union(dataSources, Set.of(EXPRESSION)));
                if (EXPRESSION.equals(ds)) {
                    // an expression reads a step before it
                    assertThat(refIds)
                            .as(uid + " " + step.path("refId") + " reads")
                            .contains(step.path("model").path("expression").asText());
                }
            }
            assertThat(refIds)
                    .as(uid + " condition")
                    .contains(rule.path("condition").asText());
            assertThat(rule.path("labels").path("severity").asText())
                    .as(uid + " severity")
                    .isIn("critical", "warning");
            assertThat(rule.path("noDataState").asText()).as(uid).isIn("NoData", "Alerting", "OK", "KeepLast");
            assertThat(rule.path("execErrState").asText()).as(uid).isIn("Error", "Alerting", "OK", "KeepLast");
        }
        assertThat(uids).contains("cems-no-readings", "cems-no-minute-emissions", "cems-dead-letter-surge");
    }

    /**
     * Alert queries take no template variables (Grafana evaluates them without a dashboard): each
     * expands with the time macros alone into one InfluxQL SELECT naming its measurement (the
     * dashboard test runs them on a job's InfluxDB).
     */
    @Test
    void alertQueriesAreInfluxQlWithoutTemplateVariables() {
        QueryExpander macrosOnly = new QueryExpander(0, 600_000, "1m", Map.of());
        List<PanelQuery> queries = Dashboard.alertRuleQueries();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(3);
        for (PanelQuery q : queries) {
            String expanded = macrosOnly.expand(q.query());
            assertThat(expanded).as(q.toString()).startsWith("SELECT ").doesNotContain("$timeFilter", "$__");
            assertThat(expanded.split(";")).as(q + ": one statement").hasSize(1);
            assertThat(PanelQuery.measurementsNamed(q.query()))
                    .as(q + " names its measurement")
                    .hasSize(1);
        }
    }

    /** Contact points of known types, secrets and addresses from environment variables that compose sets. */
    @Test
    void contactPointsTakeTheirSecretsFromTheEnvironment() {
        Set<String> composeGrafanaEnv = new HashSet<>();
        RepoFiles.yamlDocuments(RepoFiles.DOCKER.resolve("compose.yml"))
                .get(0)
                .path("services")
                .path("grafana")
                .path("environment")
                .fieldNames()
                .forEachRemaining(composeGrafanaEnv::add);
        Set<String> types = new HashSet<>();
        Set<String> receiverUids = new HashSet<>();
        for (JsonNode point : contactPoints()) {
            for (JsonNode receiver : point.path("receivers")) {
                String where = point.path("name").asText() + " / "
                        + receiver.path("uid").asText();
                assertThat(receiverUids.add(receiver.path("uid").asText()))
                        .as(where + ": uid used twice")
                        .isTrue();
                String type = receiver.path("type").asText();
                assertThat(type).as(where).isIn(CONTACT_POINT_TYPES);
                types.add(type);
                for (String key : SECRET_OR_ADDRESS_SETTINGS) {
                    JsonNode value = receiver.path("settings").path(key);
                    if (!value.isMissingNode()) {
                        Matcher env = ENV_REFERENCE.matcher(value.asText());
                        assertThat(env.matches())
                                .as(where + ": " + key + " must be ${VAR} or $__env{VAR}, not a literal")
                                .isTrue();
                        String variable = env.group(1) != null ? env.group(1) : env.group(2);
                        assertThat(composeGrafanaEnv)
                                .as(where + ": compose passes " + variable + " to grafana")
                                .contains(variable);
                    }
                }
                // Grafana expands $VAR in every setting: a $ in a message template would be eaten
                receiver.path("settings").fields().forEachRemaining(e -> {
                    if (!ENV_REFERENCE.matcher(e.getValue().asText()).matches()) {
                        assertThat(e.getValue().asText())
                                .as(where + ": " + e.getKey())
                                .doesNotContain("$");
                    }
                });
                if (Set.of("webhook", "dingding", "wecom").contains(type)) {
                    assertThat(receiver.path("settings").path("url").isMissingNode())
                            .as(where + " url")
                            .isFalse();
                }
            }
        }
        assertThat(types).contains("webhook", "email", "dingding", "wecom");
    }

    /** No token, key or password is written into a provisioning or compose file (compose defaults are demo values). */
    @Test
    void noSecretLiteralInProvisioning() {
        for (Path f : RepoFiles.files(RepoFiles.PROVISIONING, ".yaml", ".yml")) {
            String text = RepoFiles.text(f);
            assertThat(SECRET_LITERAL.matcher(text).find())
                    .as(f + " holds a secret literal: "
                            + text.lines()
                                    .filter(l -> SECRET_LITERAL.matcher(l).find())
                                    .toList())
                    .isFalse();
        }
        JsonNode grafana = RepoFiles.yamlDocuments(RepoFiles.DOCKER.resolve("compose.yml"))
                .get(0)
                .path("services")
                .path("grafana")
                .path("environment");
        for (String name : List.of("CEMS_ALERT_DINGTALK_URL", "CEMS_ALERT_WECOM_URL", "CEMS_ALERT_WEBHOOK_URL")) {
            // the default delivers nowhere: no robot of anyone's receives the demo's alerts
            assertThat(grafana.path(name).asText()).as(name).startsWith("${" + name + ":-http://localhost:9/");
        }
    }

    /** Every policy sends to a provisioned contact point, and every rule's severity has a way out. */
    @Test
    void notificationPoliciesRouteToProvisionedContactPoints() {
        Set<String> names = new HashSet<>();
        contactPoints().forEach(p -> names.add(p.path("name").asText()));
        List<JsonNode> policies = new ArrayList<>();
        for (Path f : RepoFiles.files(RepoFiles.PROVISIONING.resolve("alerting"), ".yaml", ".yml")) {
            RepoFiles.yamlDocuments(f).get(0).path("policies").forEach(policies::add);
        }
        assertThat(policies).as("one policy tree for org 1").hasSize(1);
        JsonNode root = policies.get(0);
        assertThat(root.path("receiver").asText()).as("root receiver").isIn(names);
        List<JsonNode> routes = new ArrayList<>();
        collectRoutes(root, routes);
        Set<String> routedSeverities = new HashSet<>();
        for (JsonNode route : routes) {
            assertThat(route.path("receiver").asText()).as("route " + route).isIn(names);
            for (JsonNode m : route.path("object_matchers")) {
                assertThat(m).as("matcher " + m).hasSize(3);
                assertThat(m.get(1).asText()).isIn("=", "!=", "=~", "!~");
                if ("severity".equals(m.get(0).asText())) {
                    routedSeverities.add(m.get(2).asText());
                }
            }
        }
        assertThat(routedSeverities)
                .as("warnings leave the duty officer's phone")
                .contains("warning");
    }

    private static void collectRoutes(JsonNode policy, List<JsonNode> out) {
        for (JsonNode route : policy.path("routes")) {
            out.add(route);
            collectRoutes(route, out);
        }
    }

    static List<JsonNode> alertRules() {
        List<JsonNode> rules = new ArrayList<>();
        for (Path f : RepoFiles.files(RepoFiles.PROVISIONING.resolve("alerting"), ".yaml", ".yml")) {
            for (JsonNode group : RepoFiles.yamlDocuments(f).get(0).path("groups")) {
                assertThat(group.path("rules")).as(f + " rules").isNotEmpty();
                group.path("rules").forEach(rules::add);
            }
        }
        return rules;
    }

    static List<JsonNode> contactPoints() {
        List<JsonNode> points = new ArrayList<>();
        for (Path f : RepoFiles.files(RepoFiles.PROVISIONING.resolve("alerting"), ".yaml", ".yml")) {
            RepoFiles.yamlDocuments(f).get(0).path("contactPoints").forEach(points::add);
        }
        return points;
    }

    static Set<String> provisionedDataSourceUids() {
        Set<String> uids = new HashSet<>();
        for (Path f : RepoFiles.files(RepoFiles.PROVISIONING.resolve("datasources"), ".yaml", ".yml")) {
            RepoFiles.yamlDocuments(f)
                    .get(0)
                    .path("datasources")
                    .forEach(ds -> uids.add(ds.path("uid").asText()));
        }
        return uids;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void composeMountsWhatTheProvidersRead() {
        String compose = RepoFiles.text(RepoFiles.DOCKER.resolve("compose.yml"));
        JsonNode provider = RepoFiles.yamlDocuments(RepoFiles.PROVISIONING.resolve("dashboards/cems.yaml"))
                .get(0)
                .path("providers")
                .path(0);
        assertThat(compose)
                .contains("../grafana/dashboards:"
                        + provider.path("options").path("path").asText() + ":ro");
        assertThat(compose).contains("../grafana/provisioning:/etc/grafana/provisioning:ro");
        JsonNode grafana = RepoFiles.yamlDocuments(RepoFiles.DOCKER.resolve("compose.yml"))
                .get(0)
                .path("services")
                .path("grafana");
        String home = grafana.path("environment")
                .path("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH")
                .asText();
        assertThat(RepoFiles.DASHBOARDS.resolve(Path.of(home).getFileName())).exists();
    }

    /** The compose job configuration has only keys the job knows, and names the compose services. */
    @Test
    void composeJobConfigPointsAtComposeServices() throws IOException {
        JobConfig c = JOB_CONFIG.readValue(
                RepoFiles.DOCKER.resolve("config/cems-compose.yaml").toFile(), JobConfig.class);
        assertThat(RepoFiles.DOCKER.resolve("config").resolve(c.registry)).isEqualTo(RepoFiles.REGISTRY);
        assertThat(c.kafka.bootstrapServers).isEqualTo("kafka:19092");
        assertThat(c.mqtt.brokerUris).containsExactly("tcp://mosquitto:1883");
        assertThat(c.influxdb.url).isEqualTo("http://influxdb:8086");
        // the write-only user init-dbrp.sh creates, not the admin token
        assertThat(c.influxdb.api).isEqualTo("v1");
        assertThat(c.influxdb.username).isEqualTo("cems-writer");
        assertThat(c.influxdb.passwordEnv).isEqualTo("CEMS_INFLUXDB_WRITER_PASSWORD");
        assertThat(c.influxdb.tokenEnv).isNull();
        JsonNode services = RepoFiles.yamlDocuments(RepoFiles.DOCKER.resolve("compose.yml"))
                .get(0)
                .path("services");
        for (String s :
                List.of("kafka", "mosquitto", "influxdb", "grafana", "jobmanager", "taskmanager", "simulator")) {
            assertThat(services.has(s)).as("service " + s).isTrue();
        }
        // the DBRP mapping names the database after the bucket
        assertThat(services.path("influxdb")
                        .path("environment")
                        .path("DOCKER_INFLUXDB_INIT_BUCKET")
                        .asText())
                .isEqualTo(c.influxdb.database);
    }

    @Test
    void kubernetesJobConfigHasOnlyKnownKeys() throws IOException {
        JsonNode configMap = RepoFiles.yamlDocuments(RepoFiles.DOCKER.resolve("k8s/configmap.yaml"))
                .get(0);
        JobConfig c =
                JOB_CONFIG.readValue(configMap.path("data").path("cems.yaml").asText(), JobConfig.class);
        assertThat(c.checkpoint.storage).startsWith("file:///flink-data/");
        JsonNode deployment = RepoFiles.yamlDocuments(RepoFiles.DOCKER.resolve("k8s/flinkdeployment.yaml"))
                .get(0);
        assertThat(deployment.path("spec").path("job").path("entryClass").asText())
                .isEqualTo(EmissionsJob.class.getName());
        assertThat(deployment.path("spec").path("job").path("upgradeMode").asText())
                .isEqualTo("savepoint");
    }

    /** A duty officer in Ordos reads Beijing time whatever the browser says, and moves between dashboards with the variables set. */
    @Test
    void dashboardsShowShanghaiTimeAndCarryVariablesAcross() {
        List<Dashboard> influxAndPrometheus = new ArrayList<>(Dashboard.all());
        influxAndPrometheus.add(new Dashboard(RepoFiles.PIPELINE_HEALTH, RepoFiles.json(RepoFiles.PIPELINE_HEALTH)));
        for (Dashboard d : influxAndPrometheus) {
            assertThat(d.json().path("timezone").asText())
                    .as(d.uid() + " timezone")
                    .isEqualTo("Asia/Shanghai");
            assertThat(d.json().path("links")).as(d.uid() + " links").isNotEmpty();
            d.json()
                    .path("links")
                    .forEach(l -> assertThat(l.path("includeVars").asBoolean()
                                    && l.path("keepTime").asBoolean())
                            .as(d.uid() + " link " + l.path("title"))
                            .isTrue());
        }
    }

    /**
     * Every table and legend that lists enterprises, sources or devices shows their registry names:
     * a table maps the id column to the name with "Config from query results" on a registry query of
     * the panel; a time series joins such a query and splits by the name.
     */
    @Test
    void tablesAndLegendsShowRegistryNames() {
        int tables = 0;
        int legends = 0;
        // pipeline-health is not among them: its Prometheus metrics carry no enterprise, source or device ids to name
        for (Dashboard d : Dashboard.all()) {
            for (JsonNode p : d.panels()) {
                Map<String, String> registryRefs = new java.util.HashMap<>();
                Set<String> idColumns = new TreeSet<>();
                for (JsonNode t : p.path("targets")) {
                    String q = t.path("query").asText();
                    Matcher registry = REGISTRY_MEASUREMENT.matcher(q);
                    if (registry.find()) {
                        registryRefs.put(t.path("refId").asText(), registry.group(1));
                    } else {
                        idColumns.addAll(registryIdColumns(q));
                    }
                }
                String where = d.uid() + " / " + p.path("title").asText();
                if (idColumns.isEmpty()) {
                    continue;
                }
                List<String> transformations = new ArrayList<>();
                p.path("transformations")
                        .forEach(t -> transformations.add(t.path("id").asText()));
                if ("table".equals(p.path("type").asText())) {
                    Set<String> named = new TreeSet<>();
                    for (JsonNode t : p.path("transformations")) {
                        if ("configFromData".equals(t.path("id").asText())) {
                            assertThat(registryRefs)
                                    .as(where + ": config query")
                                    .containsKey(t.path("options")
                                            .path("configRefId")
                                            .asText());
                            named.add(t.path("options")
                                    .path("applyTo")
                                    .path("options")
                                    .asText());
                        }
                    }
                    assertThat(named).as(where + ": names for the id columns").containsAll(idColumns);
                    tables++;
                } else if ("timeseries".equals(p.path("type").asText())) {
                    assertThat(registryRefs).as(where + ": a registry query").isNotEmpty();
                    assertThat(transformations).as(where).contains("joinByField", "partitionByValues");
                    assertThat(p.path("fieldConfig")
                                    .path("defaults")
                                    .path("displayName")
                                    .asText())
                            .as(where + " legend")
                            .contains("_name}");
                    legends++;
                }
            }
        }
        assertThat(tables).isGreaterThanOrEqualTo(15);
        assertThat(legends).isGreaterThanOrEqualTo(10);
    }

    /** The columns of a query that hold registry ids: the enterprise, source and device tags, and emission_total's id of enterprises. */
    static Set<String> registryIdColumns(String query) {
        Set<String> columns = new TreeSet<>();
        Matcher groupBy = GROUP_BY.matcher(query);
        String grouped = groupBy.find() ? groupBy.group(1) : "";
        String selected = query.replaceAll("(?is)\\bFROM\\b.*", "");
        for (String tag : List.of("enterprise", "source", "device")) {
            if (grouped.contains("\"" + tag + "\"") || selected.contains("\"" + tag + "\"")) {
                columns.add(tag);
            }
        }
        if (query.contains("\"scope\" = 'enterprise'") && grouped.contains("\"id\"")) {
            columns.add("id");
        }
        return columns;
    }

    /** Every HJ 212 code a dashboard names (queries, variables, descriptions) is a parameter of the job's catalogue. */
    @Test
    void dashboardsNameOnlyCodesOfTheParameterCatalogue() {
        Set<String> named = new TreeSet<>();
        for (Dashboard d : Dashboard.all()) {
            Matcher code = HJ212_CODE.matcher(d.json().toString());
            while (code.find()) {
                Parameter p = ParameterCatalogue.standard().find(code.group()).orElse(null);
                assertThat(p)
                        .as(d.uid() + " names " + code.group() + ", not in the parameter catalogue")
                        .isNotNull();
                assertThat(p.category())
                        .as(d.uid() + " names " + code.group() + ", which the job stores as reported")
                        .isNotEqualTo(Category.OTHER);
                named.add(code.group());
            }
        }
        assertThat(named).contains("a21026", "a19001");
    }

    /** The options of a dashboard's pollutant variable are the catalogue's pollutants, shown with its labels. */
    @Test
    void pollutantChoicesAreCataloguePollutantsWithTheirLabels() {
        List<String> offered = new ArrayList<>();
        for (Dashboard d : Dashboard.all()) {
            for (JsonNode v : d.variables()) {
                if ("pollutant".equals(v.path("name").asText())
                        && "custom".equals(v.path("type").asText())) {
                    for (JsonNode option : v.path("options")) {
                        Parameter p = ParameterCatalogue.standard()
                                .get(option.path("value").asText());
                        assertThat(p.isPollutant())
                                .as(d.uid() + ": " + p.code() + " is no pollutant")
                                .isTrue();
                        assertThat(option.path("text").asText())
                                .as(d.uid() + ": " + p.code())
                                .contains(p.label());
                        offered.add(p.code());
                    }
                }
            }
        }
        assertThat(offered).isNotEmpty();
    }

    /** The fields of each pollutant in {@code emission} (docs/interface.md "Outputs"), after its code. */
    static final List<String> EMISSION_POLLUTANT_FIGURES = List.of(
            "conc_mg_m3",
            "conc_ref_mg_m3",
            "rate_kg_h",
            "mass_kg",
            "mass_accounted_kg",
            "substituted",
            "mass_logger_kg",
            "valid_count",
            "stopped_count",
            "valid",
            "limit_mg_m3",
            "exceeded");
    /** The fields once per {@code emission} point. */
    static final List<String> EMISSION_POINT_FIELDS = List.of(
            EmissionPoints.POLLUTANT_COUNT,
            "flow_m3_h",
            "from_logger",
            "o2_capped",
            "duration_min",
            EmissionPoints.EXCEEDED_COUNT);

    static final Pattern SELECT_REGEX =
            Pattern.compile("(?:SELECT|,|\\()\\s*/((?:\\\\/|[^/])+)/", Pattern.CASE_INSENSITIVE);

    /** The fields of each pollutant in {@code emission_total}, after its code. */
    static final List<String> TOTAL_POLLUTANT_FIGURES = List.of("mass_kg", "sources");

    /**
     * {@code emission} is one point per source and window with a field set per pollutant, and
     * {@code emission_total} one per scope, id and window: no query names a {@code pollutant} tag
     * or a figure without its code, and each field regex (with every pollutant the dashboard
     * offers) selects pollutant fields only.
     */
    @Test
    void emissionQueriesReadAFieldSetPerPollutant() {
        List<PanelQuery> queries = new ArrayList<>();
        Map<String, List<String>> offered = new java.util.HashMap<>();
        for (Dashboard d : Dashboard.all()) {
            queries.addAll(d.panelQueries());
            queries.addAll(d.variableQueries());
            for (JsonNode v : d.variables()) {
                // a custom list with all its options (as All), any other variable with a value of its own
                List<String> values = new ArrayList<>();
                if ("custom".equals(v.path("type").asText())) {
                    v.path("options").forEach(o -> values.add(o.path("value").asText()));
                } else {
                    values.add(v.path("name").asText() + "-1");
                }
                offered.put(v.path("name").asText(), values);
            }
        }
        queries.addAll(Dashboard.alertRuleQueries());
        QueryExpander expander = new QueryExpander(0, 600_000, "1m", offered);
        Map<String, List<String>> figures = Map.of(
                EmissionPoints.MEASUREMENT, EMISSION_POLLUTANT_FIGURES,
                TotalPoints.MEASUREMENT, TOTAL_POLLUTANT_FIGURES);
        List<String> pollutantFields = new ArrayList<>();
        for (Parameter p : ParameterCatalogue.standard().all()) {
            if (p.isPollutant()) {
                figures.values().stream()
                        .flatMap(List::stream)
                        .distinct()
                        .forEach(f -> pollutantFields.add(EmissionPoints.field(p.code(), f)));
            }
        }
        int regexes = 0;
        for (PanelQuery q : queries) {
            List<String> wide = PanelQuery.measurementsNamed(q.query()).stream()
                    .filter(figures::containsKey)
                    .toList();
            if (wide.isEmpty()) {
                continue;
            }
            assertThat(q.query())
                    .as(q + ": " + wide + " has no pollutant tag")
                    .doesNotContain("\"pollutant\"", "$tag_pollutant");
            for (String figure :
                    wide.stream().flatMap(m -> figures.get(m).stream()).toList()) {
                assertThat(q.query())
                        .as(q + ": " + figure + " without a pollutant code")
                        .doesNotContain("\"" + figure + "\"");
            }
            Matcher m = SELECT_REGEX.matcher(expander.expand(q.query()).replaceAll("(?is)\\bFROM\\b.*", ""));
            while (m.find()) {
                Pattern fields = Pattern.compile(m.group(1));
                assertThat(pollutantFields.stream()
                                .filter(f -> fields.matcher(f).find()))
                        .as(q + ": /" + fields + "/ selects a pollutant's field")
                        .isNotEmpty();
                assertThat(EMISSION_POINT_FIELDS.stream()
                                .filter(f -> fields.matcher(f).find()))
                        .as(q + ": /" + fields + "/ selects only pollutants' fields")
                        .isEmpty();
                regexes++;
            }
        }
        assertThat(regexes).isGreaterThanOrEqualTo(9);
    }
}
