package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.TestBrowser;
import dev.newsdesk.TestMembers;
import dev.newsdesk.TestNews;
import dev.newsdesk.account.Role;
import dev.newsdesk.article.Rubric;
import dev.newsdesk.article.Source;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An editor adds a source and its feed, fetches it and sees what it brought, over HTTP. */
@NewsdeskTest
class SourceDeskTest {

    @Autowired TestMembers members;
    @Autowired TestNews news;
    @Autowired FeedDesk feeds;
    @Autowired FeedRefresher refresher;
    @LocalServerPort int port;

    @Test
    void anEditorAddsASourceAndAFeedAndFetchesIt() throws Exception {
        Rubric rubric = news.rubric();
        TestBrowser editor = TestMembers.loggedIn(port, members.create(Role.EDITOR));
        assertThat(editor.page("/admin").select("main a").eachAttr("href")).contains("/admin/sources");

        String slug = TestNews.unique("desk-source");
        HttpResponse<String> saved = editor.submit(editor.page("/admin/sources/new"), "main form.account-form", Map.of(
                "slug", slug, "nameRu", "Тестовое агентство", "nameEn", "Test Agency", "country", "ru",
                "homeUrl", "https://agency.example.org/", "licenceRu", "Материал в открытом доступе",
                "licenceEn", "Public domain"));
        assertThat(saved.headers().firstValue("Location")).hasValue("/admin/sources?done=source");
        Document list = editor.page("/admin/sources?done=source");
        assertThat(list.selectFirst(".notice").text()).isEqualTo("Источник сохранён.");
        String addFeed = list.select("a:contains(Добавить ленту)").stream()
                .filter(a -> a.parent().parent().text().contains("Тестовое агентство")).findFirst().orElseThrow().attr("href");

        try (FeedServer server = new FeedServer()) {
            server.put("/desk.xml", "<rss version=\"2.0\"><channel><title>T</title><item><title>Новость из редакторской ленты"
                    + "</title><guid>desk-1</guid><link>https://agency.example.org/1</link><description>Текст новости.</description>"
                    + "</item></channel></rss>");
            Map<String, String> feed = new HashMap<>(Map.of("url", "ftp://not-http.example.org/feed", "rubricId",
                    Long.toString(rubric.id()), "language", "ru", "autoPublish", "true", "pollMinutes", "30", "enabled", "true"));
            HttpResponse<String> refused = editor.submit(editor.page(addFeed), "main form.account-form", feed);
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(refused.body()).selectFirst("#error-url").text()).isEqualTo("Нужен адрес ленты http(s).");

            feed.put("url", server.url("/desk.xml"));
            HttpResponse<String> added = editor.submit(editor.page(addFeed), "main form.account-form", feed);
            String feedPage = added.headers().firstValue("Location").orElseThrow().replace("?done=feed", "");
            Document before = editor.page(feedPage);
            assertThat(before.select(".feed-status dd").eachText()).contains("ещё не было");

            HttpResponse<String> fetched = editor.submit(before, ".feed-status + form", Map.of());
            String location = URLDecoder.decode(fetched.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
            assertThat(location).contains("Готово: добавлено 1");
            Document after = editor.page(fetched.headers().firstValue("Location").orElseThrow());
            assertThat(after.select("table.data-table td").eachText()).contains("Новость из редакторской ленты", "опубликован");
            assertThat(after.select(".feed-status .badge").text()).isEqualTo("работает");

            HashMap<String, String> form = new HashMap<>();
            after.select("main form.account-form input, main form.account-form select, main form.account-form textarea")
                    .forEach(input -> {
                        if (!input.attr("type").equals("checkbox") || input.hasAttr("checked")) {
                            form.put(input.attr("name"), input.tagName().equals("select")
                                    ? input.select("option[selected]").attr("value") : input.tagName().equals("textarea")
                                    ? input.text() : input.attr("value"));
                        }
                    });
            form.remove("enabled");
            assertThat(editor.post(after.selectFirst("main form.account-form").attr("action"), form).statusCode())
                    .isEqualTo(303);
            assertThat(editor.page(feedPage).select(".feed-status .badge").text()).isEqualTo("выключена");
        }
    }

    @Test
    void refusesASourceFieldByFieldInTheEditorsLanguage() {
        TestBrowser editor = TestMembers.loggedIn(port, members.create(Role.EDITOR));

        HttpResponse<String> refused = editor.submit(editor.page("/en/admin/sources/new"), "main form.account-form",
                Map.of("slug", "Bad Slug", "nameRu", "Агентство", "nameEn", " ", "country", "XX",
                        "homeUrl", "file:///etc/passwd"));

        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select(".field-error").eachAttr("id"))
                .containsExactlyInAnyOrder("error-slug", "error-nameEn", "error-country", "error-homeUrl");
        assertThat(page.selectFirst("#error-homeUrl").text()).isEqualTo("An http(s) address is needed.");

        Source taken = news.foreignSource();
        HttpResponse<String> clash = editor.submit(editor.page("/admin/sources/new"), "main form.account-form",
                Map.of("slug", taken.slug(), "nameRu", "Агентство", "nameEn", "Agency"));
        assertThat(clash.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(clash.body()).selectFirst("#error-slug").text()).isEqualTo("Такой код уже занят.");
    }

    @Test
    void theFeedStatusSaysHowTheLastReadWentInTheEditorsLanguage() throws Exception {
        try (FeedServer server = new FeedServer()) {
            server.put("/wild.xml", "<rss version=\"2.0\"><channel><title>R&D;</title><item><title>Новость</title>"
                    + "<guid>w-1</guid><description>Текст.</description></item><item><title> </title><guid>w-2</guid></item>"
                    + "</channel></rss>");
            long feed = feeds.subscribe(news.foreignSource().id(), new FeedForm(server.url("/wild.xml"), news.rubric().id(),
                    null, null, false, false, 30, true));
            refresher.refresh(feed);
            TestBrowser editor = TestMembers.loggedIn(port, members.create(Role.EDITOR));

            assertThat(editor.page("/admin/sources/feeds/" + feed).select(".feed-last-read p").eachText()).containsExactly(
                    "Прочитана нестрого: The feed is not well-formed XML: line 1, column 40: "
                            + "The entity \"D\" was referenced, but not declared.",
                    "Пропущено записей: 1 — без заголовка и текста: 1.");
            assertThat(editor.page("/en/admin/sources/feeds/" + feed).select(".feed-last-read p").eachText()).contains(
                    "Left out 1 item: 1 with no title and no text.");
        }
    }

    @Test
    void onlyEditorsAndAdministratorsOpenTheDesk() {
        assertThat(TestMembers.loggedIn(port, members.create()).get("/admin/sources").statusCode()).isEqualTo(403);
        assertThat(TestMembers.loggedIn(port, members.create(Role.MODERATOR)).get("/admin/sources").statusCode()).isEqualTo(403);
        assertThat(TestMembers.loggedIn(port, members.create(Role.ADMIN)).get("/en/admin/sources").statusCode()).isEqualTo(200);
        assertThat(new TestBrowser(port).get("/admin/sources").statusCode()).isEqualTo(302);
    }
}
