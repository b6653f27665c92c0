package org.cems.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The parts of Flink's REST API the fault suite needs: submit, watch, count restarts, cancel. */
final class FlinkRest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    FlinkRest(String base) {
        this.base = base;
    }

    /** {@code POST /jars/upload}: returns the jar id to run it by. */
    String uploadJar(Path jar) throws IOException {
        String boundary = "cems-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                        + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(jar));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(base + "/jars/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        String file = answer.path("filename").asText();
        return file.substring(file.lastIndexOf('/') + 1);
    }

    /** {@code POST /jars/<id>/run} with the job's program arguments: returns the job id. */
    String run(String jarId, List<String> args) throws IOException {
        String json = MAPPER.createObjectNode()
                .set("programArgsList", MAPPER.valueToTree(args))
                .toString();
        return send(HttpRequest.newBuilder(URI.create(base + "/jars/" + jarId + "/run"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)))
                .path("jobid")
                .asText();
    }

    /** True when the job is RUNNING with every task of every vertex running (not just scheduled). */
    boolean fullyRunning(String jobId) throws IOException {
        JsonNode job = get("/jobs/" + jobId);
        if (!"RUNNING".equals(job.path("state").asText())) {
            return false;
        }
        for (JsonNode vertex : job.path("vertices")) {
            if (vertex.path("tasks").path("RUNNING").asInt()
                    != vertex.path("parallelism").asInt()) {
                return false;
            }
        }
        return true;
    }

    String state(String jobId) throws IOException {
        return get("/jobs/" + jobId).path("state").asText();
    }

    /** The job's {@code numRestarts} metric: how often it was restarted after a failure. */
    long restarts(String jobId) throws IOException {
        JsonNode metrics = get("/jobs/" + jobId + "/metrics?get=numRestarts");
        return metrics.isArray() && !metrics.isEmpty()
                ? metrics.get(0).path("value").asLong()
                : 0L;
    }

    /** The failures the JobManager recorded for the job ({@code /jobs/<id>/exceptions}). */
    JsonNode exceptionHistory(String jobId) throws IOException {
        return get("/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries");
    }

    void cancel(String jobId) throws IOException {
        send(HttpRequest.newBuilder(URI.create(base + "/jobs/" + jobId + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));
    }

    private JsonNode get(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IOException(
                        response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? MAPPER.createObjectNode() : MAPPER.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
