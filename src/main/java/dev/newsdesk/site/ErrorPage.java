package dev.newsdesk.site;

/** The model of the error page: the status and what it means to a reader. */
public record ErrorPage(Page page, int status, String heading, String message) {
}
