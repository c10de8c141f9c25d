package dev.newsdesk.article;

/** One change to an article: its id and the {@code change_seq} the change took. */
public record ArticleChange(long articleId, long seq) implements ChangeCursor.Change {
}
