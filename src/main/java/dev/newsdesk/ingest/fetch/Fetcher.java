package dev.newsdesk.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import dev.newsdesk.ingest.IngestSettings;

/**
 * Fetches feeds, pages and images over HTTP the way a polite and careful client should: conditional GET,
 * compressed answers, a User-Agent that names Newsdesk, at most a few redirects, timeouts, a cap on the
 * body, a couple of requests per host at a time, and only to schemes and addresses the operator allows
 * (no loopback, private or link-local address unless enabled, so that a feed cannot make the portal read
 * its own network).
 */
public class Fetcher {

    private final IngestSettings settings;
    private final AddressGuard guard;
    private final HttpClient http;
    private final ConcurrentHashMap<String, Semaphore> hosts = new ConcurrentHashMap<>();

    public Fetcher(IngestSettings settings) {
        this.settings = settings;
        this.guard = new AddressGuard(settings.allowPrivateAddresses());
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
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

    private Fetched fetch(URI start, String etag, String lastModified, int maxBytes, String accept) throws FetchFailed {
        URI uri = start;
        Set<URI> seen = new HashSet<>();
        for (int hop = 0; ; hop++) {
            check(uri);
            if (!seen.add(uri)) {
                throw new FetchFailed("The feed's address redirects in a loop (back to " + uri + ")");
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(settings.readTimeout())
                    .header("User-Agent", settings.userAgent())
                    .header("Accept", accept)
                    .header("Accept-Encoding", "gzip, deflate")
                    .GET();
            if (hop == 0 && etag != null) {
                request.header("If-None-Match", etag);
            }
            if (hop == 0 && lastModified != null) {
                request.header("If-Modified-Since", lastModified);
            }
            HttpResponse<byte[]> response = send(uri, request.build(), maxBytes);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                if (hop >= settings.maxRedirects()) {
                    throw new FetchFailed("The feed's address redirects more than " + settings.maxRedirects() + " times");
                }
                String location = response.headers().firstValue("Location")
                        .orElseThrow(() -> new FetchFailed("The server redirected (" + status + ") without saying where"));
                uri = uri.resolve(location.strip());
                continue;
            }
            if (status == 304) {
                return new Fetched(true, uri, null, null, etag, lastModified);
            }
            if (status == 429 || status == 503) {
                Duration wait = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
                throw new FetchFailed("The server asked to come back later (" + status + ")"
                        + (wait == null ? "" : ", in " + wait.toSeconds() + " s"), wait, null);
            }
            if (status >= 400) {
                throw new FetchFailed("The server answered " + status + (status == 404 ? " (not found)"
                        : status == 403 ? " (forbidden)" : status == 410 ? " (gone)" : status >= 500 ? " (a server error)" : ""));
            }
            byte[] body = decode(response, maxBytes);
            return new Fetched(false, uri, body, response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        }
    }

    private HttpResponse<byte[]> send(URI uri, HttpRequest request, int maxBytes) throws FetchFailed {
        Semaphore host = hosts.computeIfAbsent(uri.getHost().toLowerCase(Locale.ROOT), h -> new Semaphore(settings.perHost()));
        boolean acquired = false;
        try {
            acquired = host.tryAcquire(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!acquired) {
                throw new FetchFailed("Too many requests to " + uri.getHost() + " are under way; will try later");
            }
            CompletableFuture<HttpResponse<byte[]>> response = http.sendAsync(request, info -> new CappedBody(maxBytes));
            return response.get(settings.readTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new FetchFailed("The server did not answer within " + settings.readTimeout().toSeconds() + " s", null, e);
        } catch (ExecutionException e) {
            throw failure(uri, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailed("Interrupted while fetching " + uri);
        } finally {
            if (acquired) {
                host.release();
            }
        }
    }

    private FetchFailed failure(URI uri, Throwable cause) {
        for (Throwable inner = cause; inner != null; inner = inner.getCause()) {
            if (inner instanceof TooLarge) {
                return new FetchFailed(inner.getMessage());
            }
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new FetchFailed("Could not connect to " + uri.getHost() + " within "
                    + settings.connectTimeout().toSeconds() + " s", null, cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new FetchFailed("The server did not answer within " + settings.readTimeout().toSeconds() + " s", null, cause);
        }
        if (cause instanceof java.net.ConnectException) {
            return new FetchFailed("Could not connect to " + uri.getHost() + " (connection refused)", null, cause);
        }
        return new FetchFailed("Could not fetch " + uri + ": " + (cause.getMessage() == null
                ? cause.getClass().getSimpleName() : cause.getMessage()), null, cause);
    }

    /** Refuses schemes and addresses the operator has not allowed. */
    void check(URI uri) throws FetchFailed {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!settings.schemes().contains(scheme)) {
            throw new FetchFailed("Addresses with the scheme \"" + scheme + "\" are not allowed for feeds");
        }
        if (uri.getHost() == null) {
            throw new FetchFailed("The address " + uri + " names no host");
        }
        try {
            guard.resolve(uri.getHost());
        } catch (AddressGuard.AddressRefused e) {
            throw new FetchFailed(e.getMessage());
        } catch (UnknownHostException e) {
            throw new FetchFailed("The host " + uri.getHost() + " is unknown", null, e);
        }
    }

    private static byte[] decode(HttpResponse<byte[]> response, int maxBytes) throws FetchFailed {
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").toLowerCase(Locale.ROOT);
        byte[] raw = response.body();
        try {
            InputStream in = switch (encoding) {
                case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(raw));
                case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(raw));
                default -> null;
            };
            if (in == null) {
                return raw;
            }
            try (in) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[16384];
                int read;
                while ((read = in.read(buffer)) > 0) {
                    out.write(buffer, 0, read);
                    if (out.size() > maxBytes) {
                        throw new FetchFailed("The body is larger than " + maxBytes / 1024 + " KB once decompressed");
                    }
                }
                return out.toByteArray();
            }
        } catch (IOException e) {
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

    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int maxBytes;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                body.writeBytes(bytes);
            }
            if (body.size() > maxBytes) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge(maxBytes));
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(body.toByteArray());
        }
    }
}
