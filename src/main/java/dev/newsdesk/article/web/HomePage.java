package dev.newsdesk.article.web;

import java.util.List;

import dev.newsdesk.site.Page;

/**
 * The front page: the top story (the newest one with a picture, null if none), the other latest
 * news, a block per rubric, and the most read of the day and the week.
 */
public record HomePage(Page page, Teaser top, List<Teaser> latest, List<RubricBlock> rubrics, List<Teaser> mostReadDay,
                       List<Teaser> mostReadWeek) {

    /** A rubric's newest articles, with a link to the rubric. */
    public record RubricBlock(String name, String href, List<Teaser> items) {
    }
}
