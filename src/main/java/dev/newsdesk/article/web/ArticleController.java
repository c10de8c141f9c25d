package dev.newsdesk.article.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.newsdesk.article.Article;
import dev.newsdesk.article.ArticleSummary;
import dev.newsdesk.article.Image;
import dev.newsdesk.article.Images;
import dev.newsdesk.article.Rubric;
import dev.newsdesk.article.Rubrics;
import dev.newsdesk.article.Source;
import dev.newsdesk.article.Sources;
import dev.newsdesk.article.internal.Archive;
import dev.newsdesk.article.internal.ArticleHtml;
import dev.newsdesk.site.Language;
import dev.newsdesk.site.Page;
import dev.newsdesk.site.PageNotFound;
import dev.newsdesk.site.PageSection;
import dev.newsdesk.site.Pages;
import dev.newsdesk.site.PagesChanged;
import dev.newsdesk.site.SharedPage;
import dev.newsdesk.site.SiteSettings;
import dev.newsdesk.site.SiteTime;
import dev.newsdesk.site.Templates;
import dev.newsdesk.site.Texts;
import dev.newsdesk.stats.ViewCounter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The article page at {@code /news/{id}-{slug}} (Russian) or {@code /en/news/{id}-{slug}} (English).
 * Any other spelling of a public article's address is redirected (301) to that one; drafts, scheduled,
 * withdrawn and unknown articles are "not found". Counts the view, in memory.
 */
@Controller
class ArticleController {

    private final Archive archive;
    private final Rubrics rubrics;
    private final Sources sources;
    private final Images images;
    private final ViewCounter views;
    private final Pages pages;
    private final SiteTime time;
    private final SiteSettings site;
    private final Teasers teasers;
    private final Templates templates;

    ArticleController(Archive archive, Rubrics rubrics, Sources sources, Images images, ViewCounter views, Pages pages,
                      SiteTime time, SiteSettings site, Teasers teasers, Templates templates) {
        this.archive = archive;
        this.rubrics = rubrics;
        this.sources = sources;
        this.images = images;
        this.views = views;
        this.pages = pages;
        this.time = time;
        this.site = site;
        this.teasers = teasers;
        this.templates = templates;
    }

    @GetMapping({"/news/{ref}", "/en/news/{ref}"})
    ResponseEntity<byte[]> article(@PathVariable String ref, HttpServletRequest request) {
        Article article = id(ref).flatMap(archive::article).filter(Article::isPublic)
                .orElseThrow(() -> new PageNotFound("article " + ref));
        String path = article.path();
        if (!path.equals(request.getRequestURI())) {
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).header(HttpHeaders.LOCATION, path).build();
        }
        views.record(article.id(), request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
        return SharedPage.tagged(templates.page("article/article", model(article)),
                List.of(PagesChanged.articleTag(article.id()), PagesChanged.LISTS, PagesChanged.RUBRICS, PagesChanged.SOURCES));
    }

    private ArticlePage model(Article article) {
        Language language = article.language();
        Texts t = pages.texts(language);
        Rubric rubric = rubrics.byId(article.rubricId()).orElseThrow();
        Optional<Source> source = Optional.ofNullable(article.sourceId()).flatMap(sources::byId);
        Optional<Image> image = Optional.ofNullable(article.imageId()).flatMap(images::find);
        Optional<ArticleSummary> translation = archive.translation(article);

        Pages.Builder head = pages.page(language, article.path())
                .title(article.title())
                .description(firstOf(article.lead(), article.subtitle(), article.title()))
                .article(article.publishedAt())
                .section(rubric.path(language));
        translation.ifPresent(other -> head.alternate(other.language(), other.path()));
        image.ifPresent(picture -> head.image(site.absolute(picture.fileHref())));
        Page page = head.build();

        return new ArticlePage(page, article.title(), article.subtitle(), article.lead(),
                byline(article, source, language, t),
                time.full(article.publishedAt(), language), time.iso(article.publishedAt()),
                counters(article, t),
                image.map(picture -> figure(picture, article, language, t)).orElse(null),
                ArticleHtml.withDateline(article.body(), article.dateline()),
                source.map(publisher -> rights(publisher, article, language, t)).orElse(null),
                new Link(rubric.name().in(language), rubric.path(language)),
                translation.map(other -> new Link(t.get("article.translation"), other.path())).orElse(null),
                translation.map(other -> other.language().code()).orElse(null),
                archive.older(article).map(older -> new Link(older.title(), older.path())).orElse(null),
                archive.newer(article).map(newer -> new Link(newer.title(), newer.path())).orElse(null),
                pages.sections(PageSection.Slot.UNDER_ARTICLE,
                        new PageSection.SectionContext(language, article.path(), article.id())),
                teasers.of(archive.select(views.mostRead(Duration.ofDays(1), HomeController.MOST_READ_CANDIDATES),
                        language, HomeController.MOST_READ)));
    }

    /** "John Harper (The Atlantic Defense Review, USA)" for a translated foreign-press piece; just the author otherwise. */
    private static String byline(Article article, Optional<Source> source, Language language, Texts t) {
        if (article.author() == null) {
            return null;
        }
        return source.map(publisher -> article.author() + " (" + publisher.name().in(language)
                        + (publisher.country() == null ? "" : ", " + country(publisher.country(), language, t)) + ")")
                .orElse(article.author());
    }

    private static String country(String code, Language language, Texts t) {
        return t.getOrDefault("country." + code, Locale.of("", code).getDisplayCountry(language.locale()));
    }

    private ArticlePage.Counters counters(Article article, Texts t) {
        long viewCount = views.views(article.id());
        int rating = article.rating();
        String tone = rating > 0 ? "positive" : rating < 0 ? "negative" : "neutral";
        return new ArticlePage.Counters(Long.toString(viewCount), t.get("article.views"),
                Integer.toString(article.commentCount()), t.get("article.comments"),
                rating > 0 ? "+" + rating : Integer.toString(rating), t.get("article.rating"), tone);
    }

    private static ArticlePage.Figure figure(Image image, Article article, Language language, Texts t) {
        String caption = firstOf(image.caption().in(language), image.caption().in(language.other()));
        return new ArticlePage.Figure(image.fileHref(), image.width(), image.height(),
                firstOf(caption, article.title()), caption, t.get("image.source"), image.credit(),
                image.pagePath(language));
    }

    private static ArticlePage.Rights rights(Source source, Article article, Language language, Texts t) {
        return new ArticlePage.Rights(firstOf(source.rights().in(language), t.get("article.rights")),
                source.name().in(language), firstOf(article.originalUrl(), source.homeUrl()),
                source.licence().in(language));
    }

    private static Optional<Long> id(String ref) {
        int end = 0;
        while (end < ref.length() && end < 18 && Character.isDigit(ref.charAt(end))) {
            end++;
        }
        if (end == 0 || (end < ref.length() && ref.charAt(end) != '-')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(ref.substring(0, end)));
    }

    static String firstOf(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}
