package dev.newsdesk.article;

/** An article became visible to readers (published now, or its scheduled time came). */
public record ArticlePublished(long articleId) {
}
