package dev.newsdesk.article;

/** Where an article is in its life; only {@link #PUBLISHED} articles are shown to readers. */
public enum ArticleStatus {
    /** Being prepared; never public. */
    DRAFT,
    /** Will become {@link #PUBLISHED} by itself at its publication time. */
    SCHEDULED,
    PUBLISHED,
    /** Taken off the site; its address answers "not found". */
    WITHDRAWN
}
