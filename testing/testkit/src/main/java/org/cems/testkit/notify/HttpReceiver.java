package org.cems.testkit.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import org.cems.testkit.ServerTests;

/**
 * A real HTTP server on a free loopback port (the JDK's), for the notification targets' tests: it
 * keeps every request and lets a subclass answer it.
 */
public abstract class HttpReceiver implements AutoCloseable {
    private final HttpServer server;
    private final String path;
    private final List<ReceivedRequest> requests = Collections.synchronizedList(new ArrayList<>());

    protected HttpReceiver(String path) {
        ServerTests.requireIntegrationTest(getClass().getSimpleName());
        this.path = path;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a test HTTP server", e);
        }
        server.createContext(path, this::handle);
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.start();
    }

    /** The answer to one request: status and JSON body. */
    protected record Answer(int status, String json) {}

    protected abstract Answer answer(ReceivedRequest request);

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            ReceivedRequest request = new ReceivedRequest(
                    ReceivedRequest.parseQuery(exchange.getRequestURI().getRawQuery()),
                    headers,
                    body,
                    System.currentTimeMillis());
            requests.add(request);
            Answer a = answer(request);
            byte[] out = a.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(a.status(), out.length);
            exchange.getResponseBody().write(out);
        }
    }

    /** Where to send, without query. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Every request so far, in order of arrival. */
    public List<ReceivedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
