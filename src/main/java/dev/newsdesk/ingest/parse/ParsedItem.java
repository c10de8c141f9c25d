package dev.newsdesk.ingest.parse;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * One entry of a feed as the feed gave it, before any cleaning.
 *
 * @param titleHtml whether the title is HTML (Atom's html and xhtml titles) rather than plain text (all others)
 * @param html the fullest content the feed has (content:encoded, Atom content, JSON content_html), as HTML; may be null
 * @param summary the description or summary, HTML (or, from RSS, possibly text without any tag), may be null
 * @param published when the item says it was published (or, lacking that, updated); null when it does not say
 * @param base what relative addresses in the content resolve against (the {@code xml:base} in force there); null for
 *        the feed's own address
 */
public record ParsedItem(String guid, String link, String title, boolean titleHtml, String html, String summary, Instant published,
                         String author, List<String> categories, String imageUrl, String imageCredit, URI base) {
}
