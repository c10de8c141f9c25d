package dev.newsdesk.article.web;

import java.time.Duration;
import java.util.List;

import dev.newsdesk.article.Rubrics;
import dev.newsdesk.article.internal.Archive;
import dev.newsdesk.site.Language;
import dev.newsdesk.site.Page;
import dev.newsdesk.site.Pages;
import dev.newsdesk.site.SharedPage;
import dev.newsdesk.site.Templates;
import dev.newsdesk.stats.ViewCounter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page in each language. */
@Controller
class HomeController {

    static final int LATEST = 20;
    static final int PER_RUBRIC = 5;
    /** The top story is the newest with a picture among this many latest ones. */
    static final int TOP_AMONG = 5;
    static final int MOST_READ = 10;
    /** Most-read candidates asked of the counter before keeping the published ones in the page's language. */
    static final int MOST_READ_CANDIDATES = 100;

    private final Archive archive;
    private final Rubrics rubrics;
    private final ViewCounter views;
    private final Pages pages;
    private final Teasers teasers;
    private final Templates templates;

    HomeController(Archive archive, Rubrics rubrics, ViewCounter views, Pages pages, Teasers teasers,
                   Templates templates) {
        this.archive = archive;
        this.rubrics = rubrics;
        this.views = views;
        this.pages = pages;
        this.teasers = teasers;
        this.templates = templates;
    }

    @GetMapping({"/", "/en/"})
    ResponseEntity<byte[]> home(Language language) {
        Page page = pages.page(language, language.path("/"))
                .alternate(language.other(), language.other().path("/"))
                .build();
        List<HomePage.RubricBlock> blocks = rubrics.all().stream()
                .map(rubric -> new HomePage.RubricBlock(rubric.name().in(language), rubric.path(language),
                        teasers.of(archive.rubricPage(rubric.id(), language, 1, Pagination.AROUND).items().stream()
                                .limit(PER_RUBRIC).toList())))
                .filter(block -> !block.items().isEmpty())
                .toList();
        List<Teaser> latest = teasers.of(archive.latest(language, LATEST));
        Teaser top = latest.stream().limit(TOP_AMONG).filter(teaser -> teaser.picture() != null).findFirst().orElse(null);
        HomePage model = new HomePage(page, top, latest.stream().filter(teaser -> teaser != top).toList(), blocks,
                mostRead(language, Duration.ofDays(1)), mostRead(language, Duration.ofDays(7)));
        return SharedPage.tagged(templates.page("article/home", model), RubricController.LIST_PAGE);
    }

    @GetMapping("/en")
    ResponseEntity<byte[]> englishHome() {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).header("Location", "/en/").build();
    }

    List<Teaser> mostRead(Language language, Duration window) {
        return teasers.of(archive.select(views.mostRead(window, MOST_READ_CANDIDATES), language, MOST_READ));
    }
}
