package dev.newsdesk.site.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import dev.newsdesk.NewsdeskApplication;
import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.TestNews;
import dev.newsdesk.WebClient;
import dev.newsdesk.article.ArticleDesk;
import dev.newsdesk.article.ArticleDraft;
import dev.newsdesk.article.Rubric;
import dev.newsdesk.article.Source;
import dev.newsdesk.article.Sources;
import dev.newsdesk.chore.Chores;
import dev.newsdesk.site.Bilingual;
import dev.newsdesk.site.Language;
import dev.newsdesk.site.PagesChanged;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances of the portal on one database, each keeping its own rendered pages: a change made through one
 * replaces the kept page on the other within two seconds, whether it is an article's edit, a source's, or a
 * page change any module announces. The second node follows changes at the production pace (every second).
 */
@NewsdeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesAcrossNodesTest {

    private static final Duration BOUND = Duration.ofSeconds(2);
    private static final String ROBOT = "Googlebot/2.1 (+http://www.google.com/bot.html)";

    @Autowired TestNews news;
    @Autowired ArticleDesk desk;
    @Autowired Sources sources;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired Environment environment;
    @LocalServerPort int port;

    ConfigurableApplicationContext secondNode;
    WebClient second;
    Rubric rubric;

    @BeforeAll
    void startSecondNode() {
        secondNode = new SpringApplicationBuilder(NewsdeskApplication.class)
                .profiles("test")
                .properties("server.port=0",
                        "spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                        "newsdesk.demo.enabled=false",
                        "newsdesk.articles.change-poll=1s",
                        "newsdesk.mail.dispatch-interval=1h",
                        "newsdesk.mail.outbox-dir=target/second-node-outbox")
                .run();
        second = new WebClient(Integer.parseInt(secondNode.getEnvironment().getProperty("local.server.port")));
        rubric = news.rubric();
    }

    @AfterAll
    void stopSecondNode() {
        secondNode.close();
    }

    @Test
    void anArticleEditedOnOneNodeChangesOnTheOtherWithinTwoSeconds() {
        long id = news.published(news.draft(Language.RU, rubric, "Правка на первом узле", null));
        String path = keptOnSecondNode(id);

        desk.revise(id, new ArticleDraft(Language.RU, rubric.id(), null, "Правка на первом узле", null, null,
                "<p>Текст после правки.</p>", null, null, null, null, null, null));

        await().atMost(BOUND).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(second.page(path).text()).contains("Текст после правки."));
    }

    @Test
    void aSourceEditedOnOneNodeChangesOnTheOtherWithinTwoSeconds() {
        Source source = news.foreignSource();
        ArticleDraft draft = new ArticleDraft(Language.RU, rubric.id(), source.id(), "Статья источника", null, null,
                "<p>Текст.</p>", null, null, null, null, null, null);
        long id = news.published(draft);
        String path = keptOnSecondNode(id);
        assertThat(second.get(path, ROBOT).body()).contains(source.name().ru());

        sources.update(new Source(source.id(), source.slug(), new Bilingual("Переименованное обозрение", "Renamed Review"),
                source.country(), source.homeUrl(), source.rights(), source.licence()));

        await().atMost(BOUND).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(second.page(path).text()).contains("Переименованное обозрение"));
    }

    @Test
    void aPageChangeAnnouncedByAnyModuleOnOneNodeDropsThePageOnTheOther() {
        long id = news.published(news.draft(Language.RU, rubric, "Обсуждаемая статья", null));
        String path = keptOnSecondNode(id);
        RenderedPages kept = secondNode.getBean(RenderedPages.class);
        assertThat(kept.get(path)).isNotNull();

        // As the discussion module will, when a comment changes what the article's page shows.
        transactions.executeWithoutResult(status -> events.publishEvent(PagesChanged.article(id)));

        await().atMost(BOUND).pollInterval(Duration.ofMillis(50)).until(() -> kept.get(path) == null);
    }

    @Test
    void aPageChangeRolledBackTravelsNowhere() {
        long id = news.published(news.draft(Language.RU, rubric, "Статья без изменений", null));
        String path = keptOnSecondNode(id);
        RenderedPages kept = secondNode.getBean(RenderedPages.class);
        long latest = latestPageChange();

        transactions.executeWithoutResult(status -> {
            events.publishEvent(PagesChanged.article(id));
            status.setRollbackOnly();
        });

        assertThat(latestPageChange()).as("nothing logged for the other nodes to follow").isEqualTo(latest);
        followChangesOnSecondNode();
        assertThat(kept.get(path)).isNotNull();
    }

    /**
     * The article's path, once the second node knows the article and keeps its page. Read by a robot, whose
     * views are not counted: a counted view would drop the page itself once it is written.
     */
    private String keptOnSecondNode(long id) {
        String path = desk.find(id).orElseThrow().path();
        RenderedPages kept = secondNode.getBean(RenderedPages.class);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() ->
                second.get(path, ROBOT).statusCode() == 200 && kept.get(path) != null);
        // The second node may have read the article before following its publication, which drops the page.
        followChangesOnSecondNode();
        assertThat(second.get(path, ROBOT).statusCode()).isEqualTo(200);
        assertThat(kept.get(path)).isNotNull();
        return path;
    }

    private void followChangesOnSecondNode() {
        secondNode.getBean(Chores.class).runNow("changeFollowing");
    }

    private long latestPageChange() {
        return secondNode.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("SELECT coalesce(max(seq), 0) FROM page_change").query(Long.class).single();
    }
}
