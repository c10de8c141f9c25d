package dev.newsdesk.ingest;

import dev.newsdesk.site.Language;

/** What an editor sets for a feed. See {@link Feed} for the meaning of each part. */
public record FeedForm(String url, long rubricId, String rubricRules, Language language, boolean autoPublish,
                       boolean fullText, int pollMinutes, boolean enabled) {
}
