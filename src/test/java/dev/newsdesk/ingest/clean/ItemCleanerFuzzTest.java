package dev.newsdesk.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.newsdesk.ingest.parse.ParsedItem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Timeout;

/**
 * The item cleaner under a fuzzer: whatever an item holds, the clean item is null (nothing to show) or has a
 * title of at most 500 characters, absolute http(s) links (its own, its image's and every link in its body)
 * and a date no later than the fetch. The input is the item's fields separated by NUL characters: title,
 * content, summary, link, image, and a first byte whose lowest bit says whether the title is HTML.
 */
class ItemCleanerFuzzTest {

    private static final URI BASE = URI.create("https://feeds.example.org/news/rss.xml");
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @FuzzTest(maxDuration = "10m")
    @Timeout(10)
    void cleanItemsHaveTitlesAbsoluteLinksAndNoFutureDate(byte[] input) {
        boolean titleHtml = input.length > 0 && (input[0] & 1) == 1;
        String[] fields = (input.length == 0 ? "" : new String(input, 1, input.length - 1, StandardCharsets.UTF_8))
                .split("\0", 5);
        ParsedItem item = new ParsedItem("guid", field(fields, 3), field(fields, 0), titleHtml, field(fields, 1),
                field(fields, 2), null, null, List.of(), field(fields, 4), null, null);

        CleanItem clean = ItemCleaner.clean(item, BASE, null, NOW);

        if (clean == null) {
            return;
        }
        assertThat(clean.title()).isNotBlank().hasSizeLessThanOrEqualTo(500);
        assertWebAddress(clean.link());
        assertWebAddress(clean.imageUrl());
        for (Element link : Jsoup.parseBodyFragment(clean.bodyHtml()).select("a[href]")) {
            assertWebAddress(link.attr("href"));
        }
        assertThat(clean.published()).isEqualTo(NOW);
        assertThat(clean.dateAssumed()).isTrue();
    }

    private static String field(String[] fields, int index) {
        return index < fields.length && !fields[index].isEmpty() ? fields[index] : null;
    }

    static void assertWebAddress(String address) {
        if (address != null) {
            URI uri = URI.create(address);
            assertThat(uri.getScheme()).as(address).isIn("http", "https");
            assertThat(uri.getHost()).as(address).isNotBlank();
        }
    }
}
