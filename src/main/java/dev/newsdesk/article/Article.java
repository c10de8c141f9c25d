package dev.newsdesk.article;

import java.time.Instant;

import dev.newsdesk.site.Language;
import dev.newsdesk.site.SafeHtml;

/**
 * A story as stored: its content (body already sanitised), where it came from, its place on the
 * site and its counters. {@code changeSeq} grows with every change (see {@link ChangeCursor}).
 */
public record Article(
        long id,
        Language language,
        ArticleStatus status,
        long rubricId,
        Long sourceId,
        Long imageId,
        Long translationOf,
        String title,
        String slug,
        String subtitle,
        String lead,
        SafeHtml body,
        String dateline,
        String author,
        String originalUrl,
        Instant publishedAt,
        Instant updatedAt,
        int commentCount,
        int rating,
        long changeSeq) {

    /** The site path of the article: {@code /news/12-slug}, or {@code /en/news/12-slug} in English. */
    public String path() {
        return ArticleSummary.path(language, id, slug);
    }

    public boolean isPublic() {
        return status == ArticleStatus.PUBLISHED;
    }
}
