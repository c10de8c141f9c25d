package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import javax.imageio.ImageIO;

import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.TestNews;
import dev.newsdesk.WebClient;
import dev.newsdesk.article.Article;
import dev.newsdesk.article.ArticleDesk;
import dev.newsdesk.article.ArticleStatus;
import dev.newsdesk.article.Rubric;
import dev.newsdesk.article.Source;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A feed served by the test becomes articles on the portal's pages, once, and revisions update them. */
@NewsdeskTest
class FeedIngestionTest {

    @Autowired FeedDesk feeds;
    @Autowired FeedRefresher refresher;
    @Autowired ArticleDesk desk;
    @Autowired TestNews news;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    FeedServer server;
    Rubric rubric;
    Source source;

    @BeforeEach
    void serve() throws Exception {
        server = new FeedServer();
        rubric = news.rubric();
        source = news.foreignSource();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aFeedBecomesArticlesWithTheRightsNoticeOfItsSource() throws Exception {
        server.put("/img/1.png", png()).put("/feed.xml", rss(item("g-1", "Завод выпустил сотый двигатель серии",
                "Предприятие завершило выпуск юбилейного двигателя и готовит новую серию для гражданской авиации.",
                "/img/1.png")));
        long feed = subscribe("/feed.xml", true);

        FeedRefresher.Refresh first = refresher.refresh(feed);

        assertThat(first.added()).isEqualTo(1);
        assertThat(first.error()).isNull();
        long articleId = feeds.articleOf(feed, "g-1").orElseThrow();
        Article article = desk.find(articleId).orElseThrow();
        assertThat(article.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(article.sourceId()).isEqualTo(source.id());
        assertThat(article.originalUrl()).isEqualTo("https://review.example.com/news/g-1");
        assertThat(article.imageId()).as("the lead image was downloaded").isNotNull();
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-01-06T06:30:00Z"));

        WebClient web = new WebClient(port);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(web.get("/rubric/" + rubric.slug()).body()).contains("Завод выпустил сотый двигатель серии"));
        Document page = web.page(article.path());
        assertThat(page.selectFirst(".story-rights p").text()).isEqualTo("Права на этот материал принадлежат The Test Review");
        assertThat(page.selectFirst(".story-rights a").attr("href")).isEqualTo("https://review.example.com/news/g-1");

        FeedRefresher.Refresh again = refresher.refresh(feed);
        assertThat(again.added()).isZero();
        assertThat(again.unchanged()).isEqualTo(1);
        Feed status = feeds.find(feed).orElseThrow();
        assertThat(status.itemsAdded()).isEqualTo(1);
        assertThat(status.lastSuccessAt()).isNotNull();
        assertThat(status.lastError()).isNull();
        assertThat(status.nextFetchAt()).isAfter(Instant.now().plus(Duration.ofMinutes(25)));
    }

    @Test
    void aCorrectedItemRevisesItsArticle() {
        server.put("/feed.xml", rss(item("g-2", "Первый заголовок новости",
                "Текст новости о заводе, который строит фрегаты для флота.", null)));
        long feed = subscribe("/feed.xml", true);
        refresher.refresh(feed);
        long articleId = feeds.articleOf(feed, "g-2").orElseThrow();

        server.put("/feed.xml", rss(item("g-2", "Исправленный заголовок новости",
                "Текст новости о заводе, который строит фрегаты для флота.", null)));
        FeedRefresher.Refresh revised = refresher.refresh(feed);

        assertThat(revised.revised()).isEqualTo(1);
        assertThat(revised.added()).isZero();
        assertThat(desk.find(articleId).orElseThrow().title()).isEqualTo("Исправленный заголовок новости");
    }

    @Test
    void aNearDuplicateFromTheSameSourceIsARevisionAndFromAnotherSourceItsOwnStory() {
        String text = "Судостроительный завод спустил на воду головной фрегат новой серии. Корабль достроят на плаву, "
                + "а ходовые испытания начнутся летом. Завод рассчитывает передать фрегат флоту до конца следующего года, "
                + "после чего начнётся строительство второго корабля серии на том же стапеле.";
        server.put("/a.xml", rss(item("a-1", "Завод спустил на воду головной фрегат", text, null)));
        long first = subscribe("/a.xml", true);
        refresher.refresh(first);
        long articleId = feeds.articleOf(first, "a-1").orElseThrow();

        server.put("/a.xml", rss(item("a-1-updated", "Завод спустил на воду головной фрегат серии", text + " Обновлено.", null)));
        FeedRefresher.Refresh sameSource = refresher.refresh(first);
        assertThat(sameSource.revised()).isEqualTo(1);
        assertThat(feeds.articleOf(first, "a-1-updated")).hasValue(articleId);

        Source other = news.foreignSource();
        server.put("/b.xml", rss(item("b-1", "Головной фрегат спущен на воду", text, null)));
        long second = feeds.subscribe(other.id(), new FeedForm(server.url("/b.xml"), rubric.id(), null, null, true,
                false, 30, true));
        FeedRefresher.Refresh otherSource = refresher.refresh(second);

        assertThat(otherSource.added()).isEqualTo(1);
        long otherArticle = feeds.articleOf(second, "b-1").orElseThrow();
        assertThat(otherArticle).isNotEqualTo(articleId);
        assertThat(jdbc.sql("SELECT score FROM story_similarity WHERE article_id = ? AND similar_id = ?")
                .params(otherArticle, articleId).query(Double.class).single()).isGreaterThan(0.5);
    }

    @Test
    void itemsAreKeptAsDraftsWhenTheFeedSaysSo() {
        server.put("/drafts.xml", rss(item("d-1", "Новость на проверку редактору", "Текст для редактора.", null)));
        long feed = subscribe("/drafts.xml", false);

        refresher.refresh(feed);

        assertThat(desk.find(feeds.articleOf(feed, "d-1").orElseThrow()).orElseThrow().status()).isEqualTo(ArticleStatus.DRAFT);
    }

    @Test
    void aFailingFeedKeepsItsErrorAndWaitsLongerEachTime() {
        server.put("/broken.xml", "x").fail("/broken.xml", 500);
        long feed = subscribe("/broken.xml", true);

        FeedRefresher.Refresh failed = refresher.refresh(feed);
        Feed once = feeds.find(feed).orElseThrow();
        refresher.refresh(feed);
        Feed twice = feeds.find(feed).orElseThrow();

        assertThat(failed.error()).isEqualTo("The server answered 500 (a server error)");
        assertThat(once.lastError()).isEqualTo("The server answered 500 (a server error)");
        assertThat(once.failures()).isEqualTo(1);
        assertThat(twice.failures()).isEqualTo(2);
        // A minute after the first failure, two after the second, each give or take a fifth.
        assertThat(Duration.between(once.lastFetchAt(), once.nextFetchAt()))
                .isBetween(Duration.ofSeconds(48), Duration.ofSeconds(72));
        assertThat(Duration.between(twice.lastFetchAt(), twice.nextFetchAt()))
                .isBetween(Duration.ofSeconds(96), Duration.ofSeconds(144));

        server.put("/broken.xml", rss(item("ok-1", "Лента снова работает", "Текст.", null)));
        refresher.refresh(feed);
        assertThat(feeds.find(feed).orElseThrow().lastError()).isNull();
        assertThat(feeds.find(feed).orElseThrow().failures()).isZero();
    }

    @Test
    void theFeedRecordsHowItsLastReadWentAndItemsTheirAssumedDates() {
        server.put("/wild.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>R&D;</title>"
                + "<item><title>Завод открыл R&D; центр</title><guid>wild-1</guid>"
                + "<description>Текст новости без даты.</description></item>"
                + "<item><title> </title><guid>wild-2</guid></item>"
                + "<item><title>Новость без ссылки и GUID</title><description>Текст.</description></item>"
                + "</channel></rss>");
        long feed = subscribe("/wild.xml", true);

        assertThat(refresher.refresh(feed).added()).isEqualTo(1);

        Feed status = feeds.find(feed).orElseThrow();
        assertThat(status.lenientBecause()).startsWith("The feed is not well-formed XML: line 1, column ");
        assertThat(status.detectedCharset()).isNull();
        assertThat(status.dropped()).containsExactly(entry(Dropped.NO_TEXT, 1), entry(Dropped.NO_KEY, 1));
        assertThat(jdbc.sql("SELECT items_dropped FROM feed WHERE id = ?").param(feed).query(Integer.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT date_assumed FROM feed_item WHERE feed_id = ? AND item_key = 'wild-1'").param(feed)
                .query(Boolean.class).single()).isTrue();

        server.put("/wild.xml", rss(item("wild-1", "Завод открыл R&amp;D центр", "Текст новости без даты.", null)));
        refresher.refresh(feed);
        Feed repaired = feeds.find(feed).orElseThrow();
        assertThat(repaired.lenientBecause()).as("read strictly again").isNull();
        assertThat(repaired.dropped()).isEmpty();
    }

    @Test
    void anUnexpectedFailureReachesTheEditorAsASentenceNotAnException() {
        long feed = subscribe("/any.xml", true);
        jdbc.sql("UPDATE feed SET url = 'http://bad host/feed.xml' WHERE id = ?").param(feed).update();

        String error = refresher.refresh(feed).error();

        assertThat(error).isEqualTo("Reading this feed failed on an error of Newsdesk itself; the server log says more "
                + "(feed " + feed + ")");
        assertThat(feeds.find(feed).orElseThrow().lastError()).isEqualTo(error);
    }

    @Test
    void badFeedsFailAloneWhileOthersGoOn() {
        server.put("/html.xml", "<!DOCTYPE html><html><body>page</body></html>")
                .put("/good.xml", rss(item("good-1", "Хорошая лента работает", "Текст хорошей ленты.", null)));
        long bad = subscribe("/html.xml", true);
        long good = subscribe("/good.xml", true);

        assertThat(refresher.refresh(bad).error()).isEqualTo("This is a web page (HTML), not a feed");
        assertThat(refresher.refresh(good).added()).isEqualTo(1);
    }

    @Test
    void fullTextModeTakesTheStoryFromItsPageOrKeepsTheSummary() {
        String paragraph = "<p>На заводе в Комсомольске-на-Амуре завершили сборку очередного самолёта. Машина прошла "
                + "наземные проверки и готовится к первому полёту, после чего её передадут заказчику.</p>";
        server.put("/story.html", "<html><head><title>Story</title></head><body><nav>menu menu menu</nav><article>"
                + "<h1>Самолёт готов</h1>" + paragraph.repeat(6) + "</article><footer>footer</footer></body></html>");
        server.put("/summaries.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
                + "<item><title>Самолёт готов к полёту</title><link>" + server.url("/story.html") + "</link><guid>ft-1</guid>"
                + "<description>Коротко о самолёте.</description></item>"
                + "<item><title>Страница пропала</title><link>" + server.url("/missing.html") + "</link><guid>ft-2</guid>"
                + "<description>Только краткое содержание.</description></item></channel></rss>");
        long feed = feeds.subscribe(source.id(), new FeedForm(server.url("/summaries.xml"), rubric.id(), null, null, true,
                true, 30, true));

        refresher.refresh(feed);

        assertThat(desk.find(feeds.articleOf(feed, "ft-1").orElseThrow()).orElseThrow().body().html())
                .contains("Комсомольске-на-Амуре").doesNotContain("menu menu");
        assertThat(desk.find(feeds.articleOf(feed, "ft-2").orElseThrow()).orElseThrow().body().html())
                .contains("Только краткое содержание.");
    }

    @Test
    void anUnreadableImageCostsItsItemOnlyTheImage() throws Exception {
        byte[] jpeg = picture("jpeg");
        server.put("/img/empty.gif", new byte[] {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0, 0x3b})
                .put("/img/garbage.jpg", "this is not a picture at all".getBytes(StandardCharsets.UTF_8))
                .put("/img/truncated.jpg", Arrays.copyOf(jpeg, 40))
                // A PNG header that claims 65535 × 65535 pixels, and nothing after it.
                .put("/img/bomb.png", HexFormat.of().parseHex("89504e470d0a1a0a0000000d494844520000ffff0000ffff0802000000"))
                .put("/img/good.png", picture("png"))
                .put("/img/credited.png", picture("png"))
                .put("/images.xml", rss(
                        item("img-1", "Первая новость с пустой картинкой", "Текст первой новости о заводе.", "/img/empty.gif"),
                        item("img-2", "Вторая новость с мусором вместо картинки", "Текст второй новости о верфи.",
                                "/img/garbage.jpg"),
                        item("img-3", "Третья новость с обрезанной картинкой", "Текст третьей новости о полигоне.",
                                "/img/truncated.jpg"),
                        item("img-4", "Четвёртая новость с картинкой-бомбой", "Текст четвёртой новости о флоте.",
                                "/img/bomb.png"),
                        "<item><title>Пятая новость с непомерной подписью</title><guid>img-5</guid>"
                                + "<description>Текст пятой новости об авиации.</description>"
                                + "<media:content url=\"/img/credited.png\" medium=\"image\"><media:credit>"
                                + "Фото ".repeat(200) + "</media:credit></media:content></item>",
                        item("img-6", "Шестая новость с хорошей картинкой", "Текст шестой новости о космосе.",
                                "/img/good.png"),
                        item("img-7", "Седьмая новость снова с пустой картинкой", "Текст седьмой новости о танках.",
                                "/img/empty.gif")));
        long feed = subscribe("/images.xml", true);

        FeedRefresher.Refresh refresh = refresher.refresh(feed);

        assertThat(refresh.error()).isNull();
        assertThat(refresh.added()).isEqualTo(7);
        for (String broken : List.of("img-1", "img-2", "img-3", "img-4", "img-5", "img-7")) {
            assertThat(desk.find(feeds.articleOf(feed, broken).orElseThrow()).orElseThrow().imageId()).as(broken).isNull();
        }
        assertThat(desk.find(feeds.articleOf(feed, "img-6").orElseThrow()).orElseThrow().imageId()).isNotNull();
    }

    @Test
    void fetchesPagesAndImagesOutsideAnyTransaction() throws Exception {
        // The fetcher refuses to run inside a transaction, and the refresh would report it.
        server.put("/img/story.png", picture("png")).put("/story.html", story()).put("/full.xml", summaries());
        long feed = fullText("/full.xml");

        FeedRefresher.Refresh refresh = refresher.refresh(feed);

        assertThat(refresh.error()).isNull();
        Article article = desk.find(feeds.articleOf(feed, "ft-1").orElseThrow()).orElseThrow();
        assertThat(article.body().html()).contains("Комсомольске-на-Амуре");
        assertThat(article.imageId()).isNotNull();
    }

    @Test
    void fetchesEveryPageAndImageOfABatchBeforeItsTransaction() {
        // The fetcher refuses to run while a transaction is open (FetcherTest), and the refresh would report it.
        server.put("/img/story.png", png()).put("/story.html", story());
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            items.append("<item><title>Самолёт номер ").append(i).append(" готов к полёту</title><link>")
                    .append(server.url("/story.html?n=" + i)).append("</link><guid>ft-b-").append(i).append("</guid>")
                    .append("<description>Коротко о самолёте ").append(i).append(".</description><enclosure url=\"")
                    .append(server.url("/img/story.png?n=" + i)).append("\" type=\"image/png\" length=\"100\"/></item>");
        }
        server.put("/batch.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>" + items
                + "</channel></rss>");
        long feed = fullText("/batch.xml");

        FeedRefresher.Refresh refresh = refresher.refresh(feed);

        assertThat(refresh.error()).isNull();
        assertThat(refresh.added()).isEqualTo(3);
        for (int i = 1; i <= 3; i++) {
            Article article = desk.find(feeds.articleOf(feed, "ft-b-" + i).orElseThrow()).orElseThrow();
            assertThat(article.body().html()).contains("Комсомольске-на-Амуре");
            assertThat(article.imageId()).isNotNull();
        }
        assertThat(server.requests("/story.html")).isEqualTo(3);
        assertThat(server.requests("/img/story.png")).isEqualTo(3);
    }

    @Test
    void anItemTheDeskRefusesCostsTheOthersOfItsBatchNothing() {
        // The desk takes an author of up to 300 characters; the batch fails on this one and is taken item by item.
        String author = "Очень длинное имя автора ".repeat(20);
        server.put("/batch.xml", rss(
                item("ok-2", "Верфь заложила второй корабль серии", "Закладка прошла на стапеле в Северодвинске.", null),
                item("bad-1", "Новость с непомерной подписью", "Текст новости о поставке двигателей заказчику.", null)
                        .replace("<guid", "<author>" + author + "</author><guid"),
                item("ok-1", "Завод начал испытания нового станка", "Станок проверяют в цехе механической обработки.",
                        null)));
        long feed = subscribe("/batch.xml", true);

        FeedRefresher.Refresh refresh = refresher.refresh(feed);

        assertThat(refresh.error()).isNull();
        assertThat(refresh.added()).isEqualTo(2);
        assertThat(refresh.refused()).isEqualTo(1);
        assertThat(feeds.articleOf(feed, "ok-1")).isPresent();
        assertThat(feeds.articleOf(feed, "ok-2")).isPresent();
        assertThat(feeds.articleOf(feed, "bad-1")).isEmpty();
        assertThat(desk.find(feeds.articleOf(feed, "ok-1").orElseThrow()).orElseThrow().status())
                .isEqualTo(ArticleStatus.PUBLISHED);
    }

    @Test
    void nearDuplicatesInOneReadOfAFeedAreOneStory() {
        String text = "Судостроительный завод спустил на воду головной фрегат новой серии. Корабль достроят на плаву, "
                + "а ходовые испытания начнутся летом. Завод рассчитывает передать фрегат флоту до конца следующего года, "
                + "после чего начнётся строительство второго корабля серии на том же стапеле.";
        // Newest first, as feeds list them: the later item retells the earlier one's story.
        server.put("/twice.xml", rss(
                item("t-2", "Завод спустил на воду головной фрегат серии", text + " Об этом сообщил директор.", null),
                item("t-1", "Завод спустил на воду головной фрегат", text, null)));
        long feed = subscribe("/twice.xml", true);

        FeedRefresher.Refresh refresh = refresher.refresh(feed);

        assertThat(refresh.added()).isEqualTo(1);
        assertThat(refresh.revised()).isEqualTo(1);
        long story = feeds.articleOf(feed, "t-1").orElseThrow();
        assertThat(feeds.articleOf(feed, "t-2")).contains(story);
        assertThat(desk.find(story).orElseThrow().title()).isEqualTo("Завод спустил на воду головной фрегат серии");
    }

    @Test
    void fetchesTheStoryPageOfAnItemOnceAcrossPolls() {
        server.put("/img/story.png", png()).put("/story.html", story()).put("/full.xml", summaries());
        long feed = fullText("/full.xml");

        refresher.refresh(feed);
        FeedRefresher.Refresh again = refresher.refresh(feed);

        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(server.requests("/story.html")).isEqualTo(1);
        assertThat(server.requests("/img/story.png")).isEqualTo(1);
    }

    @Test
    void aRevisedItemKeepsItsImageAndItsStoryWithoutFetchingThemAgain() {
        server.put("/img/story.png", png()).put("/story.html", story()).put("/full.xml", summaries());
        long feed = fullText("/full.xml");
        refresher.refresh(feed);
        Article first = desk.find(feeds.articleOf(feed, "ft-1").orElseThrow()).orElseThrow();

        server.put("/full.xml", summaries().replace("Самолёт готов к полёту", "Самолёт готов к первому полёту"));
        FeedRefresher.Refresh revised = refresher.refresh(feed);

        assertThat(revised.revised()).isEqualTo(1);
        Article article = desk.find(first.id()).orElseThrow();
        assertThat(article.title()).isEqualTo("Самолёт готов к первому полёту");
        assertThat(article.imageId()).isEqualTo(first.imageId()).isNotNull();
        assertThat(article.body().html()).contains("Комсомольске-на-Амуре");
        assertThat(server.requests("/story.html")).isEqualTo(1);
        assertThat(server.requests("/img/story.png")).isEqualTo(1);
    }

    /** A story page whose main text is much longer than the summary in its feed. */
    private static String story() {
        String paragraph = "<p>На заводе в Комсомольске-на-Амуре завершили сборку очередного самолёта. Машина прошла "
                + "наземные проверки и готовится к первому полёту, после чего её передадут заказчику.</p>";
        return "<html><head><title>Story</title></head><body><nav>menu menu menu</nav><article>"
                + "<h1>Самолёт готов</h1>" + paragraph.repeat(6) + "</article><footer>footer</footer></body></html>";
    }

    /** A feed of one summary, with a lead image, pointing at {@link #story()}. */
    private String summaries() {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
                + "<item><title>Самолёт готов к полёту</title><link>" + server.url("/story.html") + "</link><guid>ft-1</guid>"
                + "<description>Коротко о самолёте.</description>"
                + "<enclosure url=\"" + server.url("/img/story.png") + "\" type=\"image/png\" length=\"100\"/>"
                + "</item></channel></rss>";
    }

    private long fullText(String path) {
        return feeds.subscribe(source.id(), new FeedForm(server.url(path), rubric.id(), null, null, true, true, 30, true));
    }

    private long subscribe(String path, boolean autoPublish) {
        return feeds.subscribe(source.id(), new FeedForm(server.url(path), rubric.id(), null, null, autoPublish, false,
                30, true));
    }

    private static String item(String guid, String title, String text, String image) {
        return "<item><title>" + title + "</title><link>https://review.example.com/news/" + guid + "?utm_source=rss</link>"
                + "<guid isPermaLink=\"false\">" + guid + "</guid><pubDate>Tue, 06 Jan 2026 09:30:00 +0300</pubDate>"
                + "<description><![CDATA[<p>" + text + "</p>]]></description>"
                + (image == null ? "" : "<enclosure url=\"" + image + "\" type=\"image/png\" length=\"100\"/>") + "</item>";
    }

    private String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\">"
                + "<channel><title>Test</title>"
                + "<link>" + server.url("/") + "</link><description>d</description>" + String.join("", List.of(items))
                + "</channel></rss>";
    }

    private static byte[] png() {
        return picture("png");
    }

    private static byte[] picture(String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB), format, out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
