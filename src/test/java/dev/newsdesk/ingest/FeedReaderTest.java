package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import dev.newsdesk.ingest.clean.CleanItem;
import dev.newsdesk.ingest.fetch.Fetcher;
import org.junit.jupiter.api.Test;

/** Feeds as they are in the wild, read and cleaned the way a refresh and the dry run read them. */
class FeedReaderTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private final FeedReader reader = new FeedReader(new Fetcher(IngestSettings.defaults()));

    @Test
    void keepsTheBracketsOfPlainTextTitles() throws Exception {
        List<CleanItem> atom = read("atom10-text-titles.xml", "https://spw.example.com/atom.xml").items();

        assertThat(atom).extracting(CleanItem::title).containsExactly(
                "Why Vec<T> beats <div> soup",
                "Option<Box<T>> without a type attribute is text too",
                "Navy awards frigate & corvette contract",
                "XHTML titles are HTML");
        assertThat(atom.get(0).text()).isEqualTo("Use Vec<T> for lists, not a <div> per element. Second paragraph & the end.");
        assertThat(atom.get(0).bodyHtml()).contains("Vec&lt;T&gt;").doesNotContain("<T>");
        assertThat(atom.get(1).lead()).isEqualTo("A summary without a type is text: a <b> stays.");
        assertThat(atom.get(3).text()).isEqualTo("Inline XHTML content.");
        assertThat(read("rss20-text-titles.xml", "https://spw.example.com/rss.xml").items().getFirst().title())
                .isEqualTo("Why Vec<T> beats <div> soup");
    }

    @Test
    void decodesBase64Fields() throws Exception {
        CleanItem atom10 = read("atom10-base64.xml", "https://encoded.example.org/atom.xml").items().getFirst();
        List<CleanItem> atom03 = read("atom03-base64.xml", "https://atom03.example.org/atom.xml").items();

        assertThat(atom10.title()).isEqualTo("Radar & sonar: a base64 title with <brackets>");
        assertThat(atom10.text()).isEqualTo("Base64 content of an Atom 1.0 entry, decoded as text & shown as text.");
        assertThat(atom03).extracting(CleanItem::title)
                .containsExactly("Шифр & код: заголовок в base64", "An ordinary entry after the encoded one");
        assertThat(atom03.getFirst().text()).startsWith("Содержимое записи Atom 0.3 в base64, с переносами строк");
    }

    @Test
    void readsSlightlyBrokenFeedsLeniently() throws Exception {
        CleanItem ampersand = read("rss20-bare-ampersand.xml", "https://arms.example.org/rss").items().getFirst();
        FeedReader.Reading netscape = read("rss091-netscape.xml", "http://netscape-wire.example.com/rss.xml");

        assertThat(ampersand.title()).isEqualTo("Smith & Wesson opens an R&D; centre");
        assertThat(ampersand.link()).isEqualTo("https://arms.example.org/news?id=5");
        assertThat(ampersand.text()).isEqualTo("Small arms && ammunition.");
        assertThat(netscape.feed().format()).isEqualTo("rss_0.91N");
        assertThat(netscape.items().getFirst().title()).isEqualTo("Shipyard hires three hundred welders");
        assertThat(netscape.items().getFirst().text()).isEqualTo("The yard's order book is full until 2030.");
    }

    private FeedReader.Reading read(String fixture, String base) throws Exception {
        return reader.read(fixture(fixture), null, URI.create(base), null, NOW);
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = FeedReaderTest.class.getResourceAsStream("/testdata/feeds/" + name)) {
            return in.readAllBytes();
        }
    }
}
