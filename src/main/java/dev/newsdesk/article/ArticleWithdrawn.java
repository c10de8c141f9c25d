package dev.newsdesk.article;

/** A published article was taken off the site. */
public record ArticleWithdrawn(long articleId) {
}
