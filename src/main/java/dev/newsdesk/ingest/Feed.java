package dev.newsdesk.ingest;

import java.time.Instant;
import java.util.Map;

import dev.newsdesk.site.Language;

/**
 * A feed a source publishes, what to do with its items, and how fetching it went.
 *
 * @param rubricRules lines {@code category or word => rubric-slug}; the first that matches an item picks its rubric,
 *        else {@code rubricId}
 * @param language the feed's language, or null to tell each item's from its text
 * @param autoPublish publish items at once, or keep them as drafts for an editor
 * @param fullText fetch each item's page and extract the story when the feed carries only a summary
 * @param lastError the last failure, in a sentence an editor understands; null after a success
 * @param lenientBecause why the last read had to be lenient (a sentence); null when it was strict
 * @param detectedCharset the character set the last read detected, the feed declaring none; null when declared
 * @param dropped how many items the last read left out, for each reason
 */
public record Feed(long id, long sourceId, String url, long rubricId, String rubricRules, Language language,
                   boolean autoPublish, boolean fullText, int pollMinutes, boolean enabled, String etag,
                   String lastModified, Instant lastFetchAt, Instant lastSuccessAt, String lastError, int failures,
                   int itemsAdded, Instant nextFetchAt, String lenientBecause, String detectedCharset,
                   Map<Dropped, Integer> dropped) {
}
