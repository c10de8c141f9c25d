package dev.newsdesk.article.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.newsdesk.site.SafeHtml;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Timeout;

/**
 * The article sanitiser under a fuzzer: whatever HTML goes in, what comes out carries no script, no event
 * handler and no link a browser would run, and sanitising it again changes nothing. The input is the HTML
 * in UTF-8; its first line, when the input has several, is also tried as a dateline.
 */
class ArticleHtmlFuzzTest {

    private static final Set<String> ELEMENTS = Set.of("p", "br", "b", "strong", "i", "em", "u", "s", "sub", "sup",
            "blockquote", "q", "cite", "ul", "ol", "li", "h2", "h3", "h4", "figure", "figcaption", "table", "caption",
            "thead", "tbody", "tr", "th", "td", "hr", "pre", "code", "a");
    private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

    @FuzzTest(maxDuration = "10m")
    @Timeout(10)
    void sanitisedHtmlIsHarmlessAndStable(byte[] input) {
        String html = new String(input, StandardCharsets.UTF_8);

        SafeHtml clean = ArticleHtml.sanitize(html);

        assertHarmless(clean.html());
        assertThat(ArticleHtml.sanitize(clean.html()).html()).as("sanitising twice").isEqualTo(clean.html());
        int newline = html.indexOf('\n');
        if (newline > 0) {
            assertHarmless(ArticleHtml.withDateline(clean, html.substring(0, newline)).html());
        }
    }

    private static void assertHarmless(String html) {
        for (Element element : Jsoup.parseBodyFragment(html).body().select("*")) {
            if (element.tagName().equals("body")) {
                continue;
            }
            assertThat(ELEMENTS).as("element in %s", html).contains(element.tagName());
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as("attribute in %s", html).isIn("href", "title", "rel", "class");
                if (name.equals("href")) {
                    assertThat(scheme(attribute.getValue())).as("link in %s", html).isIn(SCHEMES.toArray());
                }
            }
        }
    }

    /** The scheme a browser would see: control characters and spaces are dropped, case is ignored; "http" when relative. */
    private static String scheme(String href) {
        String url = href.replaceAll("[\\x00-\\x20]", "").toLowerCase(Locale.ROOT);
        int colon = url.indexOf(':');
        int end = url.replaceAll("[/?#].*", "").length();
        return colon < 0 || colon > end ? "http" : url.substring(0, colon);
    }
}
