package dev.newsdesk.article;

import java.time.Instant;

import dev.newsdesk.site.Language;

/** What a list of news shows of an article. */
public record ArticleSummary(
        long id,
        Language language,
        long rubricId,
        String title,
        String slug,
        String subtitle,
        String lead,
        Instant publishedAt,
        Long imageId) {

    public String path() {
        return path(language, id, slug);
    }

    static String path(Language language, long id, String slug) {
        return language.path("/news/" + id + "-" + slug);
    }
}
