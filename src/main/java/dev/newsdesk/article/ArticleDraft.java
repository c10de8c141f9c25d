package dev.newsdesk.article;

import java.time.Instant;

import dev.newsdesk.site.Language;

/**
 * The content of an article as an editor, a feed or the demo hands it to {@link ArticleDesk}.
 *
 * @param body HTML; it is sanitised on the way in, so it may come from anywhere
 * @param dateline the opening words of the story, such as "Washington. January 6th. INTERFAX -"
 * @param author the author's name, shown for foreign-press translations with the outlet and its country
 * @param originalUrl where the story was first published, if elsewhere
 * @param translationOf the article (in the other language) this one translates, if any
 * @param publishedAt when the story was published; null means "when it is published here"
 */
public record ArticleDraft(
        Language language,
        long rubricId,
        Long sourceId,
        String title,
        String subtitle,
        String lead,
        String body,
        String dateline,
        String author,
        String originalUrl,
        Long imageId,
        Long translationOf,
        Instant publishedAt) {
}
