package dev.newsdesk.ingest.clean;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import dev.newsdesk.ingest.parse.FeedParser;
import dev.newsdesk.ingest.parse.ParsedItem;
import dev.newsdesk.site.Language;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Cleans one parsed item: titles and leads become plain text, links in the body become absolute and lose
 * their tracking parameters, the first picture in the body stands in for a missing lead image, times are
 * UTC (a missing one is the fetch time, one in the future is moved to now, and the item says its date was
 * assumed), and the language is the feed's if it has one, else that of the item's alphabet (none for an
 * alphabet other than Cyrillic and Latin).
 */
public final class ItemCleaner {

    static final int LEAD_LENGTH = 400;
    /** A little clock skew between publisher and portal is not "the future". */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private ItemCleaner() {
    }

    /**
     * @param base the address the item was found at, for relative links where the item does not give its own
     * @param language the feed's language, or null to tell it from the text
     * @return the clean item, or null when the item has neither a title nor any text
     */
    public static CleanItem clean(ParsedItem item, URI base, Language language, Instant fetchedAt) {
        String title = item.titleHtml() ? text(item.title()) : plain(item.title());
        String link = Links.clean(item.link(), base);
        URI contentBase = item.base() != null ? item.base() : base;
        String content = item.html() != null ? item.html() : item.summary();
        Document body = Jsoup.parseBodyFragment(content == null ? "" : asHtml(content),
                contentBase == null ? "" : contentBase.toString());
        String imageUrl = Links.clean(item.imageUrl(), contentBase);
        for (Element a : body.select("a[href]")) {
            String href = Links.clean(a.attr("abs:href").isEmpty() ? a.attr("href") : a.attr("abs:href"), contentBase);
            if (href == null) {
                a.unwrap();
            } else {
                a.attr("href", href);
            }
        }
        Element firstImage = body.selectFirst("img[src]");
        if (imageUrl == null && firstImage != null) {
            imageUrl = Links.clean(firstImage.attr("abs:src"), contentBase);
        }
        String bodyText = body.text().strip();
        String summaryText = item.html() != null && item.summary() != null ? text(item.summary()) : null;
        String lead = shorten(summaryText != null && !summaryText.isBlank() ? summaryText : firstParagraph(body));
        if ((title == null || title.isBlank()) && bodyText.isEmpty()) {
            return null;
        }
        if (title == null || title.isBlank()) {
            title = shorten(bodyText, 120);
        }
        boolean dateAssumed = item.published() == null || item.published().isAfter(fetchedAt.plus(FUTURE_TOLERANCE));
        Instant published = dateAssumed ? fetchedAt : item.published();
        Language detected = language != null ? language : Alphabet.of(title + " " + bodyText).language();
        return new CleanItem(item.guid(), link, title.length() > 500 ? title.substring(0, 500) : title, lead,
                body.body().html(), bodyText, published, dateAssumed, text(item.author()), item.categories(), imageUrl,
                text(item.imageCredit()), detected);
    }

    /** Plain text with entities decoded and white space collapsed. */
    static String text(String html) {
        if (html == null) {
            return null;
        }
        String text = Jsoup.parse(html).text().strip();
        return text.isEmpty() ? null : text;
    }

    /** Plain text with white space collapsed: angle brackets and ampersands are characters like any other. */
    static String plain(String text) {
        if (text == null) {
            return null;
        }
        String plain = text.replaceAll("\\s+", " ").strip();
        return plain.isEmpty() ? null : plain;
    }

    /** Text without any tag (as RSS descriptions sometimes are) is taken as paragraphs separated by blank lines. */
    private static String asHtml(String content) {
        return content.contains("<") && content.contains(">") ? content : FeedParser.paragraphs(content);
    }

    private static String firstParagraph(Document body) {
        Element paragraph = body.selectFirst("p");
        String text = paragraph != null ? paragraph.text() : body.text();
        return text.isBlank() ? null : text.strip();
    }

    private static String shorten(String text) {
        return shorten(text, LEAD_LENGTH);
    }

    static String shorten(String text, int length) {
        if (text == null || text.length() <= length) {
            return text;
        }
        int cut = text.lastIndexOf(' ', length - 1);
        return text.substring(0, cut > length / 2 ? cut : length - 1).strip() + "…";
    }
}
