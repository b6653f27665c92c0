package org.cems.connector.influxdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.cems.connector.base.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Response handling that a real InfluxDB 1.6.7 cannot be made to show on demand (503 with
 * Retry-After, 401), against a scripted HTTP server.
 */
class InfluxDbWriteClientTest {
    private static final String SECRET_ENV = "CEMS_TEST_INFLUX_SECRET";

    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final Map<String, String> rejected = new ConcurrentHashMap<>();
    private volatile Function<String, Reply> replies = body -> new Reply(204, "", null);

    private static final class Reply {
        final int status;
        final String body;
        final String retryAfter;

        Reply(int status, String body, String retryAfter) {
            this.status = status;
            this.body = body;
            this.retryAfter = retryAfter;
        }
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        bodies.add(body);
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        Reply reply = replies.apply(body);
        if (reply.retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", reply.retryAfter);
        }
        byte[] out = reply.body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status, out.length == 0 ? -1 : out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    private InfluxDbOptions.Builder options() {
        return InfluxDbOptions.builder()
                .url("http://127.0.0.1:" + server.getAddress().getPort())
                .database("cems")
                .tokenEnv(SECRET_ENV)
                .retryPolicy(new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5)));
    }

    private InfluxDbWriteClient client(InfluxDbOptions options) {
        return new InfluxDbWriteClient(
                options,
                Credentials.authorizationHeader(options, System::getenv),
                new InfluxDbSinkMetrics(new UnregisteredMetricsGroup()),
                (line, message) -> rejected.put(line.toString(), message));
    }

    private static List<EncodedLine> lines(String... lines) {
        return java.util.Arrays.stream(lines).map(EncodedLine::of).collect(Collectors.toList());
    }

    @Test
    void retriesA503AfterTheServersRetryAfter() throws Exception {
        replies = body -> bodies.size() == 1 ? new Reply(503, "{\"error\":\"busy\"}", "1") : new Reply(204, "", null);
        long start = System.nanoTime();
        try (InfluxDbWriteClient client = client(options().build())) {
            client.write(lines("m f=1i 1")).get(10, TimeUnit.SECONDS);
        }
        assertThat(bodies).containsExactly("m f=1i 1\n", "m f=1i 1\n");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void failsPastTheRetryBoundInsteadOfDropping() {
        replies = body -> new Reply(500, "{\"error\":\"timeout\"}", null);
        try (InfluxDbWriteClient client = client(options().build())) {
            assertThatThrownBy(() -> client.write(lines("m f=1i 1")).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(InfluxDbWriteException.class)
                    .hasMessageContaining("after 4 attempts");
        }
        assertThat(bodies).hasSize(4);
    }

    @Test
    void bisectsARefusedBatchToHandOverOnlyTheBadLines() throws Exception {
        replies = body -> body.contains("bad")
                ? new Reply(400, "{\"error\":\"partial write: field type conflict\"}", null)
                : new Reply(204, "", null);
        List<String> batch = IntStream.range(0, 16)
                .mapToObj(i -> (i == 3 || i == 12 ? "bad" : "m") + " f=" + i + "i " + i)
                .collect(Collectors.toList());
        try (InfluxDbWriteClient client = client(options().build())) {
            client.write(lines(batch.toArray(new String[0]))).get(10, TimeUnit.SECONDS);
        }
        assertThat(rejected).containsOnlyKeys("bad f=3i 3", "bad f=12i 12");
        assertThat(rejected.get("bad f=3i 3")).startsWith("400 ").contains("field type conflict");
        // every good line was in some accepted request, in the batch's order
        String accepted = bodies.stream().filter(b -> !b.contains("bad")).collect(Collectors.joining());
        assertThat(accepted.lines())
                .containsExactlyElementsOf(
                        batch.stream().filter(l -> !l.startsWith("bad")).collect(Collectors.toList()));
    }

    @Test
    void sendsTheTokenFromTheEnvironmentAndFailsFastNamingTheKeyOn401() {
        replies = body -> new Reply(401, "{\"error\":\"authorization failed\"}", null);
        try (InfluxDbWriteClient client = client(options().build())) {
            assertThatThrownBy(client::checkTargetWritable)
                    .isInstanceOf(InfluxDbConfigurationException.class)
                    .hasMessageContaining("influxdb.token-env")
                    .hasMessageNotContaining(System.getenv(SECRET_ENV));
        }
        assertThat(authorizations).containsExactly("Token " + System.getenv(SECRET_ENV));
        assertThat(bodies).containsExactly("");
    }

    @Test
    void aMissingSecretVariableIsNamedWithItsKey() {
        InfluxDbOptions options =
                options().tokenEnv("CEMS_TEST_NO_SUCH_VARIABLE").build();
        assertThatThrownBy(() -> Credentials.authorizationHeader(options, System::getenv))
                .hasMessageContaining("CEMS_TEST_NO_SUCH_VARIABLE")
                .hasMessageContaining("influxdb.token-env");
    }

    @Test
    void userAndPasswordGoAsBasicAuthOnV1AndOptionsNeverShowTheSecret() {
        InfluxDbOptions options = options()
                .tokenEnv(null)
                .username("writer")
                .passwordEnv(SECRET_ENV)
                .build();
        assertThat(Credentials.authorizationHeader(options, name -> "pw")).isEqualTo(Optional.of("Basic d3JpdGVyOnB3"));
        assertThat(options.toString()).contains("$" + SECRET_ENV).doesNotContain(System.getenv(SECRET_ENV));
    }

    @Test
    void writeUrlsCarryTargetAndExplicitPrecision() {
        assertThat(InfluxDbWriteClient.writeUri(
                                options().retentionPolicy("one week").build())
                        .toString())
                .endsWith("/write?db=cems&rp=one+week&precision=ms");
        assertThat(InfluxDbWriteClient.writeUri(InfluxDbOptions.builder()
                                .url("http://h:8086/")
                                .api(InfluxDbApi.V2)
                                .org("cems org")
                                .bucket("b")
                                .precision(WritePrecision.NANOSECONDS)
                                .build())
                        .toString())
                .isEqualTo("http://h:8086/api/v2/write?bucket=b&org=cems+org&precision=ns");
    }
}
