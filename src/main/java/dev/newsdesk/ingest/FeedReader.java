package dev.newsdesk.ingest;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.newsdesk.ingest.clean.CleanItem;
import dev.newsdesk.ingest.clean.ItemCleaner;
import dev.newsdesk.ingest.fetch.FetchFailed;
import dev.newsdesk.ingest.fetch.Fetched;
import dev.newsdesk.ingest.fetch.Fetcher;
import dev.newsdesk.ingest.parse.FeedMalformed;
import dev.newsdesk.ingest.parse.FeedParser;
import dev.newsdesk.ingest.parse.ParsedFeed;
import dev.newsdesk.ingest.parse.ParsedItem;
import dev.newsdesk.site.Language;

/**
 * Fetches, parses and cleans one feed, storing nothing: the first half of the pipeline, shared by the
 * refresh of a subscribed feed and by the command line's dry run.
 */
public final class FeedReader {

    private final Fetcher fetcher;
    private final FeedParser parser = new FeedParser();

    public FeedReader(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** What a read found: nothing new ({@code notModified}), or the feed and its clean items. */
    public record Reading(boolean notModified, Fetched fetched, ParsedFeed feed, List<CleanItem> items) {
    }

    /**
     * Fetches {@code uri} (conditionally, with the validators of the last fetch) and reads it.
     *
     * @param language the feed's language, or null to take the feed's declaration or each item's script
     */
    public Reading read(URI uri, String etag, String lastModified, Language language, Instant now)
            throws FetchFailed, FeedMalformed {
        Fetched fetched = fetcher.fetch(uri, etag, lastModified);
        if (fetched.notModified()) {
            return new Reading(true, fetched, null, List.of());
        }
        return read(fetched, language, now);
    }

    /** Reads a feed already in hand (a file, a test fixture). */
    public Reading read(byte[] body, String contentType, URI base, Language language, Instant now) throws FeedMalformed {
        return read(new Fetched(false, base, body, contentType, null, null), language, now);
    }

    private Reading read(Fetched fetched, Language language, Instant now) throws FeedMalformed {
        ParsedFeed feed = parser.parse(fetched.body(), fetched.contentType(), fetched.uri());
        Language feedLanguage = language != null ? language : declared(feed.language());
        List<CleanItem> items = new ArrayList<>(feed.items().size());
        for (ParsedItem item : feed.items()) {
            CleanItem clean = ItemCleaner.clean(item, fetched.uri(), feedLanguage, now);
            if (clean != null) {
                items.add(clean);
            }
        }
        return new Reading(false, fetched, feed, items);
    }

    private static Language declared(String code) {
        if (code == null) {
            return null;
        }
        String lower = code.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("ru") ? Language.RU : lower.startsWith("en") ? Language.EN : null;
    }
}
