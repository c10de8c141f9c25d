package dev.newsdesk.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of feed ingestion.
 *
 * @param connectTimeout how long to wait for a feed's server to accept the connection
 * @param readTimeout how long a whole fetch (headers and body) may take
 * @param maxBytes the largest feed or page read, after decompression
 * @param maxImageBytes the largest lead image downloaded
 * @param maxRedirects redirects followed before giving up
 * @param schemes the URL schemes feeds may use
 * @param allowPrivateAddresses whether feeds may point at loopback, private or link-local addresses (off: a feed
 *        could otherwise make the portal read its own network)
 * @param perHost requests one node makes to the same host at once
 * @param parallelFeeds feeds one node refreshes at once
 * @param userAgent how the fetcher introduces itself
 * @param firstBackoff the wait after a first failure; it doubles with each further one
 * @param maxBackoff the longest wait between attempts at a failing feed
 * @param schedulerTick how often due feeds are looked for
 * @param nearDuplicateWindow how far back a new item is compared with the same source's items
 * @param enabled whether feeds are polled on a schedule at all
 */
@Validated
@ConfigurationProperties("newsdesk.ingest")
public record IngestSettings(
        @NotNull @DefaultValue("10s") Duration connectTimeout,
        @NotNull @DefaultValue("30s") Duration readTimeout,
        @Min(1024) @DefaultValue("10485760") int maxBytes,
        @Min(1024) @DefaultValue("5242880") int maxImageBytes,
        @Min(0) @DefaultValue("5") int maxRedirects,
        @NotNull @DefaultValue({"http", "https"}) Set<String> schemes,
        @DefaultValue("false") boolean allowPrivateAddresses,
        @Min(1) @DefaultValue("2") int perHost,
        @Min(1) @DefaultValue("2") int parallelFeeds,
        @NotNull @DefaultValue("Newsdesk/0.1 (+https://github.com/newsdesk/newsdesk; feed reader)") String userAgent,
        @NotNull @DefaultValue("1m") Duration firstBackoff,
        @NotNull @DefaultValue("6h") Duration maxBackoff,
        @NotNull @DefaultValue("10s") Duration schedulerTick,
        @NotNull @DefaultValue("48h") Duration nearDuplicateWindow,
        @DefaultValue("true") boolean enabled) {

    /** The defaults (those declared above), for the command line, which runs without the application. */
    public static IngestSettings defaults() {
        return new Binder(List.of()).bindOrCreate("newsdesk.ingest", IngestSettings.class);
    }
}
