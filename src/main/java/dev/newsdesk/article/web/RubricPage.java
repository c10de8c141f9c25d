package dev.newsdesk.article.web;

import java.util.List;

import dev.newsdesk.site.Page;

/** One page of a rubric's archive. */
public record RubricPage(Page page, String name, String header, List<Teaser> items, Pagination pagination) {
}
