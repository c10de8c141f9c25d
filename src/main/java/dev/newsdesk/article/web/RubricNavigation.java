package dev.newsdesk.article.web;

import java.util.List;

import dev.newsdesk.article.Rubrics;
import dev.newsdesk.site.Language;
import dev.newsdesk.site.NavLink;
import dev.newsdesk.site.NavigationSource;
import org.springframework.stereotype.Component;

/** Puts the rubrics into the site's main navigation. */
@Component
class RubricNavigation implements NavigationSource {

    private final Rubrics rubrics;

    RubricNavigation(Rubrics rubrics) {
        this.rubrics = rubrics;
    }

    @Override
    public List<NavLink> links(Language language) {
        return rubrics.all().stream().map(rubric -> new NavLink(rubric.name().in(language), rubric.path(language))).toList();
    }
}
