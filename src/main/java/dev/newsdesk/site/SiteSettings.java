package dev.newsdesk.site;

import java.net.URI;
import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the site shell.
 *
 * @param baseUrl the public address of the portal, used for canonical links, Open Graph and embed codes
 * @param zone the time zone in which times are shown to readers (they are stored in UTC)
 */
@Validated
@ConfigurationProperties("newsdesk.site")
public record SiteSettings(
        @NotNull @DefaultValue("http://localhost:8080") URI baseUrl,
        @NotNull @DefaultValue("Europe/Moscow") ZoneId zone) {

    /** The absolute URL of a site path. */
    public String absolute(String path) {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
