package dev.newsdesk.ingest;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * refresh of a subscribed feed and by the command line's dry run. Items that cannot become articles (no
 * title and no text, nothing to recognise them by, a language the portal is not written in) are left out
 * here, and counted, so that both can say so.
 */
public final class FeedReader {

    private final Fetcher fetcher;
    private final FeedParser parser = new FeedParser();

    public FeedReader(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    /**
     * What a read found: nothing new ({@code notModified}), or the feed, its clean items, and how many items were
     * left out for each reason.
     */
    public record Reading(boolean notModified, Fetched fetched, ParsedFeed feed, List<CleanItem> items,
                          Map<Dropped, Integer> dropped) {

        /** How many items were left out. */
        public int droppedCount() {
            return dropped.values().stream().mapToInt(Integer::intValue).sum();
        }
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
            return new Reading(true, fetched, null, List.of(), Map.of());
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
        Map<Dropped, Integer> dropped = new EnumMap<>(Dropped.class);
        if (feed.beyondLimit() > 0) {
            dropped.put(Dropped.OVER_LIMIT, feed.beyondLimit());
        }
        for (ParsedItem item : feed.items()) {
            CleanItem clean = ItemCleaner.clean(item, fetched.uri(), feedLanguage, now);
            Dropped why = clean == null ? Dropped.NO_TEXT : clean.key() == null ? Dropped.NO_KEY
                    : clean.language() == null ? Dropped.NO_LANGUAGE : null;
            if (why == null) {
                items.add(clean);
            } else {
                dropped.merge(why, 1, Integer::sum);
            }
        }
        return new Reading(false, fetched, feed, items, Collections.unmodifiableMap(dropped));
    }

    private static Language declared(String code) {
        if (code == null) {
            return null;
        }
        String lower = code.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("ru") ? Language.RU : lower.startsWith("en") ? Language.EN : null;
    }
}
