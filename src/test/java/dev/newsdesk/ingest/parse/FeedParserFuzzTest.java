package dev.newsdesk.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.newsdesk.ingest.FeedReader;
import dev.newsdesk.ingest.IngestSettings;
import dev.newsdesk.ingest.clean.CleanItem;
import dev.newsdesk.ingest.fetch.Fetcher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds under a fuzzer, read the way a refresh reads them (FeedReader: parser and cleaner): any bytes, in any
 * character set, give either items fit to become articles or a FeedMalformed whose message is a sentence for
 * an editor; never another exception, never a hang. The first byte of the input picks the Content-Type the
 * server sent; the rest is the body.
 */
class FeedParserFuzzTest {

    private static final List<String> CONTENT_TYPES = Arrays.asList(null, "application/rss+xml", "application/atom+xml",
            "text/xml", "text/xml; charset=windows-1251", "application/xml; charset=KOI8-R",
            "application/xml; charset=UTF-16", "application/feed+json", "text/html; charset=GB2312",
            "text/xml; charset=x-unknown");
    private static final URI BASE = URI.create("https://feeds.example.org/news/rss.xml");
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private final FeedReader reader = new FeedReader(new Fetcher(IngestSettings.defaults()));

    @FuzzTest(maxDuration = "10m")
    @Timeout(10)
    void feedsAreReadOrRefusedWithASentence(byte[] input) {
        String contentType = input.length == 0 ? null : CONTENT_TYPES.get((input[0] & 0xFF) % CONTENT_TYPES.size());
        byte[] body = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);

        FeedReader.Reading reading;
        try {
            reading = reader.read(body, contentType, BASE, null, NOW);
        } catch (FeedMalformed e) {
            assertThat(e.getMessage()).matches("(The|This) [^\\n]+").doesNotContain("Exception", "java.", "Cannot invoke");
            return;
        }
        assertThat(reading.items().size() + reading.droppedCount()).isLessThanOrEqualTo(
                reading.feed().items().size() + reading.feed().beyondLimit());
        for (CleanItem item : reading.items()) {
            assertThat(item.title()).isNotBlank().hasSizeLessThanOrEqualTo(500);
            assertThat(item.key()).isNotNull();
            assertThat(item.language()).isNotNull();
            assertThat(item.published()).isBeforeOrEqualTo(NOW.plusSeconds(300));
            if (item.dateAssumed()) {
                assertThat(item.published()).isEqualTo(NOW);
            }
            assertWebAddress(item.link());
            assertWebAddress(item.imageUrl());
            for (Element link : Jsoup.parseBodyFragment(item.bodyHtml()).select("a[href]")) {
                assertWebAddress(link.attr("href"));
            }
        }
    }

    private static void assertWebAddress(String address) {
        if (address != null) {
            URI uri = URI.create(address);
            assertThat(uri.getScheme()).as(address).isIn("http", "https");
            assertThat(uri.getHost()).as(address).isNotBlank();
        }
    }
}
