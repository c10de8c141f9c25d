package dev.newsdesk.site;

/**
 * HTML that has passed a sanitiser and may be written to a page unescaped, through the one
 * template that does so ({@code site/trusted-html.jte}). Construct it only from sanitiser output.
 */
public record SafeHtml(String html) {

    public SafeHtml {
        if (html == null) {
            throw new IllegalArgumentException("html must not be null");
        }
    }
}
