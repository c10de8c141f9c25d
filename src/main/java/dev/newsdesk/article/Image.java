package dev.newsdesk.article;

import java.time.Instant;

import dev.newsdesk.site.Bilingual;
import dev.newsdesk.site.Language;

/**
 * A picture stored by the portal, with its caption and credit ("© AFP 2021, Brendan Smialowski").
 */
public record Image(long id, String contentType, int width, int height, int byteSize, Bilingual caption,
                    String credit, Instant uploadedAt) {

    /** The site path of the image file itself; the same in both languages. */
    public String fileHref() {
        return "/images/" + id + "." + extension();
    }

    /** The site path of the page about the image in {@code language}. */
    public String pagePath(Language language) {
        return language.path("/images/" + id);
    }

    public String extension() {
        return switch (contentType) {
            case "image/png" -> "png";
            case "image/gif" -> "gif";
            default -> "jpg";
        };
    }
}
