package org.cems.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The metrics and packaging files fit together: Prometheus scrapes the compose services on the
 * ports they serve metrics on, the pipeline-health dashboard reads the Prometheus data source and
 * only metrics docs/metrics.md lists, the gateway is an image, a compose service and a Kubernetes
 * Deployment and Service, and the job leaves parallelism and checkpoints to the cluster.
 */
class MetricsDeploymentTest {
    static final String PROMETHEUS_UID = "cems-prometheus";
    static final Pattern METRIC =
            Pattern.compile("\\b(flink_[A-Za-z0-9_]+|cems_gateway_[a-z_]+?)(_bucket|_sum|_count)?\\b");
    static final int FLINK_METRICS_PORT = 9249;
    static final int GATEWAY_PORT = 9212;
    static final int GATEWAY_METRICS_PORT = 9213;

    private static JsonNode compose() {
        return RepoFiles.yamlDocuments(RepoFiles.DOCKER.resolve("compose.yml"))
                .get(0)
                .path("services");
    }

    @Test
    void prometheusScrapesTheJobAndTheGatewayWhereTheyServe() {
        JsonNode services = compose();
        JsonNode prometheus = services.path("prometheus");
        assertThat(prometheus.path("image").asText()).startsWith("prom/prometheus:");
        assertThat(prometheus.path("volumes").toString())
                .contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
        assertThat(prometheus.path("ports").get(0).asText()).startsWith("127.0.0.1:");

        String flinkProperties = services.path("jobmanager")
                .path("environment")
                .path("FLINK_PROPERTIES")
                .asText();
        assertThat(flinkProperties)
                .contains(
                        "metrics.reporter.prom.factory.class: org.apache.flink.metrics.prometheus.PrometheusReporterFactory",
                        "metrics.reporter.prom.port: " + FLINK_METRICS_PORT);
        assertThat(services.path("gateway").path("command").asText())
                .contains("--metrics-port " + GATEWAY_METRICS_PORT, "--listen 0.0.0.0:" + GATEWAY_PORT);

        JsonNode scrape = RepoFiles.yamlDocuments(RepoFiles.DOCKER.resolve("prometheus/prometheus.yml"))
                .get(0)
                .path("scrape_configs");
        List<String> targets = new ArrayList<>();
        for (JsonNode job : scrape) {
            job.path("static_configs").forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText())));
            job.path("dns_sd_configs")
                    .forEach(c -> c.path("names")
                            .forEach(n -> targets.add(
                                    n.asText() + ":" + c.path("port").asInt())));
        }
        assertThat(targets)
                .containsExactlyInAnyOrder(
                        "jobmanager:" + FLINK_METRICS_PORT,
                        "taskmanager:" + FLINK_METRICS_PORT,
                        "gateway:" + GATEWAY_METRICS_PORT);
        targets.forEach(t -> assertThat(services.has(t.substring(0, t.indexOf(':'))))
                .as("compose service of " + t)
                .isTrue());
    }

    @Test
    void grafanaHasThePrometheusDataSourceBesideInfluxDb() {
        JsonNode ds = RepoFiles.yamlDocuments(RepoFiles.PROVISIONING.resolve("datasources/prometheus.yaml"))
                .get(0)
                .path("datasources")
                .path(0);
        assertThat(ds.path("uid").asText()).isEqualTo(PROMETHEUS_UID);
        assertThat(ds.path("type").asText()).isEqualTo("prometheus");
        assertThat(ds.path("isDefault").asBoolean())
                .as("InfluxDB stays the default")
                .isFalse();
        assertThat(ds.path("url").asText()).isEqualTo("${CEMS_PROMETHEUS_URL}");
        assertThat(compose()
                        .path("grafana")
                        .path("environment")
                        .path("CEMS_PROMETHEUS_URL")
                        .asText())
                .contains("http://prometheus:9090");
    }

    @Test
    void pipelineHealthDashboardQueriesDocumentedMetricsOnPrometheus() {
        JsonNode d = RepoFiles.json(RepoFiles.PIPELINE_HEALTH);
        assertThat(d.path("uid").asText()).matches("[a-z0-9-]{8,40}");
        for (Dashboard other : Dashboard.all()) {
            assertThat(other.uid()).isNotEqualTo(d.path("uid").asText());
            assertThat(other.json().path("title").asText())
                    .isNotEqualTo(d.path("title").asText());
        }
        String docs = RepoFiles.text(RepoFiles.ROOT.resolve("docs/metrics.md"));
        Set<String> queried = new TreeSet<>();
        Set<String> titles = new TreeSet<>();
        for (JsonNode p : new Dashboard(RepoFiles.PIPELINE_HEALTH, d).panels()) {
            if ("row".equals(p.path("type").asText())) {
                continue;
            }
            assertThat(p.path("datasource").path("uid").asText())
                    .as(p.path("title").asText())
                    .isEqualTo(PROMETHEUS_UID);
            assertThat(p.path("targets")).as(p.path("title").asText()).isNotEmpty();
            for (JsonNode t : p.path("targets")) {
                assertThat(t.path("datasource").path("uid").asText()).isEqualTo(PROMETHEUS_UID);
                Matcher m = METRIC.matcher(t.path("expr").asText());
                assertThat(m.find()).as(p.path("title") + ": " + t.path("expr")).isTrue();
                do {
                    queried.add(m.group(1));
                } while (m.find());
            }
            titles.add(p.path("title").asText());
        }
        queried.forEach(
                name -> assertThat(docs).as("docs/metrics.md lists " + name).contains("`" + name));
        // what the issue asks the dashboard to show
        assertThat(queried)
                .contains(
                        "flink_taskmanager_job_task_operator_pendingRecords",
                        "flink_jobmanager_job_lastCheckpointDuration",
                        "flink_jobmanager_job_numberOfFailedCheckpoints",
                        "flink_taskmanager_job_task_operator_retries",
                        "flink_taskmanager_job_task_operator_reason_deadLetters",
                        "cems_gateway_kafka_ack_seconds");
        assertThat(titles).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void mosquittoQueuesEnoughForAJobRestart() {
        Matcher m = Pattern.compile("(?m)^max_queued_messages (\\d+)$")
                .matcher(RepoFiles.text(RepoFiles.DOCKER.resolve("mosquitto/mosquitto.conf")));
        assertThat(m.find()).isTrue();
        assertThat(Long.parseLong(m.group(1))).as("Mosquitto's default is 1000").isGreaterThanOrEqualTo(100_000);
    }

    @Test
    void gatewayIsAnImageAComposeServiceAndAKubernetesDeploymentWithService() {
        String dockerfile = RepoFiles.text(RepoFiles.DOCKER.resolve("Dockerfile"));
        assertThat(dockerfile)
                .contains(
                        "AS gateway",
                        "org.cems.cli.GatewayCommand",
                        "EXPOSE " + GATEWAY_PORT + " " + GATEWAY_METRICS_PORT);
        JsonNode gateway = compose().path("gateway");
        assertThat(gateway.path("build").path("target").asText()).isEqualTo("gateway");
        assertThat(gateway.path("ports").get(0).asText()).startsWith("${CEMS_GATEWAY_BIND:-127.0.0.1}:");

        List<JsonNode> docs = RepoFiles.yamlDocuments(RepoFiles.DOCKER.resolve("k8s/gateway.yaml"));
        JsonNode deployment = docs.stream()
                .filter(n -> n.path("kind").asText().equals("Deployment"))
                .findFirst()
                .orElseThrow();
        JsonNode container = deployment
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
        String args = container.path("args").toString();
        assertThat(args)
                .contains(
                        "\"--listen\",\"0.0.0.0:" + GATEWAY_PORT + "\"",
                        "\"--metrics-port\",\"" + GATEWAY_METRICS_PORT + "\"");
        assertThat(container.path("ports").toString())
                .contains("\"containerPort\":" + GATEWAY_PORT, "\"containerPort\":" + GATEWAY_METRICS_PORT);
        assertThat(deployment
                        .path("spec")
                        .path("template")
                        .path("metadata")
                        .path("annotations")
                        .path("prometheus.io/port")
                        .asText())
                .isEqualTo(Integer.toString(GATEWAY_METRICS_PORT));
        JsonNode labels =
                deployment.path("spec").path("template").path("metadata").path("labels");
        List<JsonNode> services = docs.stream()
                .filter(n -> n.path("kind").asText().equals("Service"))
                .toList();
        assertThat(services).hasSize(2);
        for (JsonNode s : services) {
            assertThat(s.path("spec").path("selector")).isEqualTo(labels);
        }
        JsonNode tcp = services.stream()
                .filter(s -> s.path("spec").path("type").asText().equals("LoadBalancer"))
                .findFirst()
                .orElseThrow();
        assertThat(tcp.path("spec").path("ports").toString())
                .contains("\"port\":" + GATEWAY_PORT, "\"protocol\":\"TCP\"")
                .doesNotContain(Integer.toString(GATEWAY_METRICS_PORT));
    }

    @Test
    void kubernetesJobHasTheReporterAndLeavesParallelismAndCheckpointsToTheCluster() throws Exception {
        JsonNode deployment = RepoFiles.yamlDocuments(RepoFiles.DOCKER.resolve("k8s/flinkdeployment.yaml"))
                .get(0);
        JsonNode flink = deployment.path("spec").path("flinkConfiguration");
        assertThat(flink.path("metrics.reporter.prom.factory.class").asText())
                .isEqualTo("org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
        assertThat(flink.path("metrics.reporter.prom.port").asText()).isEqualTo(Integer.toString(FLINK_METRICS_PORT));
        assertThat(flink.path("execution.checkpointing.interval").asText()).isNotEmpty();
        assertThat(deployment
                        .path("spec")
                        .path("podTemplate")
                        .path("metadata")
                        .path("annotations")
                        .path("prometheus.io/port")
                        .asText())
                .isEqualTo(Integer.toString(FLINK_METRICS_PORT));
        JsonNode configMap = RepoFiles.yamlDocuments(RepoFiles.DOCKER.resolve("k8s/configmap.yaml"))
                .get(0);
        var k8s = ProvisioningFilesTest.JOB_CONFIG.readValue(
                configMap.path("data").path("cems.yaml").asText(), org.cems.job.config.JobConfig.class);
        var compose = ProvisioningFilesTest.JOB_CONFIG.readValue(
                RepoFiles.DOCKER.resolve("config/cems-compose.yaml").toFile(), org.cems.job.config.JobConfig.class);
        for (var c : List.of(k8s, compose)) {
            assertThat(c.parallelism).isNull();
            assertThat(c.checkpoint.interval).isNull();
        }
        assertThat(compose()
                        .path("jobmanager")
                        .path("environment")
                        .path("FLINK_PROPERTIES")
                        .asText())
                .contains("parallelism.default: ", "execution.checkpointing.interval: ");
    }
}
