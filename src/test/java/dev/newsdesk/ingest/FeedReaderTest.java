package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import dev.newsdesk.ingest.clean.CleanItem;
import dev.newsdesk.ingest.fetch.Fetcher;
import dev.newsdesk.site.Language;
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
    void resolvesLinksAgainstTheXmlBaseOfTheirEntryAndContent() throws Exception {
        List<CleanItem> items = read("atom10-xml-base.xml", "https://portal.example.org/feeds/atom.xml").items();

        CleanItem own = items.get(0);
        assertThat(own.link()).isEqualTo("https://blog.example.net/2026/post-1.html");
        assertThat(own.imageUrl()).isEqualTo("https://blog.example.net/media/pic.jpg");
        assertThat(own.bodyHtml()).contains("href=\"https://blog.example.net/media/more.html\"");
        CleanItem relative = items.get(1);
        assertThat(relative.link()).isEqualTo("https://portal.example.org/feeds/archive/old.html");
        assertThat(relative.bodyHtml()).contains("href=\"https://portal.example.org/feeds/about.html\"");
    }

    @Test
    void readsBodyXhtmlBodyAndFullitemAsContent() throws Exception {
        List<CleanItem> items = read("rss20-bodies.xml", "https://bodies.example.org/rss").items();

        assertThat(items).extracting(CleanItem::text).containsExactly(
                "Full text from a body element.",
                "Full text from an xhtml:body element.",
                "Full text from a fullitem element.");
        assertThat(items.get(1).bodyHtml()).contains("<a href=\"https://bodies.example.org/more\">xhtml:body</a>");
        assertThat(items.get(2).lead()).isEqualTo("Only the summary.");
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

    @Test
    void leavesOutItemsThatCannotBecomeArticles() throws Exception {
        FeedReader.Reading reading = read("rss20-dropped.xml", "https://dropped.example.org/rss");

        assertThat(reading.items()).extracting(CleanItem::title).containsExactly("A good item");
        assertThat(reading.dropped()).containsExactly(entry(Dropped.NO_TEXT, 1), entry(Dropped.NO_KEY, 1),
                entry(Dropped.NO_LANGUAGE, 1));
        assertThat(reading.droppedCount()).isEqualTo(3);
        assertThat(read("rss20-tis620-undeclared.xml", "https://charset.example.org/rss").dropped())
                .as("Thai, neither Russian nor English").containsExactly(entry(Dropped.NO_LANGUAGE, 1));
        assertThat(read("rss20-koi8r-undeclared.xml", "https://charset.example.org/rss").items().getFirst().language())
                .isEqualTo(Language.RU);
    }

    @Test
    void saysWhenAnItemsDateIsAssumed() throws Exception {
        List<CleanItem> items = read("rss10-dcterms.xml", "https://dates.example.org/rss").items();

        assertThat(items).extracting(CleanItem::dateAssumed).containsExactly(false, false, false, true);
        assertThat(items.getLast().published()).isEqualTo(NOW);
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
