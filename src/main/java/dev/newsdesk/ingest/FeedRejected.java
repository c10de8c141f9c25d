package dev.newsdesk.ingest;

/** A feed setting that cannot be accepted; the message key says which, for the editor's language. */
public class FeedRejected extends RuntimeException {

    private final String field;

    public FeedRejected(String field, String messageKey) {
        super(messageKey, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
