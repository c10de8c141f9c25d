package dev.newsdesk.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

import dev.newsdesk.ingest.IngestSettings;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Fetches feeds, pages and images over HTTP the way a polite and careful client should: conditional GET,
 * compressed answers, a User-Agent that names Newsdesk, at most a few redirects, timeouts, a cap on the
 * body, a couple of requests per host at a time, and only to schemes and addresses the operator allows
 * (no loopback, private or link-local address unless enabled, so that a feed cannot make the portal read
 * its own network).
 *
 * <p>Every connection goes to the addresses its {@link AddressGuard} looked up and checked, on every redirect
 * hop; TLS and the Host header still name the host. A fetch that runs out of time is cancelled: its
 * connection is closed. A fetch never runs while a database transaction is open on its thread, so that no
 * slow server holds a transaction open.
 */
public class Fetcher implements AutoCloseable {

    private final IngestSettings settings;
    private final CloseableHttpClient http;
    private final ScheduledExecutorService deadlines;
    private final ConcurrentHashMap<String, Semaphore> hosts = new ConcurrentHashMap<>();

    public Fetcher(IngestSettings settings) {
        this(settings, new AddressGuard(settings.allowPrivateAddresses()));
    }

    Fetcher(IngestSettings settings, AddressGuard guard) {
        this.settings = settings;
        Timeout read = Timeout.of(settings.readTimeout());
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(guard)
                        .setMaxConnPerRoute(settings.perHost())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(read)
                                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                .setTimeToLive(TimeValue.ofMinutes(1))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(read)
                        .setResponseTimeout(read)
                        .build())
                .setUserAgent(settings.userAgent())
                // Redirects are followed here, hop by hop; bodies are decompressed here, under the cap.
                .disableRedirectHandling()
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("fetch-deadline").daemon()
                .factory());
    }

    /** Fetches {@code uri}, sending the validators of the last fetch (either may be null). */
    public Fetched fetch(URI uri, String etag, String lastModified) throws FetchFailed {
        return fetch(uri, etag, lastModified, settings.maxBytes(), "application/rss+xml, application/atom+xml, "
                + "application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5");
    }

    /** Fetches a web page or an image, with its own cap. */
    public Fetched fetchResource(URI uri, int maxBytes) throws FetchFailed {
        return fetch(uri, null, null, maxBytes, "*/*");
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        http.close();
    }

    private Fetched fetch(URI start, String etag, String lastModified, int maxBytes, String accept) throws FetchFailed {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A fetch of " + start + " was asked for while a database transaction is "
                    + "open; fetch first, then write");
        }
        URI uri = start;
        Set<URI> seen = new HashSet<>();
        for (int hop = 0; ; hop++) {
            check(uri);
            if (!seen.add(uri)) {
                throw new FetchFailed("The feed's address redirects in a loop (back to " + uri + ")");
            }
            HttpGet request = new HttpGet(uri);
            request.setHeader("Accept", accept);
            request.setHeader("Accept-Encoding", "gzip, deflate");
            if (hop == 0 && etag != null) {
                request.setHeader("If-None-Match", etag);
            }
            if (hop == 0 && lastModified != null) {
                request.setHeader("If-Modified-Since", lastModified);
            }
            Answer answer = send(uri, request, maxBytes);
            int status = answer.status();
            if (status >= 300 && status < 400 && status != 304) {
                if (hop >= settings.maxRedirects()) {
                    throw new FetchFailed("The feed's address redirects more than " + settings.maxRedirects() + " times");
                }
                String location = answer.header("Location");
                if (location == null) {
                    throw new FetchFailed("The server redirected (" + status + ") without saying where");
                }
                uri = uri.resolve(location.strip());
                continue;
            }
            if (status == 304) {
                return new Fetched(true, uri, null, null, etag, lastModified);
            }
            if (status == 429 || status == 503) {
                Duration wait = retryAfter(answer.header("Retry-After"));
                throw new FetchFailed("The server asked to come back later (" + status + ")"
                        + (wait == null ? "" : ", in " + wait.toSeconds() + " s"), wait, null);
            }
            if (status >= 400) {
                throw new FetchFailed("The server answered " + status + (status == 404 ? " (not found)"
                        : status == 403 ? " (forbidden)" : status == 410 ? " (gone)" : status >= 500 ? " (a server error)" : ""));
            }
            return new Fetched(false, uri, answer.body(), answer.header("Content-Type"), answer.header("ETag"),
                    answer.header("Last-Modified"));
        }
    }

    /** A response: its status, its headers, and its body when it was a success. */
    private record Answer(int status, Header[] headers, byte[] body) {

        String header(String name) {
            for (Header header : headers) {
                if (header.getName().equalsIgnoreCase(name)) {
                    return header.getValue();
                }
            }
            return null;
        }
    }

    /**
     * One exchange, under the host's share of requests and its deadline. The body is read only from a
     * success; an answer left unread is not drained but dropped with its connection.
     */
    private Answer send(URI uri, HttpGet request, int maxBytes) throws FetchFailed {
        Semaphore host = hosts.computeIfAbsent(uri.getHost().toLowerCase(Locale.ROOT), h -> new Semaphore(settings.perHost()));
        boolean acquired = false;
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = null;
        boolean complete = false;
        try {
            acquired = host.tryAcquire(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!acquired) {
                throw new FetchFailed("Too many requests to " + uri.getHost() + " are under way; will try later");
            }
            deadline = deadlines.schedule(() -> {
                expired.set(true);
                request.cancel();
            }, settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
            ClassicHttpResponse response = http.executeOpen(null, request, null);
            int status = response.getCode();
            HttpEntity entity = response.getEntity();
            if (entity == null) {
                response.close();
                complete = true;
                return new Answer(status, response.getHeaders(), new byte[0]);
            }
            if (status < 200 || status >= 300) {
                return new Answer(status, response.getHeaders(), null);
            }
            Capped raw = new Capped(entity.getContent(), maxBytes);
            byte[] body = decode(raw, response.getFirstHeader("Content-Encoding"), maxBytes);
            if (raw.ended) {
                // Only a connection whose answer was read to its end goes back to the pool.
                response.close();
                complete = true;
            }
            return new Answer(status, response.getHeaders(), body);
        } catch (IOException e) {
            if (expired.get()) {
                throw new FetchFailed(noAnswer(), null, e);
            }
            throw failure(uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailed("Interrupted while fetching " + uri);
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
            if (!complete) {
                // Closes the connection at once instead of reading the rest of the answer to reuse it.
                request.cancel();
            }
            if (acquired) {
                host.release();
            }
        }
    }

    private String noAnswer() {
        return "The server did not answer within " + settings.readTimeout().toSeconds() + " s";
    }

    private FetchFailed failure(URI uri, IOException cause) {
        if (cause instanceof TooLarge || cause instanceof AddressGuard.AddressRefused) {
            return new FetchFailed(cause.getMessage());
        }
        if (cause instanceof UnknownHostException) {
            return new FetchFailed("The host " + uri.getHost() + " is unknown", null, cause);
        }
        if (cause instanceof ConnectTimeoutException) {
            return new FetchFailed("Could not connect to " + uri.getHost() + " within "
                    + settings.connectTimeout().toSeconds() + " s", null, cause);
        }
        if (cause instanceof SocketTimeoutException) {
            return new FetchFailed(noAnswer(), null, cause);
        }
        if (cause instanceof ConnectException) {
            return new FetchFailed("Could not connect to " + uri.getHost() + " (connection refused)", null, cause);
        }
        return new FetchFailed("Could not fetch " + uri + ": " + (cause.getMessage() == null
                ? cause.getClass().getSimpleName() : cause.getMessage()), null, cause);
    }

    /** Refuses schemes the operator has not allowed; addresses are the guard's, when they are looked up. */
    private void check(URI uri) throws FetchFailed {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!settings.schemes().contains(scheme)) {
            throw new FetchFailed("Addresses with the scheme \"" + scheme + "\" are not allowed for feeds");
        }
        if (uri.getHost() == null) {
            throw new FetchFailed("The address " + uri + " names no host");
        }
    }

    /** Decompresses the body as it arrives, and refuses it as soon as it passes the cap either way. */
    private static byte[] decode(Capped raw, Header contentEncoding, int maxBytes) throws IOException, FetchFailed {
        String encoding = contentEncoding == null ? "identity" : contentEncoding.getValue().strip().toLowerCase(Locale.ROOT);
        try {
            InputStream in = switch (encoding) {
                case "gzip", "x-gzip" -> new GZIPInputStream(raw);
                case "deflate" -> new InflaterInputStream(raw);
                default -> raw;
            };
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16384];
            int read;
            while ((read = in.read(buffer)) != -1) {
                out.write(buffer, 0, read);
                if (out.size() > maxBytes) {
                    throw new FetchFailed("The body is larger than " + maxBytes / 1024 + " KB once decompressed");
                }
            }
            return out.toByteArray();
        } catch (ZipException | EOFException e) {
            throw new FetchFailed("The compressed body could not be read: " + e.getMessage(), null, e);
        }
    }

    /** The wait a Retry-After header asks for, in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException e) {
            try {
                Duration wait = Duration.between(java.time.Instant.now(),
                        ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    /** Refuses a body over its cap as it arrives, instead of after reading all of it. */
    private static final class TooLarge extends IOException {
        TooLarge(int maxBytes) {
            super("The body is larger than " + maxBytes / 1024 + " KB");
        }
    }

    private static final class Capped extends FilterInputStream {

        private final int maxBytes;
        private long count;
        private boolean ended;

        Capped(InputStream in, int maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int read = super.read();
            if (read == -1) {
                ended = true;
            } else {
                counted(1);
            }
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read == -1) {
                ended = true;
            } else {
                counted(read);
            }
            return read;
        }

        private void counted(int read) throws TooLarge {
            count += read;
            if (count > maxBytes) {
                throw new TooLarge(maxBytes);
            }
        }
    }
}
