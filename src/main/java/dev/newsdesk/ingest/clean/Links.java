package dev.newsdesk.ingest.clean;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

import dev.newsdesk.site.WebAddress;

/**
 * Makes links absolute and canonical: resolved against the page they were found on, without a fragment
 * and without the tracking parameters that mailing and ad systems append ({@code utm_*} and the like).
 */
public final class Links {

    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "yclid", "msclkid", "mc_cid",
            "mc_eid", "_hsenc", "_hsmi", "igshid", "_openstat", "ysclid");

    private Links() {
    }

    /** {@code link} resolved against {@code base} and cleaned; null when it is not an http(s) address. */
    public static String clean(String link, URI base) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI uri = base == null ? new URI(link.strip()) : base.resolve(new URI(link.strip().replace(" ", "%20")));
            if (!WebAddress.isWeb(uri)) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            String query = cleanQuery(uri.getRawQuery());
            // Put together from the raw (still percent-encoded) parts: URI's quoting constructors would encode the
            // percent signs of an encoded path a second time.
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return scheme + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT) + path + (query == null ? "" : "?" + query);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String cleanQuery(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        StringJoiner kept = new StringJoiner("&");
        for (String pair : query.split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            String lower = name.toLowerCase(Locale.ROOT);
            if (!pair.isEmpty() && !lower.startsWith("utm_") && !TRACKING.contains(lower)) {
                kept.add(pair);
            }
        }
        return kept.length() == 0 ? null : kept.toString();
    }
}
