package dev.newsdesk.ingest.parse;

import java.util.List;

/**
 * A feed as parsed: its format, title, declared language (may be null) and entries.
 *
 * @param lenientBecause why the strict parser refused the feed, when it could only be read leniently; null when
 *        it was read strictly
 * @param detectedCharset the character set the feed was read in when it declared none and was not UTF-8; null
 *        otherwise
 * @param beyondLimit how many items the feed had beyond the {@link FeedParser#MAX_ITEMS} read
 */
public record ParsedFeed(String format, String title, String language, List<ParsedItem> items, String lenientBecause,
                         String detectedCharset, int beyondLimit) {
}
