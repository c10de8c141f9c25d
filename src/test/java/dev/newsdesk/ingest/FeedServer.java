package dev.newsdesk.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server for tests that serves whatever bodies the test puts at its paths (404 elsewhere), and counts
 * the requests it receives.
 */
final class FeedServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            byte[] body = bodies.get(path);
            int status = statuses.getOrDefault(path, body == null ? 404 : 200);
            if (body != null && path.endsWith(".xml")) {
                exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            }
            exchange.sendResponseHeaders(status, body == null || status != 200 ? -1 : body.length);
            if (body != null && status == 200) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    FeedServer put(String path, String body) {
        return put(path, body.getBytes(StandardCharsets.UTF_8));
    }

    FeedServer put(String path, byte[] body) {
        bodies.put(path, body);
        statuses.remove(path);
        return this;
    }

    FeedServer fail(String path, int status) {
        statuses.put(path, status);
        return this;
    }

    /** Requests received for {@code path}. */
    int requests(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    /** Requests received for any path. */
    int requests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
