package dev.newsdesk.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import dev.newsdesk.ingest.parse.ParsedItem;
import dev.newsdesk.site.Language;
import org.junit.jupiter.api.Test;

class ItemCleanerTest {

    private static final URI BASE = URI.create("https://severinform.example.org/rss");
    private static final Instant FETCHED = Instant.parse("2026-01-06T12:00:00Z");

    @Test
    void makesLinksAbsoluteAndDropsTrackingParameters() {
        assertThat(Links.clean("/news/1?utm_source=rss&id=7&fbclid=x#top", BASE))
                .isEqualTo("https://severinform.example.org/news/1?id=7");
        assertThat(Links.clean("HTTPS://Example.ORG/A?utm_medium=feed", null)).isEqualTo("https://example.org/A");
        assertThat(Links.clean("javascript:alert(1)", BASE)).isNull();
        assertThat(Links.clean("mailto:editor@example.org", BASE)).isNull();
    }

    @Test
    void keepsPercentEncodedAddressesAsTheyAre() {
        assertThat(Links.clean("https://news.example.org/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/a%20b", null))
                .isEqualTo("https://news.example.org/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/a%20b");
        assertThat(Links.clean("/a%2Fb?q=%41", BASE)).isEqualTo("https://severinform.example.org/a%2Fb?q=%41");
    }

    @Test
    void cleansAnItem() {
        ParsedItem item = new ParsedItem("g-1", "/news/1?utm_source=rss", "Завод &amp; <b>цех</b>", true,
                "<p>Текст <a href=\"/n/2?utm_campaign=a\">ссылка</a> и <a href=\"javascript:x()\">вот</a>.</p>"
                        + "<p>Второй <img src=\"/img/in-body.jpg\"> абзац.</p>",
                "<p>Краткое описание.</p>", Instant.parse("2026-01-06T09:00:00Z"), " Автор ", List.of("ОПК"), null, null, null);

        CleanItem clean = ItemCleaner.clean(item, BASE, null, FETCHED);

        assertThat(clean.title()).isEqualTo("Завод & цех");
        assertThat(clean.link()).isEqualTo("https://severinform.example.org/news/1");
        assertThat(clean.lead()).isEqualTo("Краткое описание.");
        assertThat(clean.bodyHtml()).contains("<a href=\"https://severinform.example.org/n/2\">ссылка</a>")
                .doesNotContain("javascript");
        assertThat(clean.imageUrl()).as("the first picture in the body").isEqualTo("https://severinform.example.org/img/in-body.jpg");
        assertThat(clean.language()).isEqualTo(Language.RU);
        assertThat(clean.author()).isEqualTo("Автор");
        assertThat(clean.key()).isEqualTo("g-1");
        assertThat(clean.dateAssumed()).isFalse();
    }

    @Test
    void datesMissingOrInTheFutureBecomeTheFetchTime() {
        ParsedItem undated = new ParsedItem(null, "https://a.example.org/1", "English title", false, null, "Some text.",
                null, null, List.of(), null, null, null);
        ParsedItem future = new ParsedItem(null, "https://a.example.org/2", "English title", false, null, "Some text.",
                Instant.parse("2099-01-01T00:00:00Z"), null, List.of(), null, null, null);

        assertThat(ItemCleaner.clean(undated, BASE, null, FETCHED).published()).isEqualTo(FETCHED);
        assertThat(ItemCleaner.clean(future, BASE, null, FETCHED).published()).isEqualTo(FETCHED);
        assertThat(ItemCleaner.clean(undated, BASE, null, FETCHED).dateAssumed()).isTrue();
        assertThat(ItemCleaner.clean(future, BASE, null, FETCHED).dateAssumed()).isTrue();
        assertThat(ItemCleaner.clean(undated, BASE, null, FETCHED).language()).isEqualTo(Language.EN);
        assertThat(ItemCleaner.clean(undated, BASE, Language.RU, FETCHED).language()).as("the feed's language wins")
                .isEqualTo(Language.RU);
        assertThat(ItemCleaner.clean(undated, BASE, null, FETCHED).key()).isEqualTo("https://a.example.org/1");
    }

    @Test
    void skipsEmptyItemsAndTitlesThoseWithTextOnly() {
        assertThat(ItemCleaner.clean(new ParsedItem(null, null, " ", false, null, null, null, null, List.of(), null, null, null),
                BASE, null, FETCHED)).isNull();
        assertThat(ItemCleaner.clean(new ParsedItem(null, null, null, false, null, "Only text here.", null, null, List.of(),
                null, null, null), BASE, null, FETCHED).title()).isEqualTo("Only text here.");
    }

    @Test
    void tellsRussianFromEnglish() {
        assertThat(Alphabet.of("Минобороны получило Су-57").language()).isEqualTo(Language.RU);
        assertThat(Alphabet.of("The Navy received the F-35").language()).isEqualTo(Language.EN);
    }

    @Test
    void tagsNoLanguageOutsideCyrillicAndLatin() {
        assertThat(Alphabet.of("กองทัพเรือไทยรับมอบเรือฟริเกต F-35").language()).isNull();
        assertThat(Alphabet.of("中国海军接收新型护卫舰 F-35").language()).isNull();
        assertThat(Alphabet.of("2026 — 12:00").language()).isNull();
        assertThat(ItemCleaner.clean(new ParsedItem(null, "https://a.example.org/th", "ข่าวภาษาไทย", false, null,
                "กองทัพเรือไทยรับมอบเรือฟริเกตลำใหม่", null, null, List.of(), null, null, null), BASE, null, FETCHED)
                .language()).isNull();
    }
}
