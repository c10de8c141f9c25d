package dev.newsdesk.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;

import dev.newsdesk.DatabaseProbe;
import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.TestBrowser;
import dev.newsdesk.TestMembers;
import dev.newsdesk.TestNews;
import dev.newsdesk.WebClient;
import dev.newsdesk.account.Member;
import dev.newsdesk.article.ArticleDesk;
import dev.newsdesk.article.ArticleDraft;
import dev.newsdesk.article.Rubric;
import dev.newsdesk.stats.ViewCounter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Anonymous pages come from kept bytes, ahead of the session, security and MVC: with a strong entity tag, a 304
 * for a reader who has them, plain or gzip, the security headers of a rendered page, and views still counted;
 * while nothing rendered for a member is ever kept or served to anyone else.
 */
@NewsdeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageCacheTest {

    private static final List<String> SECURITY_HEADERS = List.of("Content-Security-Policy", "X-Frame-Options",
            "X-Content-Type-Options", "Referrer-Policy");

    @Autowired TestNews news;
    @Autowired TestMembers members;
    @Autowired ArticleDesk desk;
    @Autowired ViewCounter views;
    @Autowired DatabaseProbe database;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    Rubric rubric;

    @BeforeAll
    void rubric() {
        rubric = news.rubric();
    }

    @Test
    void aKeptPageCarriesAStrongEtagAndAnswers304ToItsReader() {
        String path = article("Кэш отдаёт сохранённую страницу");
        HttpResponse<byte[]> first = get(path);
        HttpResponse<byte[]> second = get(path);

        String etag = second.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"").doesNotStartWith("W/");
        assertThat(first.headers().firstValue("ETag")).contains(etag);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Cache-Control").orElseThrow())
                .matches("public, max-age=0, s-maxage=\\d+, stale-while-revalidate=\\d+");
        assertThat(second.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).containsIgnoringCase("Accept-Encoding"));

        HttpResponse<byte[]> again = get(path, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).contains(etag);
        assertThat(get(path, "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);
    }

    @Test
    void aKeptPageCarriesTheSecurityHeadersOfARenderedOne() {
        String path = article("Заголовки безопасности на сохранённой странице");
        HttpHeaders rendered = get(path).headers();
        HttpHeaders kept = get(path).headers();

        for (String header : SECURITY_HEADERS) {
            assertThat(rendered.allValues(header)).as(header).isNotEmpty();
            assertThat(kept.allValues(header)).as(header).isEqualTo(rendered.allValues(header));
        }
        assertThat(kept.allValues("Set-Cookie")).isEmpty();
        assertThat(kept.allValues(SharedPage.TAGS_HEADER)).isEmpty();
        assertThat(rendered.allValues(SharedPage.TAGS_HEADER)).isEmpty();
    }

    @Test
    void gzipAndPlainAreTheSamePage() throws IOException {
        String path = article("Сжатая и несжатая страница");
        HttpResponse<byte[]> plain = get(path);
        HttpResponse<byte[]> gzip = get(path, "Accept-Encoding", "br, gzip;q=0.8");
        HttpResponse<byte[]> refused = get(path, "Accept-Encoding", "gzip;q=0");

        assertThat(gzip.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gzip.body().length).isLessThan(plain.body().length);
        try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
            assertThat(unzipped.readAllBytes()).isEqualTo(plain.body());
        }
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(refused.body()).isEqualTo(plain.body());
        assertThat(gzip.headers().firstValue("ETag")).isNotEqualTo(plain.headers().firstValue("ETag"));
    }

    @Test
    void aMembersPageIsNeverKeptNorShown() {
        String path = article("Страница, которую читает участник");
        Member member = members.create();
        TestBrowser browser = TestMembers.loggedIn(port, member);
        String[] paths = {"/", path, "/rubric/" + rubric.slug(), "/en/"};
        String token = null;
        for (String page : paths) {
            HttpResponse<String> response = browser.get(page);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).as("the member's own page names them").contains(member.displayName());
            assertThat(response.headers().firstValue("Cache-Control")).as(page).contains("private, no-store");
            assertThat(response.headers().firstValue("ETag")).isEmpty();
            Document document = Jsoup.parse(response.body());
            if (document.selectFirst("input[name=_csrf]") != null) {
                token = document.selectFirst("input[name=_csrf]").attr("value");
            }
        }
        assertThat(token).as("the member's pages carry a token").isNotBlank();

        WebClient anonymous = new WebClient(port);
        for (int round = 0; round < 2; round++) {
            for (String page : paths) {
                HttpResponse<String> response = anonymous.get(page);
                assertThat(response.body()).doesNotContain(member.displayName()).doesNotContain(token);
                assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public");
            }
        }
    }

    @Test
    void warmPagesNeedNeitherTheDatabaseNorASession() {
        String path = article("Тёплая страница без базы данных");
        String[] paths = {"/", "/en/", path, "/rubric/" + rubric.slug()};
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            database.reset();
            for (String page : paths) {
                get(page);
            }
            return database.connectionsFromRequests() == 0;
        });

        database.reset();
        for (int round = 0; round < 5; round++) {
            for (String page : paths) {
                HttpResponse<byte[]> response = get(page);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().allValues("Set-Cookie")).as(page).isEmpty();
            }
        }
        assertThat(database.connectionsFromRequests()).isZero();
    }

    @Test
    void viewsAreCountedOnKeptPagesAndRobotsAreNot() {
        String path = article("Просмотры сохранённой страницы");
        long id = Long.parseLong(path.substring("/news/".length(), path.indexOf('-')));
        WebClient web = new WebClient(port);
        web.get(path);
        long before = views.views(id);

        int readers = 7;
        for (int reader = 0; reader < readers; reader++) {
            HttpResponse<String> response = web.get(path, WebClient.BROWSER + " reader/" + reader);
            assertThat(response.headers().firstValue("ETag")).isPresent();
            // The same reader again, within the revisit window: not counted twice.
            web.get(path, WebClient.BROWSER + " reader/" + reader);
        }
        for (String robot : List.of("Googlebot/2.1 (+http://www.google.com/bot.html)", "curl/8.5.0",
                "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)")) {
            web.get(path, robot);
        }

        assertThat(views.views(id)).isEqualTo(before + readers);
        // The page shows the count once the views are written (every second), not a stale one until it expires.
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(web.page(path).selectFirst(".counter-views").text()).endsWith(Long.toString(before + readers)));
    }

    @Test
    void aRevisedArticleReplacesItsKeptPage() {
        long id = news.published(news.draft(Language.RU, rubric, "Первая редакция кэша", null));
        String path = desk.find(id).orElseThrow().path();
        WebClient web = new WebClient(port);
        assertThat(web.page(path).selectFirst("h1").text()).isEqualTo("Первая редакция кэша");
        assertThat(web.page(path).selectFirst("h1").text()).isEqualTo("Первая редакция кэша");

        desk.revise(id, new ArticleDraft(Language.RU, rubric.id(), null, "Первая редакция кэша", null, null,
                "<p>Исправленный текст.</p>", null, null, null, null, null, null));

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(web.page(path).text()).contains("Исправленный текст."));
    }

    @Test
    void aNewRubricShowsOnKeptPagesAtOnce() {
        WebClient web = new WebClient(port);
        web.page("/");
        web.page("/");

        Rubric added = news.rubric();

        assertThat(web.page("/").select("a[href='" + added.path(Language.RU) + "']")).isNotEmpty();
    }

    private String article(String title) {
        long id = news.published(news.draft(Language.RU, rubric, title, null));
        String path = desk.find(id).orElseThrow().path();
        // The archive hears of the new article (and drops its lists) within a poll; wait for that, not for the cache.
        await().atMost(Duration.ofSeconds(5)).until(() -> get(path).statusCode() == 200);
        return path;
    }

    private HttpResponse<byte[]> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("User-Agent", WebClient.BROWSER);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
