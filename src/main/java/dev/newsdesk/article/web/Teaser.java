package dev.newsdesk.article.web;

/**
 * An article in a list: where it leads, its headline and lead, when it was published, and its
 * picture (null when it has none).
 */
public record Teaser(String href, String title, String subtitle, String lead, String time, String isoTime,
                     Picture picture) {

    /** A lead image as a list shows it. */
    public record Picture(String src, int width, int height, String alt) {
    }
}
