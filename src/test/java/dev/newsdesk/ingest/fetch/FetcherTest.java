package dev.newsdesk.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsdesk.ingest.IngestSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher against a real HTTP server started by the test. */
class FetcherTest {

    private static final byte[] FEED = "<rss version=\"2.0\"><channel><title>T</title></channel></rss>"
            .getBytes(StandardCharsets.UTF_8);

    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private volatile String userAgent;
    private volatile String ifNoneMatch;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed", exchange -> {
            userAgent = exchange.getRequestHeaders().getFirst("User-Agent");
            ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            if ("\"v1\"".equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.getResponseHeaders().add("Last-Modified", "Tue, 06 Jan 2026 10:00:00 GMT");
            send(exchange, 200, FEED);
        });
        server.createContext("/gzip", exchange -> {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write(FEED);
            }
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            send(exchange, 200, zipped.toByteArray());
        });
        server.createContext("/hop", exchange -> {
            int hop = Integer.parseInt(exchange.getRequestURI().getPath().substring("/hop/".length()));
            redirect(exchange, hop == 0 ? "/feed" : "/hop/" + (hop - 1));
        });
        server.createContext("/loop-a", exchange -> redirect(exchange, "/loop-b"));
        server.createContext("/loop-b", exchange -> redirect(exchange, "/loop-a"));
        server.createContext("/busy", exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "120");
            send(exchange, 429, new byte[0]);
        });
        server.createContext("/broken", exchange -> send(exchange, 500, new byte[0]));
        server.createContext("/silent", exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/huge", exchange -> send(exchange, 200, new byte[64 * 1024]));
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void fetchesConditionallyAndNamesItself() throws Exception {
        Fetcher fetcher = fetcher(true, 1 << 20);

        Fetched first = fetcher.fetch(uri("/feed"), null, null);
        assertThat(first.notModified()).isFalse();
        assertThat(first.body()).isEqualTo(FEED);
        assertThat(first.etag()).isEqualTo("\"v1\"");
        assertThat(userAgent).startsWith("Newsdesk/");

        Fetched second = fetcher.fetch(uri("/feed"), first.etag(), first.lastModified());
        assertThat(second.notModified()).isTrue();
        assertThat(ifNoneMatch).isEqualTo("\"v1\"");
    }

    @Test
    void decompressesGzip() throws Exception {
        assertThat(fetcher(true, 1 << 20).fetch(uri("/gzip"), null, null).body()).isEqualTo(FEED);
    }

    @Test
    void followsAFewRedirectsButNotLoopsOrLongChains() throws Exception {
        Fetcher fetcher = fetcher(true, 1 << 20);

        Fetched redirected = fetcher.fetch(uri("/hop/4"), null, null);
        assertThat(redirected.uri().getPath()).isEqualTo("/feed");
        assertThatThrownBy(() -> fetcher.fetch(uri("/hop/5"), null, null))
                .isInstanceOf(FetchFailed.class).hasMessage("The feed's address redirects more than 5 times");
        assertThatThrownBy(() -> fetcher.fetch(uri("/loop-a"), null, null))
                .isInstanceOf(FetchFailed.class).hasMessageStartingWith("The feed's address redirects in a loop");
    }

    @Test
    void honoursRetryAfter() {
        assertThatThrownBy(() -> fetcher(true, 1 << 20).fetch(uri("/busy"), null, null))
                .isInstanceOfSatisfying(FetchFailed.class, failed -> {
                    assertThat(failed.getMessage()).isEqualTo("The server asked to come back later (429), in 120 s");
                    assertThat(failed.retryAfter()).isEqualTo(Duration.ofSeconds(120));
                });
    }

    @Test
    void reportsServerErrors() {
        assertThatThrownBy(() -> fetcher(true, 1 << 20).fetch(uri("/broken"), null, null))
                .isInstanceOf(FetchFailed.class).hasMessage("The server answered 500 (a server error)");
    }

    @Test
    void givesUpOnAServerThatNeverAnswers() {
        assertThatThrownBy(() -> fetcher(true, 1 << 20).fetch(uri("/silent"), null, null))
                .isInstanceOf(FetchFailed.class).hasMessage("The server did not answer within 1 s");
    }

    @Test
    void refusesABodyOverTheCap() {
        assertThatThrownBy(() -> fetcher(true, 16 * 1024).fetch(uri("/huge"), null, null))
                .isInstanceOf(FetchFailed.class).hasMessage("The body is larger than 16 KB");
    }

    @Test
    void refusesPrivateAddressesAndOtherSchemes() {
        Fetcher careful = fetcher(false, 1 << 20);

        assertThatThrownBy(() -> careful.fetch(uri("/feed"), null, null))
                .isInstanceOf(FetchFailed.class).hasMessageContaining("is private");
        assertThatThrownBy(() -> careful.fetch(URI.create("http://169.254.169.254/latest/meta-data/"), null, null))
                .isInstanceOf(FetchFailed.class).hasMessageContaining("is private");
        assertThatThrownBy(() -> careful.fetch(URI.create("file:///etc/passwd"), null, null))
                .isInstanceOf(FetchFailed.class).hasMessage("Addresses with the scheme \"file\" are not allowed for feeds");
    }

    @Test
    void tellsPrivateFromPublicAddresses() throws Exception {
        assertThat(Fetcher.isPrivate(InetAddress.getByName("10.1.2.3"))).isTrue();
        assertThat(Fetcher.isPrivate(InetAddress.getByName("192.168.0.1"))).isTrue();
        assertThat(Fetcher.isPrivate(InetAddress.getByName("100.64.0.1"))).isTrue();
        assertThat(Fetcher.isPrivate(InetAddress.getByName("fd00::1"))).isTrue();
        assertThat(Fetcher.isPrivate(InetAddress.getByName("93.184.216.34"))).isFalse();
        assertThat(Fetcher.isPrivate(InetAddress.getByName("2001:db8::1"))).isFalse();
    }

    private Fetcher fetcher(boolean allowPrivate, int maxBytes) {
        IngestSettings defaults = IngestSettings.defaults();
        return new Fetcher(new IngestSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), maxBytes,
                defaults.maxImageBytes(), 5, Set.of("http", "https"), allowPrivate, 2, 2, defaults.userAgent(),
                defaults.firstBackoff(), defaults.maxBackoff(), defaults.schedulerTick(), defaults.nearDuplicateWindow(),
                true));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        send(exchange, 302, new byte[0]);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
