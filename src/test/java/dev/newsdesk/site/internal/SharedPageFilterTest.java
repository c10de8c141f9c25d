package dev.newsdesk.site.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import dev.newsdesk.site.SiteSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.util.unit.DataSize;

/** The page cache's own rules: where its filter stands, what a reader accepts, and renders racing changes. */
class SharedPageFilterTest {

    private final RenderedPages.Rendered page = RenderedPages.Rendered.of("<p>page</p>".getBytes(StandardCharsets.UTF_8),
            "text/html;charset=UTF-8", List.of(), Set.of("lists"));

    @Test
    void runsBeforeTheSessionAndSpringSecurity() {
        assertThat(SiteConfiguration.SHARED_PAGE_FILTER_ORDER)
                .isLessThan(SessionRepositoryFilter.DEFAULT_ORDER)
                .isLessThan(SecurityFilterProperties.DEFAULT_FILTER_ORDER)
                .isGreaterThan(Integer.MIN_VALUE);
    }

    @Test
    void servesGzipOnlyWhereTheReaderAcceptsIt() {
        assertThat(SharedPageFilter.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(SharedPageFilter.acceptsGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(SharedPageFilter.acceptsGzip("*")).isTrue();
        assertThat(SharedPageFilter.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(SharedPageFilter.acceptsGzip("gzip; q=0.000")).isFalse();
        assertThat(SharedPageFilter.acceptsGzip("identity")).isFalse();
        assertThat(SharedPageFilter.acceptsGzip(null)).isFalse();
    }

    @Test
    void answers304ToEitherEncodingsTag() {
        assertThat(SharedPageFilter.notModified(page.etag(), page)).isTrue();
        assertThat(SharedPageFilter.notModified("\"other\", " + page.gzipEtag(), page)).isTrue();
        assertThat(SharedPageFilter.notModified("W/" + page.etag(), page)).isTrue();
        assertThat(SharedPageFilter.notModified("*", page)).isTrue();
        assertThat(SharedPageFilter.notModified("\"other\"", page)).isFalse();
        assertThat(SharedPageFilter.notModified(null, page)).isFalse();
    }

    @Test
    void aPageRenderedWhileAChangeCameIsNotKept() {
        RenderedPages pages = new RenderedPages(new SiteSettings(URI.create("http://localhost"), ZoneId.of("UTC"),
                new SiteSettings.PageCache(true, DataSize.ofMegabytes(1), Duration.ofMinutes(1), Duration.ofSeconds(5),
                        Duration.ofSeconds(30))));
        long started = pages.generation();
        pages.drop(Set.of("article:1"));
        pages.keep("/", page, started);
        assertThat(pages.get("/")).isNull();

        pages.keep("/", page, pages.generation());
        assertThat(pages.get("/")).isNotNull();
        pages.drop(Set.of("article:1"));
        assertThat(pages.get("/")).as("not tagged with the change").isNotNull();
        pages.drop(Set.of("lists"));
        assertThat(pages.get("/")).isNull();
    }
}
