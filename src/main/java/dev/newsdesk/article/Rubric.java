package dev.newsdesk.article;

import dev.newsdesk.site.Bilingual;
import dev.newsdesk.site.Language;

/**
 * A section of the portal ("State and prospects of the defence industry"), with its header line.
 */
public record Rubric(long id, String slug, Bilingual name, Bilingual header, int position) {

    /** The site path of the rubric's page in {@code language}. */
    public String path(Language language) {
        return language.path("/rubric/" + slug);
    }
}
