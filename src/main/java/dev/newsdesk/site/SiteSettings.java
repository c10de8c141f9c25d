package dev.newsdesk.site;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the site shell.
 *
 * @param baseUrl the public address of the portal, used for canonical links, Open Graph and embed codes
 * @param zone the time zone in which times are shown to readers (they are stored in UTC)
 * @param pageCache the rendered pages kept for anonymous readers
 */
@Validated
@ConfigurationProperties("newsdesk.site")
public record SiteSettings(
        @NotNull @DefaultValue("http://localhost:8080") URI baseUrl,
        @NotNull @DefaultValue("Europe/Moscow") ZoneId zone,
        @NotNull @Valid @DefaultValue PageCache pageCache) {

    /** The absolute URL of a site path. */
    public String absolute(String path) {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /**
     * The bytes of rendered pages kept for anonymous readers.
     *
     * @param enabled whether anonymous pages are served from kept bytes at all
     * @param maxSize how much the kept pages may weigh in memory, plain and gzip together; the least used go first
     * @param timeToLive how long a page is kept at most, for what no event announces (the "most read" block)
     * @param sharedMaxAge how long a reverse proxy or a CDN may reuse a shared page ({@code Cache-Control: s-maxage});
     *                     browsers get {@code max-age=0} and ask again with the {@code ETag} each time, so that a
     *                     reader who has just logged in never sees the anonymous copy their browser kept
     * @param staleWhileRevalidate how long after that they may still show it while fetching it again
     */
    public record PageCache(
            @DefaultValue("true") boolean enabled,
            @NotNull @DefaultValue("64MB") DataSize maxSize,
            @NotNull @DefaultValue("60s") Duration timeToLive,
            @NotNull @DefaultValue("5s") Duration sharedMaxAge,
            @NotNull @DefaultValue("30s") Duration staleWhileRevalidate) {
    }
}
