package dev.newsdesk.article.web;

import java.util.List;

import dev.newsdesk.article.Rubric;
import dev.newsdesk.article.Rubrics;
import dev.newsdesk.article.internal.Archive;
import dev.newsdesk.site.Language;
import dev.newsdesk.site.Page;
import dev.newsdesk.site.PageNotFound;
import dev.newsdesk.site.Pages;
import dev.newsdesk.site.PagesChanged;
import dev.newsdesk.site.SharedPage;
import dev.newsdesk.site.Templates;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A rubric's archive, newest first, a page at a time ({@code ?p=N}). */
@Controller
class RubricController {

    /** What a page of teasers shows: lists of articles, the rubrics, and the sources named in bylines. */
    static final List<String> LIST_PAGE = List.of(PagesChanged.LISTS, PagesChanged.RUBRICS, PagesChanged.SOURCES);

    private final Rubrics rubrics;
    private final Archive archive;
    private final Pages pages;
    private final Teasers teasers;
    private final Templates templates;

    RubricController(Rubrics rubrics, Archive archive, Pages pages, Teasers teasers,
                     Templates templates) {
        this.rubrics = rubrics;
        this.archive = archive;
        this.pages = pages;
        this.teasers = teasers;
        this.templates = templates;
    }

    @GetMapping({"/rubric/{slug}", "/en/rubric/{slug}"})
    ResponseEntity<byte[]> rubric(@PathVariable String slug, @RequestParam(name = "p", required = false) String p,
                                  Language language) {
        Rubric rubric = rubrics.bySlug(slug).orElseThrow(() -> new PageNotFound("rubric " + slug));
        int number = pageNumber(p);
        Archive.RubricSlice slice = archive.rubricPage(rubric.id(), language, number, Pagination.AROUND);
        if (number > 1 && slice.items().isEmpty()) {
            throw new PageNotFound("page " + number + " of rubric " + slug);
        }
        String path = rubric.path(language);
        String name = rubric.name().in(language);
        Pages.Builder builder = pages.page(language, Pagination.href(path, number))
                .title(number == 1 ? name : pages.texts(language).get("rubric.pageTitle", name, number))
                .description(rubric.header().in(language))
                .section(path);
        if (number == 1) {
            // Deeper pages of the other language hold other articles; only the rubric itself is the same page.
            builder.alternate(language.other(), rubric.path(language.other()));
        }
        Page page = builder.build();
        Pagination pagination = Pagination.of(path, number, slice.pagesAfter(), slice.more(),
                page.t("pagination.label"), page.t("pagination.newer"), page.t("pagination.older"));
        RubricPage model = new RubricPage(page, name, rubric.header().in(language), teasers.of(slice.items()),
                pagination);
        return SharedPage.tagged(templates.page("article/rubric", model), LIST_PAGE);
    }

    /** The page asked for: 1 when absent; anything but a positive number is a page that does not exist. */
    private static int pageNumber(String p) {
        if (p == null) {
            return 1;
        }
        if (!p.matches("[1-9][0-9]{0,6}")) {
            throw new PageNotFound("page " + p);
        }
        return Integer.parseInt(p);
    }
}
