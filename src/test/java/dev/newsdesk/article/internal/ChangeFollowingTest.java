package dev.newsdesk.article.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;

import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.TestNews;
import dev.newsdesk.article.ArticleChange;
import dev.newsdesk.article.ArticleChanges;
import dev.newsdesk.article.ArticleDesk;
import dev.newsdesk.article.ChangeCursor;
import dev.newsdesk.article.Rubric;
import dev.newsdesk.site.Language;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The change cursor against the real database, with a transaction that commits after a later one. */
@NewsdeskTest
class ChangeFollowingTest {

    @Autowired ArticleChanges changes;
    @Autowired ArticleDesk desk;
    @Autowired DataSource dataSource;
    @Autowired TestNews news;

    @Test
    void seesAChangeWhoseTransactionCommitsAfterALaterOne() throws Exception {
        Rubric rubric = news.rubric();
        long slow = desk.submit(news.draft(Language.RU, rubric, "Медленная правка", null));
        long quick = desk.submit(news.draft(Language.RU, rubric, "Быстрая правка", null));
        ChangeCursor<ArticleChange> cursor = changes.follow(ChangeCursor.Position.at(changes.latest()));

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // Takes the next change number and holds it, uncommitted.
                statement.executeUpdate("UPDATE article SET title = 'Медленная правка, вторая редакция', "
                        + "change_seq = nextval('article_change_seq') WHERE id = " + slow);
            }
            desk.revise(quick, news.draft(Language.RU, rubric, "Быстрая правка, вторая редакция", null));

            assertThat(cursor.poll()).extracting(ArticleChange::articleId).containsExactly(quick);

            connection.commit();
        }

        assertThat(cursor.poll()).extracting(ArticleChange::articleId).containsExactly(slow);
        assertThat(cursor.poll()).isEmpty();
    }
}
