package dev.newsdesk.article.internal;

import java.nio.charset.StandardCharsets;

import dev.newsdesk.site.SafeHtml;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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

    private ArticleHtml() {
    }

    /**
     * The body, sanitised. The policy runs on the tree a browser builds from the HTML (jsoup's HTML5 parser),
     * and what is kept is that tree too: the sanitiser's own parser nests some broken markup otherwise (a list
     * inside a paragraph), so its raw output would be read differently by a browser and changed by a second pass.
     */
    public static SafeHtml sanitize(String html) {
        return new SafeHtml(asBrowsersRead(POLICY.sanitize(asBrowsersRead(html == null ? "" : html))).strip());
    }

    private static String asBrowsersRead(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
        return document.body().html();
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
