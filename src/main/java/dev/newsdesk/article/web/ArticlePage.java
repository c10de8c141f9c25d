package dev.newsdesk.article.web;

import java.util.List;

import dev.newsdesk.site.Page;
import gg.jte.Content;
import dev.newsdesk.site.SafeHtml;

/**
 * An article as its page shows it, the dateline run into the body's first paragraph. Optional parts
 * (image, byline, rights, translation, neighbours) are null when the article has none.
 */
public record ArticlePage(
        Page page,
        String title,
        String subtitle,
        String lead,
        String byline,
        String published,
        String publishedIso,
        Counters counters,
        Figure figure,
        SafeHtml body,
        Rights rights,
        Link rubric,
        Link translation,
        String translationLanguage,
        Link older,
        Link newer,
        List<Content> underArticle,
        List<Teaser> mostRead) {

    /** Views, comments and rating with its sign, each with a label for screen readers. */
    public record Counters(String views, String viewsLabel, String comments, String commentsLabel, String rating,
                           String ratingLabel, String ratingTone) {
    }

    /** The lead image with its caption and the "Image source: ©..." line linking to the image's page. */
    public record Figure(String src, int width, int height, String alt, String caption, String creditLabel,
                         String credit, String imagePage) {
    }

    /** "The rights to this material belong to <source>" and the source's licence line. */
    public record Rights(String statement, String sourceName, String sourceHref, String licence) {
    }
}
