package org.cems.connector.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.annotation.Internal;

/**
 * JSON POSTs with a bounded time each; an answer that is not 2xx is sorted into worth retrying or
 * not. Java 17's HttpClient has no close: its thread ends once the client is unreachable.
 */
@Internal
final class HttpPoster {
    private final HttpClient client;
    private final Duration timeout;

    HttpPoster(Duration timeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
    }

    /** Any response the server gave; an IOException when there was none (refused connection, timeout). */
    HttpResponse<String> post(URI uri, String json, Map<String, String> headers)
            throws InterruptedException, IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** 408, 429 and 5xx pass; any other failure status is the request's fault and would fail again. */
    static Outcome byStatus(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status / 100 == 2) {
            return Outcome.delivered();
        }
        String detail = "HTTP " + status + " " + abbreviate(response.body());
        return status == 408 || status == 429 || status >= 500 ? Outcome.retry(detail) : Outcome.refused(detail);
    }

    /** A network failure or timeout: worth retrying. Names the exception only, never the URL (it may hold a token). */
    static Outcome networkFailure(IOException e) {
        return Outcome.retry(
                e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + abbreviate(e.getMessage())));
    }

    static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
