package dev.newsdesk.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.newsdesk.MutableClock;
import dev.newsdesk.site.Bilingual;
import dev.newsdesk.site.Language;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** The article module on its own (with the modules it needs) announcing each step of an article's life. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
// Scheduled articles are published by the test itself, so that their events are seen on its thread.
@TestPropertySource(properties = "newsdesk.articles.schedule-poll=1h")
class ArticleEventsTest {

    /** The module's clock, which the test moves instead of waiting for time to pass. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Time {

        @Bean
        @Primary
        MutableClock movableClock() {
            // Whole seconds, which the database stores as they are.
            return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
    }

    @Autowired ArticleDesk desk;
    @Autowired Rubrics rubrics;
    @Autowired MutableClock clock;

    long rubricId;

    @BeforeEach
    void rubric() {
        String slug = "events-" + System.nanoTime();
        rubricId = rubrics.add(slug, new Bilingual("События", "Events"), new Bilingual("События", "Events")).id();
    }

    @Test
    void announcesPublication(Scenario scenario) {
        long id = desk.submit(draft("Published story"));

        scenario.stimulate(() -> desk.publish(id))
                .andWaitForEventOfType(ArticlePublished.class)
                .matching(event -> event.articleId() == id)
                .toArriveAndVerify(event -> assertThat(desk.find(id).orElseThrow().isPublic()).isTrue());
    }

    @Test
    void announcesRevisionOfAPublishedArticle(Scenario scenario) {
        long id = desk.submit(draft("Story"));
        desk.publish(id);

        scenario.stimulate(() -> desk.revise(id, draft("Revised story")))
                .andWaitForEventOfType(ArticleUpdated.class)
                .matching(event -> event.articleId() == id)
                .toArrive();
    }

    @Test
    void announcesWithdrawal(Scenario scenario) {
        long id = desk.submit(draft("Story to withdraw"));
        desk.publish(id);

        scenario.stimulate(() -> desk.withdraw(id))
                .andWaitForEventOfType(ArticleWithdrawn.class)
                .matching(event -> event.articleId() == id)
                .toArrive();
    }

    @Test
    void announcesAScheduledArticleWhenItsTimeComes(Scenario scenario) {
        long id = desk.submit(draft("Scheduled story"));
        desk.schedule(id, clock.instant().plus(Duration.ofHours(1)));
        assertThat(desk.publishDue()).isZero();
        clock.advance(Duration.ofHours(1));

        // Another application on the test database may hold the publishing lock for a moment.
        scenario.stimulate(() -> await().atMost(Duration.ofSeconds(10)).until(() -> {
                    desk.publishDue();
                    return desk.find(id).orElseThrow().isPublic();
                }))
                .andWaitForEventOfType(ArticlePublished.class)
                .matching(event -> event.articleId() == id)
                .toArrive();
    }

    private ArticleDraft draft(String title) {
        return new ArticleDraft(Language.EN, rubricId, null, title, null, null, "<p>" + title + "</p>", null, null,
                null, null, null, null);
    }
}
