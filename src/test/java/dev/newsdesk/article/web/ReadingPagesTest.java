package dev.newsdesk.article.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.newsdesk.DatabaseProbe;
import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.TestNews;
import dev.newsdesk.WebClient;
import dev.newsdesk.article.ArticleDesk;
import dev.newsdesk.article.ArticleDraft;
import dev.newsdesk.article.Image;
import dev.newsdesk.article.Rubric;
import dev.newsdesk.article.Source;
import dev.newsdesk.site.Language;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@NewsdeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadingPagesTest {

    private static final String BASE = "https://news.example.org";

    @Autowired TestNews news;
    @Autowired ArticleDesk desk;
    @Autowired DatabaseProbe database;
    @LocalServerPort int port;

    WebClient web;
    Rubric rubric;
    Source source;
    Image image;
    long russian;
    long english;
    long foreign;
    String russianPath;
    String englishPath;

    @BeforeAll
    void publishStories() {
        web = new WebClient(port);
        rubric = news.rubric();
        source = news.foreignSource();
        image = news.image();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        foreign = news.published(new ArticleDraft(Language.RU, rubric.id(), source.id(),
                "Американские двигателестроители столкнулись с нехваткой литья", null,
                "Издание пишет об узком месте в выпуске авиадвигателей.",
                "<p>Производители жалуются на сроки поставок.</p>", "Вашингтон. 6 января. THE TEST REVIEW -",
                "Джон Харпер", "https://review.example.com/2026/engines", null, null, now.minus(3, ChronoUnit.HOURS)));
        russian = news.published(new ArticleDraft(Language.RU, rubric.id(), source.id(),
                "Блинкен обсудил с главой МИД Японии запуск ракеты КНДР", "Разговор состоялся по телефону",
                "Госсекретарь США и министр иностранных дел Японии обсудили Украину и КНДР.",
                "<p>Стороны подтвердили поддержку.</p><p>Второй абзац.</p>", "Вашингтон. 6 января. ИНТЕРФАКС -",
                null, "https://review.example.com/2026/blinken", image.id(), null, now.minus(2, ChronoUnit.HOURS)));
        english = news.published(new ArticleDraft(Language.EN, rubric.id(), source.id(),
                "Blinken discussed North Korea missile launch with Japanese Foreign Minister", null,
                "The US Secretary of State and Japan's Foreign Minister discussed Ukraine and the DPRK.",
                "<p>The parties reaffirmed their support.</p>", "Washington. January 6th. INTERFAX -", null, null,
                image.id(), russian, now.minus(1, ChronoUnit.HOURS)));
        russianPath = desk.find(russian).orElseThrow().path();
        englishPath = desk.find(english).orElseThrow().path();
    }

    @Test
    void articlePageShowsTheStoryAsTheSeedDoes() {
        Document page = web.page(russianPath);

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("ru");
        assertThat(page.selectFirst("main h1").text()).isEqualTo("Блинкен обсудил с главой МИД Японии запуск ракеты КНДР");
        assertThat(page.selectFirst(".story-subtitle").text()).isEqualTo("Разговор состоялся по телефону");
        assertThat(page.selectFirst(".story-lead").text()).startsWith("Госсекретарь США");
        assertThat(page.selectFirst(".story-meta time").attr("datetime")).isNotBlank();
        assertThat(page.select(".counters .counter")).hasSize(3);
        assertThat(page.selectFirst(".counter-views").text()).matches("Просмотры: \\d+");
        assertThat(page.selectFirst(".counter-comments").text()).isEqualTo("Комментарии: 0");
        assertThat(page.selectFirst(".counter-rating").text()).isEqualTo("Рейтинг: 0");

        Element figure = page.selectFirst(".story-figure");
        assertThat(figure.selectFirst("img").attr("src")).isEqualTo(image.fileHref());
        assertThat(figure.selectFirst("img").attr("alt")).isEqualTo("Испытания на полигоне");
        assertThat(figure.selectFirst("img").attr("width")).isEqualTo("64");
        assertThat(figure.selectFirst(".figure-credit").text())
                .isEqualTo("Источник изображения: © Test Agency 2026, Jane Doe");
        assertThat(figure.selectFirst(".figure-credit a").attr("href")).isEqualTo("/images/" + image.id());

        Element body = page.selectFirst(".story-body");
        assertThat(body.selectFirst("p").text())
                .isEqualTo("Вашингтон. 6 января. ИНТЕРФАКС - Стороны подтвердили поддержку.");
        assertThat(body.select("p")).hasSize(2);

        Element rights = page.selectFirst(".story-rights");
        assertThat(rights.selectFirst("p").text()).isEqualTo("Права на этот материал принадлежат The Test Review");
        assertThat(rights.selectFirst("a").attr("href")).isEqualTo("https://review.example.com/2026/blinken");
        assertThat(rights.selectFirst(".story-licence").text()).isEqualTo("Перевод опубликован с разрешения правообладателя");

        assertThat(page.selectFirst(".story-translation a").attr("href")).isEqualTo(englishPath);
        assertThat(page.selectFirst(".story-translation a").attr("hreflang")).isEqualTo("en");
        assertThat(page.selectFirst(".story-rubric a").attr("href")).isEqualTo("/rubric/" + rubric.slug());
    }

    @Test
    void articlePageLinksToItsNeighboursInTheRubric() {
        Document page = web.page(russianPath);

        assertThat(page.selectFirst(".neighbour-older a").attr("href")).isEqualTo(desk.find(foreign).orElseThrow().path());
        assertThat(page.selectFirst(".neighbour-newer")).as("the English story is in the other language's rubric").isNull();
    }

    @Test
    void foreignPressTranslationShowsAuthorOutletAndCountry() {
        Document russianPage = web.page(desk.find(foreign).orElseThrow().path());
        assertThat(russianPage.selectFirst(".story-byline").text()).isEqualTo("Джон Харпер (The Test Review, США)");
    }

    @Test
    void englishPageIsInEnglishWithItsAlternates() {
        Document page = web.page(englishPath);

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.selectFirst(".counter-views").text()).matches("Views: \\d+");
        assertThat(page.selectFirst(".figure-credit").text()).startsWith("Image source: ©");
        assertThat(page.selectFirst(".story-rights p").text()).isEqualTo("The rights to this material belong to The Test Review");
        assertThat(page.selectFirst(".story-translation a").attr("href")).isEqualTo(russianPath);
        assertThat(page.selectFirst(".language-switch").attr("href")).isEqualTo(russianPath);
        assertThat(page.select(".sections a").eachText()).contains("Home", "Rubric " + rubric.slug());
    }

    @Test
    void headCarriesTitleDescriptionCanonicalAlternatesAndOpenGraph() {
        Document page = web.page(russianPath);

        assertThat(page.title()).isEqualTo("Блинкен обсудил с главой МИД Японии запуск ракеты КНДР — Newsdesk ВПК");
        assertThat(page.selectFirst("meta[name=description]").attr("content")).startsWith("Госсекретарь США");
        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(BASE + russianPath);
        assertThat(page.selectFirst("link[hreflang=ru]").attr("href")).isEqualTo(BASE + russianPath);
        assertThat(page.selectFirst("link[hreflang=en]").attr("href")).isEqualTo(BASE + englishPath);
        assertThat(page.selectFirst("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(page.selectFirst("meta[property=og:title]").attr("content")).isEqualTo(page.selectFirst("h1").text());
        assertThat(page.selectFirst("meta[property=og:url]").attr("content")).isEqualTo(BASE + russianPath);
        assertThat(page.selectFirst("meta[property=og:image]").attr("content")).isEqualTo(BASE + image.fileHref());
        assertThat(page.selectFirst("meta[property=article:published_time]").attr("content")).isNotBlank();
    }

    @Test
    void pagesHaveLandmarksAndNoExternalResources() {
        for (String path : new String[] {"/", "/en/", russianPath, "/rubric/" + rubric.slug(), "/images/" + image.id()}) {
            Document page = web.page(path);
            assertThat(page.select("header.masthead, nav.sections, main#main, footer.colophon")).as(path).hasSize(4);
            assertThat(page.select("img")).as(path).allSatisfy(img -> assertThat(img.hasAttr("alt")).isTrue());
            assertThat(page.select("script[src], link[href], img[src]"))
                    .as("%s loads only its own files", path)
                    .allSatisfy(element -> assertThat(element.attr("src") + element.attr("href"))
                            .satisfiesAnyOf(url -> assertThat(url).startsWith("/"), url -> assertThat(url).startsWith(BASE)));
            assertThat(page.select("script:not([src])")).as("%s has no inline script", path).isEmpty();
        }
    }

    @Test
    void wrongSlugOrLanguageRedirectsPermanentlyToTheArticle() {
        for (String wrong : new String[] {"/news/" + russian, "/news/" + russian + "-old-title", "/en/news/" + russian}) {
            HttpResponse<String> response = web.get(wrong);
            assertThat(response.statusCode()).as(wrong).isEqualTo(301);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(wrong).endsWith(russianPath);
        }
    }

    @Test
    void unknownDraftAndWithdrawnArticlesAreNotFoundInThePageLanguage() {
        long draft = desk.submit(news.draft(Language.RU, rubric, "Черновик, который никто не видит", null));
        long withdrawn = news.published(news.draft(Language.EN, rubric, "A story taken off the site", null));
        desk.withdraw(withdrawn);

        HttpResponse<String> unknown = web.get("/news/987654321-net-takoy");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("<html lang=\"ru\"", "Страница не найдена");

        HttpResponse<String> unknownEnglish = web.get("/en/news/987654321");
        assertThat(unknownEnglish.statusCode()).isEqualTo(404);
        assertThat(unknownEnglish.body()).contains("<html lang=\"en\"", "Page not found");

        assertThat(web.get("/news/" + draft).statusCode()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(web.get("/en/news/" + withdrawn).statusCode()).isEqualTo(404));
        assertThat(web.get("/en/no-such-page").body()).contains("Page not found");
    }

    @Test
    void homePagesListTheLatestNewsOfTheirLanguage() {
        Document russianHome = web.page("/");
        Document englishHome = web.page("/en/");

        assertThat(russianHome.select("main a").eachAttr("href")).contains(russianPath).doesNotContain(englishPath);
        assertThat(englishHome.select("main a").eachAttr("href")).contains(englishPath).doesNotContain(russianPath);
        assertThat(russianHome.select(".rubric-block h2 a").eachAttr("href")).contains("/rubric/" + rubric.slug());
        assertThat(russianHome.selectFirst("link[hreflang=en]").attr("href")).isEqualTo(BASE + "/en/");
        assertThat(englishHome.title()).isEqualTo("Newsdesk Defence — news of the defence industry");
        assertThat(web.get("/en").statusCode()).isEqualTo(301);
    }

    @Test
    void rubricPageShowsItsHeaderAndItems() {
        Document page = web.page("/rubric/" + rubric.slug());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Рубрика " + rubric.slug());
        assertThat(page.selectFirst(".rubric-header p").text()).isEqualTo("Новости рубрики " + rubric.slug());
        Element first = page.selectFirst(".news-item");
        assertThat(first.selectFirst("time").text()).matches("\\d\\d\\.\\d\\d \\d\\d:\\d\\d");
        assertThat(first.selectFirst(".news-title").attr("href")).isEqualTo(russianPath);
        assertThat(first.selectFirst(".news-subtitle").text()).isEqualTo("Разговор состоялся по телефону");
        assertThat(first.selectFirst(".news-lead").text()).startsWith("Госсекретарь США");
        assertThat(page.selectFirst(".sections a[aria-current]").text()).isEqualTo("Рубрика " + rubric.slug());
        assertThat(web.page("/en/rubric/" + rubric.slug()).selectFirst(".news-title").attr("href")).isEqualTo(englishPath);
    }

    @Test
    void rubricArchiveIsPaged() {
        Rubric archive = news.rubric();
        Instant start = Instant.now().minus(Duration.ofDays(30));
        for (int i = 1; i <= 45; i++) {
            news.published(news.draft(Language.RU, archive, "Архивная новость номер " + i, start.plus(Duration.ofHours(i))));
        }
        String path = "/rubric/" + archive.slug();

        Document first = web.page(path);
        assertThat(first.select(".news-item")).hasSize(20);
        assertThat(first.selectFirst(".news-title").text()).isEqualTo("Архивная новость номер 45");
        assertThat(first.select(".pagination li").eachText()).containsExactly("1", "2", "3");
        assertThat(web.page(path + "?p=2").select(".pagination li").eachText()).containsExactly("1", "2", "3");
        assertThat(first.selectFirst(".pagination a[rel=next]").attr("href")).isEqualTo(path + "?p=2");

        Document last = web.page(path + "?p=3");
        assertThat(last.select(".news-title").eachText())
                .containsExactly("Архивная новость номер 5", "Архивная новость номер 4", "Архивная новость номер 3",
                        "Архивная новость номер 2", "Архивная новость номер 1");
        assertThat(last.title()).startsWith("Рубрика " + archive.slug() + ", страница 3");
        assertThat(last.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(BASE + path + "?p=3");

        assertThat(web.get(path + "?p=4").statusCode()).isEqualTo(404);
        assertThat(web.get(path + "?p=0").statusCode()).isEqualTo(404);
        assertThat(web.get(path + "?p=abc").statusCode()).isEqualTo(404);
        assertThat(web.get("/rubric/no-such-rubric").statusCode()).isEqualTo(404);
    }

    @Test
    void imagePageDescribesThePictureAndOffersEmbedCode() {
        Document page = web.page("/images/" + image.id());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Испытания на полигоне");
        assertThat(page.selectFirst(".image-page img").attr("src")).isEqualTo(image.fileHref());
        assertThat(page.select(".image-facts dd").eachText())
                .contains("Испытания на полигоне", "© Test Agency 2026, Jane Doe", "64 × 36 пикс.", "1 КБ");
        assertThat(page.selectFirst(".image-facts dd a").attr("href")).isEqualTo(russianPath);
        assertThat(page.selectFirst("textarea#embed-code").text())
                .startsWith("<figure><img src=\"" + BASE + image.fileHref() + "\" width=\"64\" height=\"36\"")
                .contains("© Test Agency 2026, Jane Doe");

        Document english = web.page("/en/images/" + image.id());
        assertThat(english.selectFirst("h1").text()).isEqualTo("Trials at the range");
        assertThat(english.selectFirst(".image-facts dd a").attr("href")).isEqualTo(englishPath);
    }

    @Test
    void imageFileIsServedForBrowsersToKeep() {
        HttpResponse<byte[]> file = web.bytes(image.fileHref());

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(file.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000", "immutable");
        assertThat(file.body()).hasSize(image.byteSize());
        assertThat(web.bytes("/images/" + image.id() + ".gif").statusCode()).isEqualTo(404);
        assertThat(web.get("/images/987654321").statusCode()).isEqualTo(404);
    }

    @Test
    void pagesForbidForeignScriptsAndFraming() {
        HttpResponse<String> response = web.get(russianPath);

        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'", "frame-ancestors 'self'").doesNotContain("unsafe-inline");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void warmPagesAreServedWithoutTheDatabase() {
        String[] paths = {"/", "/en/", russianPath, englishPath, "/rubric/" + rubric.slug(), "/images/" + image.id()};
        // The caches are warm once the changes made by the other tests have reached them.
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            database.reset();
            for (String path : paths) {
                web.page(path);
            }
            return database.connectionsFromRequests() == 0;
        });

        database.reset();
        for (int round = 0; round < 3; round++) {
            for (String path : paths) {
                web.page(path);
            }
        }

        assertThat(database.connectionsFromRequests()).isZero();
    }

    @Test
    void aRevisedArticleShowsWithinSeconds() {
        long id = news.published(news.draft(Language.RU, rubric, "Первая редакция заголовка", null));
        String before = desk.find(id).orElseThrow().path();
        assertThat(web.page(before).selectFirst("h1").text()).isEqualTo("Первая редакция заголовка");

        desk.revise(id, news.draft(Language.RU, rubric, "Исправленный заголовок", null));

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            HttpResponse<String> old = web.get(before);
            assertThat(old.statusCode()).isEqualTo(301);
            assertThat(old.headers().firstValue("Location").orElseThrow()).endsWith(id + "-ispravlennyy-zagolovok");
        });
        assertThat(web.page("/news/" + id + "-ispravlennyy-zagolovok").selectFirst("h1").text())
                .isEqualTo("Исправленный заголовок");
    }

    @Test
    void aScheduledArticleAppearsAtItsTime() {
        long id = desk.submit(news.draft(Language.EN, rubric, "A story for later", null));
        desk.schedule(id, Instant.now().plusSeconds(1));
        String path = "/en/news/" + id + "-a-story-for-later";
        assertThat(web.get(path).statusCode()).isEqualTo(404);

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(web.get(path).statusCode()).isEqualTo(200));
    }
}
