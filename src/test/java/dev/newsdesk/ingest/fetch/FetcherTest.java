package dev.newsdesk.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsdesk.ingest.IngestSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The fetcher against a real HTTP server started by the test, and names answered by {@link TestDns}. */
class FetcherTest {

    private static final byte[] FEED = "<rss version=\"2.0\"><channel><title>T</title></channel></rss>"
            .getBytes(StandardCharsets.UTF_8);

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private volatile String userAgent;
    private volatile String ifNoneMatch;
    private volatile String host;
    private final AtomicReference<byte[]> hello = new AtomicReference<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        context("/feed", exchange -> {
            userAgent = exchange.getRequestHeaders().getFirst("User-Agent");
            ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            host = exchange.getRequestHeaders().getFirst("Host");
            if ("\"v1\"".equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.getResponseHeaders().add("Last-Modified", "Tue, 06 Jan 2026 10:00:00 GMT");
            send(exchange, 200, FEED);
        });
        context("/gzip", exchange -> {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write(FEED);
            }
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            send(exchange, 200, zipped.toByteArray());
        });
        context("/hop", exchange -> {
            int hop = Integer.parseInt(exchange.getRequestURI().getPath().substring("/hop/".length()));
            redirect(exchange, hop == 0 ? "/feed" : "/hop/" + (hop - 1));
        });
        context("/loop-a", exchange -> redirect(exchange, "/loop-b"));
        context("/loop-b", exchange -> redirect(exchange, "/loop-a"));
        context("/inside", exchange -> redirect(exchange,
                "http://" + TestDns.MAPPED_LOOPBACK + ":" + server.getAddress().getPort() + "/feed"));
        context("/busy", exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "120");
            send(exchange, 429, new byte[0]);
        });
        context("/broken", exchange -> send(exchange, 500, new byte[0]));
        context("/silent", exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        context("/huge", exchange -> send(exchange, 200, new byte[64 * 1024]));
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    /** Serves {@code path}, counting every request that reaches this machine. */
    private void context(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, exchange -> {
            requests.incrementAndGet();
            handler.handle(exchange);
        });
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
        assertThatThrownBy(() -> careful.fetch(URI.create("http://[::ffff:127.0.0.1]:" + port() + "/feed"), null, null))
                .isInstanceOf(FetchFailed.class).hasMessageContaining("is private");
        assertThatThrownBy(() -> careful.fetch(URI.create("file:///etc/passwd"), null, null))
                .isInstanceOf(FetchFailed.class).hasMessage("Addresses with the scheme \"file\" are not allowed for feeds");
        assertThat(requests.get()).isZero();
    }

    @Test
    void refusesANameThatAnswersTheMappedLoopback() {
        assertThatThrownBy(() -> fetcher(false, 1 << 20).fetch(named(TestDns.MAPPED_LOOPBACK, "/feed"), null, null))
                .isInstanceOf(FetchFailed.class)
                .hasMessage("The address " + TestDns.MAPPED_LOOPBACK + " (0:0:0:0:0:ffff:7f00:1) is private; "
                        + "feeds may not point inside the portal's network");
        assertThat(requests.get()).as("requests that reached this machine").isZero();
    }

    @Test
    void connectsOnlyToTheAddressItChecked() {
        String rebinding = TestDns.rebinding();

        // The first answer is public, so the fetcher tries it and cannot get out of the test machine; a
        // second lookup would have answered 127.0.0.1, where this test's server listens.
        assertThatThrownBy(() -> fetcher(false, 1 << 20).fetch(named(rebinding, "/feed"), null, null))
                .isInstanceOf(FetchFailed.class);
        assertThat(requests.get()).as("requests that reached this machine").isZero();
        assertThat(TestDns.lookups(rebinding)).isEqualTo(1);
    }

    @Test
    void connectsOnlyToTheAddressItResolvedEvenWhenPrivateAddressesAreAllowed() throws Exception {
        String shifting = TestDns.shifting();

        // 127.0.0.1 first, then 127.0.0.2 where nothing listens: only a fetcher that resolves once gets the feed.
        assertThat(fetcher(true, 1 << 20).fetch(named(shifting, "/feed"), null, null).body()).isEqualTo(FEED);
        assertThat(TestDns.lookups(shifting)).isEqualTo(1);
    }

    @Test
    void checksEveryRedirectHop() {
        // This test's server stands in for a public one; it redirects to a name that answers the mapped loopback.
        Fetcher fetcher = new Fetcher(settings(false, 1 << 20, Duration.ofSeconds(1)),
                new AddressGuard(address -> address instanceof Inet4Address && address.isLoopbackAddress()
                        || AddressGuard.isPublic(address)));

        assertThatThrownBy(() -> fetcher.fetch(named(TestDns.LOOPBACK, "/inside"), null, null))
                .isInstanceOf(FetchFailed.class)
                .hasMessageStartingWith("The address " + TestDns.MAPPED_LOOPBACK + " (0:0:0:0:0:ffff:7f00:1) is private");
        assertThat(requests.get()).as("only the first hop was fetched").isEqualTo(1);
    }

    @Test
    void sendsTheHostNameInTheHostHeader() throws Exception {
        fetcher(true, 1 << 20).fetch(named(TestDns.LOOPBACK, "/feed"), null, null);

        assertThat(host).isEqualTo(TestDns.LOOPBACK + ":" + port());
    }

    @Test
    void namesTheHostToTls() throws Exception {
        try (ServerSocket tls = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                // Reads the ClientHello (a TLS record: five bytes of header, then its length) and hangs up.
                try (Socket client = tls.accept()) {
                    client.setSoTimeout(10_000);
                    InputStream in = client.getInputStream();
                    byte[] header = in.readNBytes(5);
                    hello.set(in.readNBytes((header[3] & 0xff) << 8 | header[4] & 0xff));
                } catch (IOException | ArrayIndexOutOfBoundsException e) {
                    hello.set(new byte[0]);
                }
            });

            assertThatThrownBy(() -> fetcher(true, 1 << 20, Duration.ofSeconds(10))
                    .fetch(URI.create("https://" + TestDns.LOOPBACK + ":" + tls.getLocalPort() + "/feed"), null, null))
                    .isInstanceOf(FetchFailed.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> hello.get() != null);
            // The ClientHello names the host (SNI), as it must for the certificate to be checked against it.
            assertThat(new String(hello.get(), StandardCharsets.ISO_8859_1)).contains(TestDns.LOOPBACK);
        }
    }

    @Test
    void closesTheConnectionOfAFetchThatRunsOutOfTime() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        try (ServerSocket stalling = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket client = stalling.accept()) {
                    InputStream in = client.getInputStream();
                    readRequest(in);
                    OutputStream out = client.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n<rss>".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    // Sends nothing more; the client hangs up when it gives up.
                    if (in.read() == -1) {
                        closed.countDown();
                    }
                } catch (IOException e) {
                    closed.countDown();
                }
            });

            assertThatThrownBy(() -> fetcher(true, 1 << 20)
                    .fetch(URI.create("http://127.0.0.1:" + stalling.getLocalPort() + "/feed"), null, null))
                    .isInstanceOf(FetchFailed.class).hasMessage("The server did not answer within 1 s");
            assertThat(closed.await(3, TimeUnit.SECONDS)).as("the server saw the client hang up").isTrue();
        }
    }

    @Test
    void refusesToFetchInsideATransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThatThrownBy(() -> fetcher(true, 1 << 20).fetch(uri("/feed"), null, null))
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(requests.get()).isZero();
    }

    @ParameterizedTest(name = "{0} is public: {1}")
    @CsvSource({
            // IPv4: this network, private, shared (CGNAT), loopback, link-local, special, documentation,
            // 6to4 relays, benchmarking, multicast, reserved, broadcast
            "0.0.0.0, false", "0.1.2.3, false", "10.0.0.1, false", "10.255.255.255, false", "100.64.0.1, false",
            "100.127.255.254, false", "127.0.0.1, false", "127.255.255.254, false", "169.254.169.254, false",
            "172.16.0.1, false", "172.31.255.254, false", "192.0.0.8, false", "192.0.2.1, false", "192.88.99.1, false",
            "192.168.1.1, false", "198.18.0.1, false", "198.19.255.254, false", "198.51.100.7, false",
            "203.0.113.9, false", "224.0.0.1, false", "239.255.255.250, false", "240.0.0.1, false",
            "255.255.255.255, false",
            // IPv4 that is public, some just beside the blocks above
            "93.184.216.34, true", "8.8.8.8, true", "1.1.1.1, true", "11.0.0.1, true", "100.63.255.255, true",
            "100.128.0.1, true", "126.255.255.255, true", "172.15.255.255, true", "172.32.0.1, true",
            "192.0.1.1, true", "198.17.255.255, true", "198.20.0.1, true", "223.255.255.254, true",
            // IPv6: unspecified, loopback, link-local, site-local, unique local, multicast, documentation,
            // discard-only, IETF protocol assignments (Teredo, benchmarking, ORCHID), the new documentation block,
            // segment routing, and anything outside global unicast
            "::, false", "::1, false", "fe80::1, false", "febf::1, false", "fec0::1, false", "fc00::1, false",
            "fd12:3456::1, false", "ff02::1, false", "ff0e::1, false", "2001:db8::1, false", "2001:db8:ffff::1, false",
            "100::1, false", "2001::1, false", "2001:0:4136:e378:8000:63bf:3fff:fdd2, false", "2001:2::1, false",
            "2001:10::1, false", "2001:20::1, false", "3fff::1, false", "5f00::1, false", "4000::1, false",
            // IPv6 that is public
            "2606:4700:4700::1111, true", "2a00:1450:4001:80b::200e, true", "2001:4860:4860::8888, true",
            "2001:200::1, true",
            // IPv4 inside IPv6: mapped, compatible, SIIT-translated, NAT64 (well-known and local-use), 6to4
            "::ffff:127.0.0.1, false", "::ffff:10.0.0.1, false", "::ffff:169.254.169.254, false", "::ffff:0.0.0.0, false",
            "::127.0.0.1, false", "::10.0.0.1, false", "::ffff:0:7f00:1, false", "64:ff9b::7f00:1, false",
            "64:ff9b::a9fe:a9fe, false", "64:ff9b:1::a00:1, false", "64:ff9b:1::5db8:d822, false",
            "2002:7f00:1::1, false", "2002:a00:1::, false", "2002:c0a8:101::1, false", "2002:c000:204::1, false",
            // the same public IPv4 in each of those forms
            "::ffff:93.184.216.34, true", "::93.184.216.34, true", "::ffff:0:5db8:d822, true",
            "64:ff9b::5db8:d822, true", "2002:5db8:d822::1, true"})
    void classifiesAddressesByWhatTheyReach(String literal, boolean reachable) throws Exception {
        assertThat(AddressGuard.isPublic(address(literal))).isEqualTo(reachable);
    }

    /** The address as a resolver may hand it over: IPv4 inside IPv6 stays an {@link Inet6Address}. */
    private static InetAddress address(String literal) throws UnknownHostException {
        InetAddress parsed = InetAddress.getByName(literal);
        if (literal.contains(":") && parsed instanceof Inet4Address) {
            byte[] mapped = new byte[16];
            mapped[10] = -1;
            mapped[11] = -1;
            System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
            return Inet6Address.getByAddress(null, mapped, -1);
        }
        return parsed;
    }

    private Fetcher fetcher(boolean allowPrivate, int maxBytes) {
        return fetcher(allowPrivate, maxBytes, Duration.ofSeconds(1));
    }

    private Fetcher fetcher(boolean allowPrivate, int maxBytes, Duration timeouts) {
        return new Fetcher(settings(allowPrivate, maxBytes, timeouts));
    }

    private static IngestSettings settings(boolean allowPrivate, int maxBytes, Duration timeouts) {
        IngestSettings defaults = IngestSettings.defaults();
        return new IngestSettings(timeouts, timeouts, maxBytes,
                defaults.maxImageBytes(), 5, Set.of("http", "https"), allowPrivate, 2, 2, defaults.userAgent(),
                defaults.firstBackoff(), defaults.maxBackoff(), defaults.schedulerTick(), defaults.nearDuplicateWindow(),
                true);
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    private URI named(String host, String path) {
        return URI.create("http://" + host + ":" + port() + path);
    }

    private static void readRequest(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int read = in.read();
            if (read == -1) {
                return;
            }
            matched = read == end[matched] ? matched + 1 : read == '\r' ? 1 : 0;
        }
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
