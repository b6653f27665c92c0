package org.cems.connector.influxdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.annotation.Internal;
import org.cems.connector.base.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts batches of lines to the write endpoint over plain HTTP ({@link HttpClient}, keep-alive), and
 * decides what each answer means:
 *
 * <ul>
 *   <li>2xx: written.
 *   <li>429, 5xx, network errors and timeouts: retried by the {@link RetryPolicy}, honouring
 *       Retry-After; past it the returned future fails with an {@link InfluxDbWriteException}.
 *   <li>400, 413, 422 (field type conflict, unparsable or too large): the batch is split in halves,
 *       written one after the other, until the refused lines stand alone; each goes to the rejection
 *       callback with the server's message. Good lines written again are harmless: a point with the
 *       same series and time replaces itself, and the halves keep the batch's order.
 *   <li>anything else (401, 403, 404, a 5xx saying a database or retention policy is not found):
 *       the future fails with an {@link InfluxDbConfigurationException}, which fails the job without
 *       a restart: retrying cannot help.
 * </ul>
 */
@Internal
final class InfluxDbWriteClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InfluxDbWriteClient.class);
    private static final int MAX_MESSAGE_CHARS = 512;

    private final InfluxDbOptions options;
    private final URI writeUri;
    private final Optional<String> authorization;
    private final InfluxDbSinkMetrics metrics;
    private final BiConsumer<EncodedLine, String> rejectedLines;
    private final ExecutorService responseThreads;
    private final HttpClient http;

    /**
     * @param rejectedLines told of each line the server refused for good, with its message
     */
    InfluxDbWriteClient(
            InfluxDbOptions options,
            Optional<String> authorization,
            InfluxDbSinkMetrics metrics,
            BiConsumer<EncodedLine, String> rejectedLines) {
        this.options = options;
        this.writeUri = writeUri(options);
        this.authorization = authorization;
        this.metrics = metrics;
        this.rejectedLines = rejectedLines;
        AtomicInteger threadNumber = new AtomicInteger();
        this.responseThreads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "influxdb-sink-http-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
                // HTTP/2 would first try an h2c upgrade on every new plain-http connection
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.requestTimeout())
                .executor(responseThreads)
                .build();
    }

    static URI writeUri(InfluxDbOptions options) {
        String precision = "precision=" + options.precision().code(options.api());
        if (options.api() == InfluxDbApi.V1) {
            return URI.create(options.url() + "/write?db=" + encode(options.database())
                    + (options.retentionPolicy() == null ? "" : "&rp=" + encode(options.retentionPolicy()))
                    + "&" + precision);
        }
        return URI.create(options.url() + "/api/v2/write?bucket=" + encode(options.bucket())
                + (options.org() == null ? "" : "&org=" + encode(options.org())) + "&" + precision);
    }

    /**
     * Fails fast, with the key to fix, when the server refuses the credentials or lacks the database,
     * retention policy or bucket. It posts an empty body, which writes nothing: InfluxDB checks
     * credentials and target before it reads the body.
     */
    void checkTargetWritable() throws IOException {
        HttpResponse<String> response;
        try {
            response = sendWithRetry(new byte[0]).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfluxDbWriteException("interrupted while checking " + writeUri, e);
        } catch (ExecutionException e) {
            throw new InfluxDbWriteException(
                    "cannot reach InfluxDB at " + options.url() + " (check " + InfluxDbOptions.URL.key() + "): "
                            + e.getCause().getMessage(),
                    e.getCause());
        }
        int status = response.statusCode();
        // 400 can only be about the empty body (2.x: "writing requires points"): target and auth passed
        if (status / 100 != 2 && status != 400) {
            throw configurationProblem(status, message(response));
        }
    }

    private InfluxDbConfigurationException configurationProblem(int status, String message) {
        boolean credentials = status == 401 || status == 403;
        boolean noEndpoint = message.contains("page not found");
        return new InfluxDbConfigurationException(startupProblem(status, message), !credentials && !noEndpoint);
    }

    private String startupProblem(int status, String message) {
        String where = "InfluxDB at " + options.url() + " answered " + status + " (" + message + ") to a write to "
                + writeUri.getPath() + ": ";
        if (status == 401 || status == 403) {
            return where + "credentials refused, check " + InfluxDbOptions.USERNAME.key() + "/"
                    + InfluxDbOptions.PASSWORD_ENV.key() + " or " + InfluxDbOptions.TOKEN_ENV.key();
        }
        if (message.contains("page not found")) {
            return where + "no such endpoint, check " + InfluxDbOptions.API.key() + " and " + InfluxDbOptions.URL.key();
        }
        if (message.contains("retention policy")) {
            return where + "check " + InfluxDbOptions.RETENTION_POLICY.key();
        }
        if (options.api() == InfluxDbApi.V1) {
            return where + "check " + InfluxDbOptions.DATABASE.key();
        }
        return where + "check " + InfluxDbOptions.BUCKET.key() + " and " + InfluxDbOptions.ORG.key();
    }

    /** Writes {@code lines}; completes when every line is written or handed to the rejection callback. */
    CompletableFuture<Void> write(List<EncodedLine> lines) {
        byte[] body = body(lines);
        return sendWithRetry(body).thenCompose(response -> {
            int status = response.statusCode();
            if (status / 100 == 2) {
                metrics.written(lines.size(), body.length);
                return CompletableFuture.completedFuture(null);
            }
            if (isRefusedContent(status)) {
                if (lines.size() == 1) {
                    metrics.rejected();
                    rejectedLines.accept(lines.get(0), status + " " + message(response));
                    return CompletableFuture.completedFuture(null);
                }
                int half = lines.size() / 2;
                return write(lines.subList(0, half)).thenCompose(done -> write(lines.subList(half, lines.size())));
            }
            return CompletableFuture.failedFuture(configurationProblem(status, message(response)));
        });
    }

    private static boolean isRefusedContent(int status) {
        return status == 400 || status == 413 || status == 422;
    }

    private CompletableFuture<HttpResponse<String>> sendWithRetry(byte[] body) {
        return send(request(body), 1, 0L);
    }

    private CompletableFuture<HttpResponse<String>> send(HttpRequest request, int attempt, long waitedMillis) {
        long start = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    metrics.requestCompleted(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                    if (error == null && !isTransient(response)) {
                        return CompletableFuture.completedFuture(response);
                    }
                    Throwable cause = unwrap(error);
                    if (cause != null && !(cause instanceof IOException)) {
                        return CompletableFuture.<HttpResponse<String>>failedFuture(cause);
                    }
                    String problem = cause != null ? cause.toString() : response.statusCode() + " " + message(response);
                    RetryPolicy policy = options.retryPolicy();
                    long wait = retryAfterMillis(response).orElseGet(() -> policy.backoffMillis(attempt));
                    if (attempt >= policy.maxAttempts()
                            || waitedMillis + wait > policy.maxTotalBackoff().toMillis()) {
                        return CompletableFuture.<HttpResponse<String>>failedFuture(new InfluxDbWriteException(
                                "InfluxDB at " + options.url() + " still failing after " + attempt + " attempts and "
                                        + waitedMillis + " ms of backoff (" + policy + "): " + problem,
                                cause));
                    }
                    metrics.retried();
                    LOG.warn("InfluxDB write attempt {} failed ({}); retrying in {} ms", attempt, problem, wait);
                    return CompletableFuture.runAsync(
                                    () -> {},
                                    CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS, responseThreads))
                            .thenCompose(waited -> send(request, attempt + 1, waitedMillis + wait));
                })
                .thenCompose(next -> next);
    }

    /** 429 and 5xx, except a 5xx that says a configured thing does not exist (1.x: retention policy). */
    private static boolean isTransient(HttpResponse<String> response) {
        int status = response.statusCode();
        return status == 429 || (status >= 500 && !response.body().contains("not found"));
    }

    private static Optional<Long> retryAfterMillis(HttpResponse<String> response) {
        if (response == null) {
            return Optional.empty();
        }
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Math.max(0, Long.parseLong(value.trim()) * 1000));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    return Optional.of(Math.max(
                            0, Duration.between(ZonedDateTime.now(), at).toMillis()));
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        });
    }

    private HttpRequest request(byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(writeUri)
                .timeout(options.requestTimeout())
                .header("Content-Type", "text/plain; charset=utf-8");
        authorization.ifPresent(value -> request.header("Authorization", value));
        if (options.gzip()) {
            request.header("Content-Encoding", "gzip");
            body = gzip(body);
        }
        return request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static byte[] body(List<EncodedLine> lines) {
        int size = 0;
        for (EncodedLine line : lines) {
            size += line.sizeInBytes();
        }
        byte[] body = new byte[size];
        int at = 0;
        for (EncodedLine line : lines) {
            byte[] utf8 = line.utf8();
            System.arraycopy(utf8, 0, body, at, utf8.length);
            at += utf8.length;
            body[at++] = '\n';
        }
        return body;
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    private static String message(HttpResponse<String> response) {
        String body = response.body().strip();
        return body.length() <= MAX_MESSAGE_CHARS ? body : body.substring(0, MAX_MESSAGE_CHARS) + "…";
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        responseThreads.shutdownNow();
    }
}
