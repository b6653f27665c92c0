package org.cems.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.cems.hj212.Parameter;
import org.cems.hj212.Parameter.Category;
import org.cems.hj212.ParameterCatalogue;
import org.cems.job.EmissionsJob;
import org.cems.job.config.JobConfig;
import org.junit.jupiter.api.Test;

/** The provisioning, dashboard and deployment files parse and fit together. */
class ProvisioningFilesTest {
    static final String DATASOURCE_UID = "cems-influxdb";
    static final String GRAFANA_BUILT_IN = "-- Grafana --";
    static final Pattern HJ212_CODE = Pattern.compile("\\ba\\d{5}\\b");
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
        yaml.forEach(f -> assertThat(RepoFiles.yamlDocuments(f)).as(f.toString()).isNotEmpty());
        assertThat(json).hasSizeGreaterThanOrEqualTo(7);
    }

    @Test
    void dashboardsHaveUniqueFixedUidsAndNoExportPlaceholders() {
        Set<String> uids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (Dashboard d : Dashboard.all()) {
            String name = d.file().getFileName().toString();
            assertThat(d.uid()).as(name + " uid").matches("[a-z0-9-]{8,40}");
            assertThat(uids.add(d.uid())).as(name + ": uid " + d.uid() + " is used twice").isTrue();
            assertThat(titles.add(d.json().path("title").asText())).as(name + ": title used twice").isTrue();
            assertThat(d.json().has("__inputs")).as(name + " is an external export").isFalse();
            assertThat(d.json().path("id").isMissingNode() || d.json().path("id").isNull()).as(name + " id").isTrue();
            Set<Integer> panelIds = new HashSet<>();
            for (JsonNode p : d.panels()) {
                assertThat(panelIds.add(p.path("id").asInt())).as(name + ": panel id " + p.path("id") + " twice").isTrue();
            }
        }
        for (Path f : RepoFiles.files(RepoFiles.ROOT.resolve("grafana"), ".json", ".yaml", ".yml")) {
            assertThat(RepoFiles.text(f)).as(f.toString()).doesNotContain("${DS_");
        }
    }

    @Test
    void everyQueryUsesTheProvisionedDataSource() {
        JsonNode ds = RepoFiles.yamlDocuments(RepoFiles.PROVISIONING.resolve("datasources/influxdb.yaml")).get(0).path("datasources").path(0);
        assertThat(ds.path("uid").asText()).isEqualTo(DATASOURCE_UID);
        assertThat(ds.path("type").asText()).isEqualTo("influxdb");
        assertThat(ds.path("jsonData").has("version")).as("no version: InfluxQL").isFalse();
        for (Dashboard d : Dashboard.all()) {
            List<JsonNode> refs = new ArrayList<>();
            for (JsonNode p : d.panels()) {
                if (!"row".equals(p.path("type").asText())) {
                    refs.add(p.path("datasource"));
                    p.path("targets").forEach(t -> refs.add(t.path("datasource")));
                }
            }
            d.variables().stream().filter(v -> "query".equals(v.path("type").asText())).forEach(v -> refs.add(v.path("datasource")));
            d.json().path("annotations").path("list").forEach(a -> refs.add(a.path("datasource")));
            for (JsonNode ref : refs) {
                assertThat(ref.path("uid").asText()).as(d.uid() + ": " + ref).isIn(DATASOURCE_UID, GRAFANA_BUILT_IN);
            }
        }
    }

    @Test
    void alertRulesHaveUniqueUidsAndUseTheDataSource() {
        Set<String> uids = new HashSet<>();
        for (Path f : RepoFiles.files(RepoFiles.PROVISIONING.resolve("alerting"), ".yaml")) {
            for (JsonNode group : RepoFiles.yamlDocuments(f).get(0).path("groups")) {
                assertThat(group.path("rules")).as(f + " rules").isNotEmpty();
                for (JsonNode rule : group.path("rules")) {
                    assertThat(uids.add(rule.path("uid").asText())).as("rule uid " + rule.path("uid")).isTrue();
                    Set<String> refIds = new HashSet<>();
                    for (JsonNode step : rule.path("data")) {
                        refIds.add(step.path("refId").asText());
                        assertThat(step.path("datasourceUid").asText()).isIn(DATASOURCE_UID, "__expr__");
                    }
                    assertThat(refIds).as(rule.path("uid") + " condition").contains(rule.path("condition").asText());
                }
            }
        }
        assertThat(uids).contains("cems-no-readings");
    }

    @Test
    void composeMountsWhatTheProvidersRead() {
        String compose = RepoFiles.text(RepoFiles.DOCKER.resolve("compose.yml"));
        JsonNode provider = RepoFiles.yamlDocuments(RepoFiles.PROVISIONING.resolve("dashboards/cems.yaml")).get(0).path("providers").path(0);
        assertThat(compose).contains("../grafana/dashboards:" + provider.path("options").path("path").asText() + ":ro");
        assertThat(compose).contains("../grafana/provisioning:/etc/grafana/provisioning:ro");
        JsonNode grafana = RepoFiles.yamlDocuments(RepoFiles.DOCKER.resolve("compose.yml")).get(0).path("services").path("grafana");
        String home = grafana.path("environment").path("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH").asText();
        assertThat(RepoFiles.DASHBOARDS.resolve(Path.of(home).getFileName())).exists();
    }

    /** The compose job configuration has only keys the job knows, and names the compose services. */
    @Test
    void composeJobConfigPointsAtComposeServices() throws IOException {
        JobConfig c = JOB_CONFIG.readValue(RepoFiles.DOCKER.resolve("config/cems-compose.yaml").toFile(), JobConfig.class);
        assertThat(RepoFiles.DOCKER.resolve("config").resolve(c.registry)).isEqualTo(RepoFiles.REGISTRY);
        assertThat(c.kafka.bootstrapServers).isEqualTo("kafka:19092");
        assertThat(c.mqtt.brokerUris).containsExactly("tcp://mosquitto:1883");
        assertThat(c.influxdb.url).isEqualTo("http://influxdb:8086");
        // the write-only user init-dbrp.sh creates, not the admin token
        assertThat(c.influxdb.api).isEqualTo("v1");
        assertThat(c.influxdb.username).isEqualTo("cems-writer");
        assertThat(c.influxdb.passwordEnv).isEqualTo("CEMS_INFLUXDB_WRITER_PASSWORD");
        assertThat(c.influxdb.tokenEnv).isNull();
        JsonNode services = RepoFiles.yamlDocuments(RepoFiles.DOCKER.resolve("compose.yml")).get(0).path("services");
        for (String s : List.of("kafka", "mosquitto", "influxdb", "grafana", "jobmanager", "taskmanager", "simulator")) {
            assertThat(services.has(s)).as("service " + s).isTrue();
        }
        // the DBRP mapping names the database after the bucket
        assertThat(services.path("influxdb").path("environment").path("DOCKER_INFLUXDB_INIT_BUCKET").asText()).isEqualTo(c.influxdb.database);
    }

    @Test
    void kubernetesJobConfigHasOnlyKnownKeys() throws IOException {
        JsonNode configMap = RepoFiles.yamlDocuments(RepoFiles.DOCKER.resolve("k8s/configmap.yaml")).get(0);
        JobConfig c = JOB_CONFIG.readValue(configMap.path("data").path("cems.yaml").asText(), JobConfig.class);
        assertThat(c.checkpoint.storage).startsWith("file:///flink-data/");
        JsonNode deployment = RepoFiles.yamlDocuments(RepoFiles.DOCKER.resolve("k8s/flinkdeployment.yaml")).get(0);
        assertThat(deployment.path("spec").path("job").path("entryClass").asText()).isEqualTo(EmissionsJob.class.getName());
        assertThat(deployment.path("spec").path("job").path("upgradeMode").asText()).isEqualTo("savepoint");
    }

    /** Every HJ 212 code a dashboard names (queries, variables, descriptions) is a parameter of the job's catalogue. */
    @Test
    void dashboardsNameOnlyCodesOfTheParameterCatalogue() {
        Set<String> named = new TreeSet<>();
        for (Dashboard d : Dashboard.all()) {
            Matcher code = HJ212_CODE.matcher(d.json().toString());
            while (code.find()) {
                Parameter p = ParameterCatalogue.standard().find(code.group()).orElse(null);
                assertThat(p).as(d.uid() + " names " + code.group() + ", not in the parameter catalogue").isNotNull();
                assertThat(p.category()).as(d.uid() + " names " + code.group() + ", which the job stores as reported").isNotEqualTo(Category.OTHER);
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
                if ("pollutant".equals(v.path("name").asText()) && "custom".equals(v.path("type").asText())) {
                    for (JsonNode option : v.path("options")) {
                        Parameter p = ParameterCatalogue.standard().get(option.path("value").asText());
                        assertThat(p.isPollutant()).as(d.uid() + ": " + p.code() + " is no pollutant").isTrue();
                        assertThat(option.path("text").asText()).as(d.uid() + ": " + p.code()).contains(p.label());
                        offered.add(p.code());
                    }
                }
            }
        }
        assertThat(offered).isNotEmpty();
    }
}
