package dev.newsdesk.ingest.parse;

/**
 * What was fetched is not a feed that can be read; the message says why, for an editor. Reasons often quote the
 * feed (a character set's name, the XML parser's words about a broken tag), so the message is kept to one line
 * of at most {@link #MAX_LENGTH} characters, whatever the feed wrote.
 */
public class FeedMalformed extends Exception {

    static final int MAX_LENGTH = 300;

    public FeedMalformed(String reason) {
        super(oneLine(reason, MAX_LENGTH));
    }

    public FeedMalformed(String reason, Throwable cause) {
        super(oneLine(reason, MAX_LENGTH), cause);
    }

    /** The text with its white space (line breaks included) collapsed, cut to {@code length} characters. */
    static String oneLine(String text, int length) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= length ? line : line.substring(0, length) + "…";
    }
}
