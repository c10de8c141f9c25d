package dev.newsdesk.ingest;

import dev.newsdesk.ingest.parse.FeedParser;

/** Why an item of a feed was left out when the feed was read, rather than becoming an article. */
public enum Dropped {

    NO_TEXT("with no title and no text"),
    NO_KEY("with no link and no GUID"),
    NO_LANGUAGE("in neither Russian nor English"),
    OVER_LIMIT("beyond the first " + FeedParser.MAX_ITEMS);

    private final String description;

    Dropped(String description) {
        this.description = description;
    }

    /** How the command line describes such items, after their number ("2 with no title and no text"). */
    public String description() {
        return description;
    }

    /** The key of the same words in the desk's languages. */
    public String messageKey() {
        return "desk.feed.dropped." + name();
    }
}
