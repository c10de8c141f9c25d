package dev.newsdesk.ingest.clean;

import java.time.Instant;
import java.util.List;

import dev.newsdesk.site.Language;

/**
 * A feed item ready to become an article: plain-text title and lead, HTML body with absolute, untracked
 * links (sanitised later, on the way into the article module), a UTC publication time, and the language.
 *
 * @param link the canonical address of the story on its publisher's site
 * @param text the body as plain text
 * @param dateAssumed whether {@code published} is the time the feed was read, the item giving no usable date
 * @param language the language of the feed, or else the one the item is written in; null when it is in neither the
 *        portal's languages
 */
public record CleanItem(String guid, String link, String title, String lead, String bodyHtml, String text,
                        Instant published, boolean dateAssumed, String author, List<String> categories,
                        String imageUrl, String imageCredit, Language language) {

    /** Characters of text in the body. */
    public int textLength() {
        return text.length();
    }

    /** The identity of the item within its feed: its GUID, or else its address. */
    public String key() {
        return guid != null ? guid : link;
    }
}
