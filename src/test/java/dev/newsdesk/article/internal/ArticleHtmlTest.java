package dev.newsdesk.article.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.site.SafeHtml;
import org.junit.jupiter.api.Test;

class ArticleHtmlTest {

    @Test
    void removesScriptsHandlersAndForeignImages() {
        String html = ArticleHtml.sanitize("""
                <p onclick="steal()">Text <script>alert(1)</script><img src="https://tracker.example/x.gif"></p>
                <iframe src="https://evil.example"></iframe><style>p{}</style>""").html();

        assertThat(html).isEqualTo("<p>Text </p>");
    }

    @Test
    void keepsStructureAndMakesLinksSafe() {
        String html = ArticleHtml.sanitize("""
                <h2>Sub</h2><p>See <a href="https://example.org/a" target="_blank">this</a>
                and <a href="javascript:alert(1)">that</a>.</p><blockquote>«Quote»</blockquote>""").html();

        assertThat(html)
                .contains("<h2>Sub</h2>", "<blockquote>«Quote»</blockquote>")
                .contains("<a href=\"https://example.org/a\" rel=\"nofollow noopener\">this</a>")
                .doesNotContain("javascript", "target");
    }

    @Test
    void storesTheTreeABrowserBuildsSoThatSanitisingAgainChangesNothing() {
        String html = ArticleHtml.sanitize("<p>Lead<li>one</ul>tail").html();

        assertThat(html).isEqualTo("<p>Lead</p><ul><li>onetail</li></ul>");
        assertThat(ArticleHtml.sanitize(html).html()).isEqualTo(html);
    }

    @Test
    void whiteSpaceTheSanitiserAddsOrTrimsIsPartOfWhatStaysTheSame() {
        for (String html : new String[] {"{\n", "a\n<script>x</script>", " <p>a</p>\n", "<a title=\"a`b\">x</a>"}) {
            String once = ArticleHtml.sanitize(html).html();

            assertThat(ArticleHtml.sanitize(once).html()).as(html).isEqualTo(once);
        }
    }

    @Test
    void runsTheDatelineIntoTheFirstParagraph() {
        SafeHtml body = new SafeHtml("<p>US Secretary of State said.</p><p>More.</p>");

        assertThat(ArticleHtml.withDateline(body, "Washington. January 6th. INTERFAX & co -").html())
                .isEqualTo("<p><strong class=\"dateline\">Washington. January 6th. INTERFAX &amp; co -</strong> "
                        + "US Secretary of State said.</p><p>More.</p>");
        assertThat(ArticleHtml.withDateline(body, null)).isSameAs(body);
    }
}
