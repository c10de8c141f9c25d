package dev.newsdesk.article.web;

/** A labelled link on a page. */
public record Link(String label, String href) {
}
