package org.cems.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's deployment files (grafana/ and docker/) and parsers for them. */
final class RepoFiles {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Path ROOT = findRoot();
    static final Path DASHBOARDS = ROOT.resolve("grafana/dashboards");
    static final Path PROVISIONING = ROOT.resolve("grafana/provisioning");
    static final Path DOCKER = ROOT.resolve("docker");
    static final Path REGISTRY = DOCKER.resolve("config/registry.yaml");

    private RepoFiles() {}

    /** The repository root: the first directory upwards that holds docker/config/registry.yaml. */
    private static Path findRoot() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docker/config/registry.yaml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no docker/config/registry.yaml above " + System.getProperty("user.dir"));
    }

    /** Files under {@code dir} whose names end in one of {@code suffixes}, sorted. */
    static List<Path> files(Path dir, String... suffixes) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(suffixes)
                            .anyMatch(s -> p.getFileName().toString().endsWith(s)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The dashboard on the Prometheus data source (docs/metrics.md): PromQL, so not among {@link #dashboardFiles()}. */
    static final Path PIPELINE_HEALTH = DASHBOARDS.resolve("pipeline-health.json");

    /** The dashboards on InfluxDB (InfluxQL). */
    static List<Path> dashboardFiles() {
        return files(DASHBOARDS, ".json").stream()
                .filter(f -> !f.equals(PIPELINE_HEALTH))
                .toList();
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError(ROOT.relativize(file) + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Every document of a YAML file (Kubernetes manifests hold several). */
    static List<JsonNode> yamlDocuments(Path file) {
        try {
            return YAML.readValues(YAML.getFactory().createParser(file.toFile()), JsonNode.class)
                    .readAll();
        } catch (IOException e) {
            throw new AssertionError(ROOT.relativize(file) + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
