package dev.newsdesk.ingest;

import java.util.Map;

import dev.newsdesk.site.Rejected;

/** A feed setting that cannot be accepted; the message key says which, for the editor's language. */
public class FeedRejected extends Rejected {

    public FeedRejected(Map<String, String> problems) {
        super(problems);
    }

    public FeedRejected(String field, String messageKey) {
        super(field, messageKey);
    }
}
