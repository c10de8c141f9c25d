package dev.newsdesk.article;

/** The content of an article that readers can see was revised. */
public record ArticleUpdated(long articleId) {
}
