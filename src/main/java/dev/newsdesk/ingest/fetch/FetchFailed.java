package dev.newsdesk.ingest.fetch;

import java.time.Duration;

/**
 * A feed (or page, or image) could not be fetched. The message is a sentence an editor understands;
 * {@link #retryAfter()} is the wait the server asked for, if it did.
 */
public class FetchFailed extends Exception {

    private final Duration retryAfter;

    public FetchFailed(String reason) {
        this(reason, null, null);
    }

    public FetchFailed(String reason, Duration retryAfter, Throwable cause) {
        super(reason, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
