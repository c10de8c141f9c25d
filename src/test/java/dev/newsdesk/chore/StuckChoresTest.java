package dev.newsdesk.chore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import dev.newsdesk.DatabaseProbe;
import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.TestNews;
import dev.newsdesk.WebClient;
import dev.newsdesk.article.ArticleDesk;
import dev.newsdesk.article.Rubric;
import dev.newsdesk.article.internal.Archive;
import dev.newsdesk.mail.Mail;
import dev.newsdesk.mail.Mailer;
import dev.newsdesk.site.Language;
import dev.newsdesk.stats.ViewCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The application's chores, each on its own threads: one that hangs holds up no other. */
@NewsdeskTest
class StuckChoresTest {

    @Autowired DatabaseProbe database;
    @Autowired TestNews news;
    @Autowired ArticleDesk desk;
    @Autowired Archive archive;
    @Autowired Mailer mailer;
    @Autowired ViewCounter views;

    @Test
    void hungMailAndViewWritesDoNotStopChangeFollowing() {
        Rubric rubric = news.rubric();
        long id = news.published(news.draft(Language.RU, rubric, "Первая редакция", null));

        try (DatabaseProbe.Stall stall = database.stall("mail_outbox", "article_view")) {
            mailer.send(new Mail(TestNews.unique("reader") + "@example.org", "Тема", "Текст", "<p>Текст</p>"));
            views.record(id, "10.9.8.7", WebClient.BROWSER);
            // Mail dispatch and view flushing now hang in the database, each on the thread that runs it.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> stall.holds("mail_outbox") && stall.holds("merge into article_view_total"));
            assertThat(archive.article(id).orElseThrow().title()).as("now cached").isEqualTo("Первая редакция");

            desk.revise(id, news.draft(Language.RU, rubric, "Вторая редакция", null));

            await().atMost(Duration.ofSeconds(10)).until(() -> archive.article(id).orElseThrow().title(),
                    "Вторая редакция"::equals);
        }
    }
}
