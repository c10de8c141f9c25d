package dev.newsdesk.article.internal;

import java.nio.charset.StandardCharsets;

import dev.newsdesk.site.SafeHtml;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.web.util.HtmlUtils;

/**
 * The one policy for the HTML of article bodies, whether an editor, a feed or an import wrote it:
 * text structure, emphasis, lists, quotes, tables and links survive; scripts, styles, frames,
 * event handlers and images from other sites (which the page's security policy would block) do not.
 */
public final class ArticleHtml {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "b", "strong", "i", "em", "u", "s", "sub", "sup", "blockquote", "q", "cite",
                    "ul", "ol", "li", "h2", "h3", "h4", "figure", "figcaption", "table", "caption", "thead", "tbody",
                    "tr", "th", "td", "hr", "pre", "code", "a")
            .allowAttributes("href", "title").onElements("a")
            .allowStandardUrlProtocols()
            .requireRelsOnLinks("nofollow", "noopener")
            .toFactory();

    /** Turns of sanitiser and parser before the HTML is kept as it is (real bodies settle in one or two). */
    static final int MAX_TURNS = 5;

    private ArticleHtml() {
    }

    /**
     * The body, sanitised. The policy runs on the tree a browser builds from the HTML (jsoup's HTML5 parser),
     * and what is kept is that tree too. The sanitiser repairs nesting by rules of its own (it wraps a stray
     * list item in a list, takes a list out of a paragraph), which a browser's parser may read differently
     * again; so the two take turns until the HTML stops changing, and sanitising the result again changes
     * nothing. Every turn ends with the sanitiser's output, read as a browser reads it.
     */
    public static SafeHtml sanitize(String html) {
        String body = asBrowsersRead(html == null ? "" : html);
        for (int turn = 0; turn < MAX_TURNS; turn++) {
            String clean = asBrowsersRead(POLICY.sanitize(body));
            if (clean.equals(body)) {
                break;
            }
            body = clean;
        }
        return new SafeHtml(body);
    }

    /**
     * The HTML as a browser's parser builds it, without white space around it or at the end of an attribute
     * value: the sanitiser appends a space to a value with a backtick (against an old Internet Explorer bug), and
     * would do so again in every turn.
     */
    private static String asBrowsersRead(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
        for (Element element : document.body().getAllElements()) {
            element.attributes().forEach(attribute -> attribute.setValue(attribute.getValue().stripTrailing()));
        }
        return document.body().html().strip();
    }

    /**
     * The body with the dateline run into its first paragraph, as news agencies print it:
     * "<b>Washington. January 6th. INTERFAX -</b> US Secretary of State...".
     */
    public static SafeHtml withDateline(SafeHtml body, String dateline) {
        if (dateline == null) {
            return body;
        }
        String lead = "<strong class=\"dateline\">" + HtmlUtils.htmlEscape(dateline, "UTF-8") + "</strong> ";
        String html = body.html();
        return new SafeHtml(html.startsWith("<p>") ? "<p>" + lead + html.substring(3) : "<p>" + lead + "</p>" + html);
    }
}
