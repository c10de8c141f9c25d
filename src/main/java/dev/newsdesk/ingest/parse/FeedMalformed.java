package dev.newsdesk.ingest.parse;

/** What was fetched is not a feed that can be read; the message says why, for an editor. */
public class FeedMalformed extends Exception {

    public FeedMalformed(String reason) {
        super(reason);
    }

    public FeedMalformed(String reason, Throwable cause) {
        super(reason, cause);
    }
}
