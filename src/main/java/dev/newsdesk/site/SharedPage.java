package dev.newsdesk.site;

import java.util.Collection;
import java.util.Set;

import org.springframework.http.ResponseEntity;

/**
 * Marks a page as the same for every anonymous reader, so that the page cache may keep its bytes and serve
 * them to the next ones, until a {@link PagesChanged} names one of its tags. A page is shareable only when
 * nothing on it depends on who reads it; without the mark it is rendered for every request.
 * <p>
 * The tags travel in a response header that the page cache takes off before anything reaches the client. A
 * page so marked and rendered for a member is answered {@code Cache-Control: private, no-store}.
 */
public final class SharedPage {

    /** The header the tags travel in, from the controller to the page cache; never sent. */
    public static final String TAGS_HEADER = "Newsdesk-Page-Tags";

    private SharedPage() {
    }

    /** {@code page}, marked as shareable and depending on what {@code tags} name (see {@link PagesChanged}). */
    public static ResponseEntity<byte[]> tagged(ResponseEntity<byte[]> page, Collection<String> tags) {
        return ResponseEntity.status(page.getStatusCode())
                .headers(page.getHeaders())
                .header(TAGS_HEADER, String.join(" ", tags))
                .body(page.getBody());
    }

    /** The tags of a {@link #TAGS_HEADER} value. */
    public static Set<String> tags(String header) {
        return header == null || header.isBlank() ? Set.of() : Set.of(header.strip().split(" +"));
    }
}
