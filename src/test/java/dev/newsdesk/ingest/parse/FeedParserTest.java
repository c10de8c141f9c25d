package dev.newsdesk.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parser over the fixture feeds in {@code testdata/feeds}: every format, each encoding, and hostile input. */
class FeedParserTest {

    private final FeedParser parser = new FeedParser();

    @Test
    void readsRss20WithMediaRssAndContentEncoded() throws Exception {
        ParsedFeed feed = parse("rss20-media.xml");

        assertThat(feed.format()).isEqualTo("rss_2.0");
        assertThat(feed.language()).isEqualTo("ru");
        ParsedItem item = feed.items().getFirst();
        assertThat(item.title()).isEqualTo("На заводе в Казани & Самаре запустили новую линию");
        assertThat(item.guid()).isEqualTo("severinform-101");
        assertThat(item.published()).isEqualTo(Instant.parse("2026-01-06T06:30:00Z"));
        assertThat(item.author()).isEqualTo("Анна Смирнова");
        assertThat(item.categories()).containsExactly("Авиастроение", "Татарстан");
        assertThat(item.summary()).isEqualTo("Предприятие сократило цикл сборки на треть.");
        assertThat(item.html()).contains("<a href=\"/news/100?utm_campaign=x\">");
        assertThat(item.imageUrl()).isEqualTo("https://severinform.example.org/img/101.jpg");
        assertThat(item.imageCredit()).isEqualTo("© Severinform 2026, Pyotr Ivanov");

        ParsedItem second = feed.items().get(1);
        assertThat(second.published()).isNull();
        assertThat(second.imageUrl()).as("an image enclosure").isEqualTo("https://severinform.example.org/img/102.png");
    }

    @ParameterizedTest
    @CsvSource({
            "rss091.xml, rss_0.91U, Café owners near the shipyard welcome new orders",
            "rss092.xml, rss_0.92, Radar makers report a record year",
            "rss10-rdf.xml, rss_1.0, Satellite operator orders two more spacecraft",
            "atom03.xml, atom_0.3, Engine plant finishes test stand",
            "atom10.xml, atom_1.0, Navy <em>awards</em> frigate contract",
            "jsonfeed11.json, json-1.1, Tejas deliveries pick up pace",
            "jsonfeed10.json, json-1, Первая новость",
            "rss20-windows-1251.xml, rss_2.0, Самарский завод выпустил юбилейный двигатель",
            "rss20-koi8-r.xml, rss_2.0, Самарский завод выпустил юбилейный двигатель"})
    void readsEveryFormatAndEncoding(String fixture, String format, String firstTitle) throws Exception {
        ParsedFeed feed = parse(fixture);

        assertThat(feed.format()).isEqualTo(format);
        assertThat(feed.items()).isNotEmpty();
        assertThat(feed.items().getFirst().title()).isEqualTo(firstTitle);
    }

    @Test
    void takesTheCharsetFromTheHttpHeaderWhenTheXmlDoesNotDeclareOne() throws Exception {
        String xml = "<rss version=\"2.0\"><channel><title>Т</title><item><title>Новость в кодировке 1251</title></item></channel></rss>";

        ParsedFeed feed = parser.parse(xml.getBytes("windows-1251"), "application/rss+xml; charset=windows-1251", null);

        assertThat(feed.items().getFirst().title()).isEqualTo("Новость в кодировке 1251");
    }

    @Test
    void datesItemsByDublinCoreTermsWhenNothingBetterIsThere() throws Exception {
        ParsedFeed feed = parse("rss10-dcterms.xml");

        assertThat(feed.items()).extracting(ParsedItem::published).containsExactly(
                Instant.parse("2026-03-04T07:00:00Z"),
                Instant.parse("2026-03-03T00:00:00Z"),
                Instant.parse("2026-03-02T08:00:00Z"),
                null);
    }

    @ParameterizedTest
    @CsvSource({
            "rss20-koi8r-undeclared.xml, KOI8-R, Завод в Самаре выпустил юбилейный двигатель",
            "rss20-gb2312-undeclared.xml, GB18030, 海军接收新型护卫舰",
            "rss20-tis620-undeclared.xml, TIS-620, กองทัพเรือรับมอบเรือฟริเกตลำใหม่"})
    void detectsTheCharacterSetOfAFeedThatDoesNotDeclareIt(String fixture, String charset, String title) throws Exception {
        ParsedFeed feed = parse(fixture);

        assertThat(feed.items().getFirst().title()).isEqualTo(title);
        assertThat(feed.detectedCharset()).isEqualTo(charset);
        assertThat(parse("rss20-koi8-r.xml").detectedCharset()).as("a declared character set").isNull();
        assertThat(parse("atom10.xml").detectedCharset()).as("UTF-8").isNull();
    }

    @Test
    void readsLenientlyWhatXmlAllowsButJdomDoesNot() throws Exception {
        String rss = "<rss version=\"2.0\" xmlns:x=\"2ttp://www.w3.org/1999/xhtml\"><channel><title>T</title>"
                + "<item><title>Odd namespace</title><link>https://x.example.org/1</link></item></channel></rss>";

        ParsedFeed feed = parser.parse(rss.getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(feed.items().getFirst().title()).isEqualTo("Odd namespace");
        assertThat(feed.lenientBecause()).startsWith("The feed is not well-formed XML: The name \"2ttp://www.w3.org/1999/xhtml\"");
    }

    @Test
    void dropsCharactersXmlCannotHoldFromDecodedTexts() throws Exception {
        String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><entry><id>c-1</id>"
                + "<title type=\"application/octet-stream\">%s</title></entry></feed>";

        ParsedFeed feed = parser.parse(atom.formatted("Q29udHJvbAEgY2hhcmFjdGVy").getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(feed.items().getFirst().title()).isEqualTo("Control character");
    }

    @Test
    void readsAnXhtmlBodyWhoseElementsDeclareOtherNamespaces() throws Exception {
        String rss = "<rss version=\"2.0\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"><channel><title>T</title><item>"
                + "<title>Body</title><link>https://x.example.org/1</link><xhtml:body><xhtml:p xmlns=\"urn:other\">"
                + "Text of the body.</xhtml:p></xhtml:body></item></channel></rss>";

        ParsedFeed feed = parser.parse(rss.getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(feed.items().getFirst().html()).isEqualTo("<p>Text of the body.</p>");
    }

    @Test
    void quotesTheFeedInItsReasonsOnOneShortLine() throws Exception {
        String xml = "<?xml version=\"1.0 and a\n" + "very long version ".repeat(40) + "\"?>"
                + "<rss version=\"2.0\"><channel><title>T</title></channel></rss>";

        String reason = parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, null).lenientBecause();

        assertThat(reason).startsWith("The feed is not well-formed XML: line 2, column ").doesNotContain("\n")
                .endsWith("…").hasSizeLessThan(300);
    }

    @Test
    void takesAnRssFeedWithoutAVersionForRss20() throws Exception {
        String rss = "<rss><channel><title>T</title><item><title>No version</title><link>https://x.example.org/1</link>"
                + "</item></channel></rss>";

        ParsedFeed feed = parser.parse(rss.getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(feed.format()).isEqualTo("rss_2.0");
        assertThat(feed.items().getFirst().title()).isEqualTo("No version");
    }

    @Test
    void readsJsonFeedDetailsAndTextContent() throws Exception {
        ParsedFeed feed = parse("jsonfeed11.json");

        ParsedItem first = feed.items().getFirst();
        assertThat(first.published()).isEqualTo(Instant.parse("2026-01-06T01:30:00Z"));
        assertThat(first.author()).isEqualTo("Rahul Menon");
        assertThat(first.imageUrl()).isEqualTo("https://deccandefence.example.com/img/77.jpg");
        assertThat(feed.items().get(1).html()).isEqualTo("<p>First paragraph.</p><p>Second paragraph.</p>");
        assertThat(parse("jsonfeed10.json").items().getFirst().author()).isEqualTo("Иван Петров");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "garbled.xml | The feed is not well-formed XML: line 2, column 2: ",
            "rss091-no-channel.xml | This is an RSS 0.91 feed without a channel",
            "not-a-feed.html | This is a web page (HTML), not a feed",
            "empty.xml | The feed is empty"})
    void refusesBrokenInputWithASentence(String fixture, String reason) {
        assertThatThrownBy(() -> parse(fixture)).isInstanceOf(FeedMalformed.class).hasMessageStartingWith(reason);
    }

    @Test
    void neverReadsEntitiesOrDtds() throws Exception {
        ParsedFeed bomb = parse("entity-bomb.xml");
        ParsedFeed external = parse("external-entity.xml");

        assertThat(bomb.title()).doesNotContain("lollol");
        assertThat(bomb.items()).extracting(ParsedItem::title).containsExactly("x");
        assertThat(external.items().getFirst().title()).isEqualTo("&secret;");
        assertThat(bomb.lenientBecause()).isEqualTo(
                "The feed declares a DOCTYPE, which the strict parser refuses (DTDs and entities are never read)");
        assertThat(external.lenientBecause()).isEqualTo(bomb.lenientBecause());
    }

    @Test
    void repairsWhatItCanAndSaysSo() throws Exception {
        ParsedFeed unclosed = parse("malformed.xml");
        ParsedFeed ampersand = parse("rss20-bare-ampersand.xml");

        assertThat(unclosed.items()).extracting(ParsedItem::title).containsExactly("Unclosed");
        assertThat(unclosed.lenientBecause()).startsWith("The feed is not well-formed XML: line 2, column ");
        assertThat(ampersand.lenientBecause()).isEqualTo("The feed is not well-formed XML: line 8, column 46: "
                + "The entity \"D\" was referenced, but not declared.");
        assertThat(parse("rss20-media.xml").lenientBecause()).as("a well-formed feed").isNull();
    }

    @Test
    void refusesOtherXmlAndJson() {
        assertThatThrownBy(() -> parser.parse("<html-ish><x/></html-ish>".getBytes(StandardCharsets.UTF_8), null, null))
                .isInstanceOf(FeedMalformed.class);
        assertThatThrownBy(() -> parser.parse("{\"version\": \"https://jsonfeed.org/version/1.1\",\n \"items\": [}"
                .getBytes(StandardCharsets.UTF_8), null, null)).isInstanceOf(FeedMalformed.class)
                .hasMessage("The feed is not well-formed JSON: line 2, column 12");
        assertThatThrownBy(() -> parser.parse("{\"hello\": 1}".getBytes(StandardCharsets.UTF_8), null, null))
                .isInstanceOf(FeedMalformed.class).hasMessageContaining("not a JSON Feed");
        assertThatThrownBy(() -> parser.parse("just text".getBytes(StandardCharsets.UTF_8), null, null))
                .isInstanceOf(FeedMalformed.class).hasMessageContaining("neither XML nor JSON");
        assertThatThrownBy(() -> parser.parse("<?xml version=\"1.0\" encoding=\"ISO-88\n\n<!DOCTYPE\"?><rss/>".getBytes(
                StandardCharsets.UTF_8), null, null)).isInstanceOf(FeedMalformed.class)
                .hasMessage("The feed declares a character set that cannot be read (ISO-88 <!DOCTYPE)");
        assertThatThrownBy(() -> parser.parse("<?xml version=\"1.0\" encoding=\"x-nonsense\"?><rss/>".getBytes(
                StandardCharsets.UTF_8), null, null)).isInstanceOf(FeedMalformed.class)
                .hasMessage("The feed declares a character set that cannot be read (x-nonsense)");
    }

    @Test
    void readsAHugeFeedUpToItsItemLimit() throws Exception {
        StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel><title>Huge</title>");
        for (int i = 0; i < FeedParser.MAX_ITEMS + 500; i++) {
            xml.append("<item><title>Item ").append(i).append("</title><link>https://huge.example.org/").append(i)
                    .append("</link></item>");
        }
        xml.append("</channel></rss>");

        ParsedFeed feed = parser.parse(xml.toString().getBytes(StandardCharsets.UTF_8), "application/rss+xml", null);

        assertThat(feed.items()).hasSize(FeedParser.MAX_ITEMS);
    }

    @Test
    void readsDeeplyNestedContentWithoutRunningOutOfStack() throws Exception {
        String nested = "<div>".repeat(50_000) + "deep" + "</div>".repeat(50_000);
        String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Deep</title><entry><title>Deep</title>"
                + "<id>deep-1</id><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">" + nested
                + "</div></content></entry></feed>";

        ParsedFeed feed = parser.parse(atom.getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(feed.items().getFirst().html()).contains("deep");
        assertThat(feed.lenientBecause()).isEqualTo("The feed nests elements more than 100 deep");
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = FeedParserTest.class.getResourceAsStream("/testdata/feeds/" + name)) {
            return in.readAllBytes();
        }
    }

    private ParsedFeed parse(String name) throws Exception {
        return parser.parse(fixture(name), null, null);
    }
}
