package dev.newsdesk.ingest.fetch;

import java.net.URI;

/**
 * The answer to a fetch: the body (null when the server said "not modified"), where it finally came from,
 * its content type, and the validators to send with the next conditional request.
 */
public record Fetched(boolean notModified, URI uri, byte[] body, String contentType, String etag, String lastModified) {
}
