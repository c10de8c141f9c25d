package dev.newsdesk.article.internal;

import dev.newsdesk.site.SafeHtml;
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

    public static SafeHtml sanitize(String html) {
        return new SafeHtml(POLICY.sanitize(html == null ? "" : html).strip());
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
