package dev.newsdesk.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.TestNews;
import dev.newsdesk.site.Language;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@NewsdeskTest
class ArticleDeskTest {

    @Autowired ArticleDesk desk;
    @Autowired TestNews news;

    @Test
    void submitsADraftThatReadersCannotSee() {
        Rubric rubric = news.rubric();
        long id = desk.submit(news.draft(Language.RU, rubric, "Черновик о модернизации завода", null));

        Article draft = desk.find(id).orElseThrow();
        assertThat(draft.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(draft.isPublic()).isFalse();
        assertThat(draft.slug()).isEqualTo("chernovik-o-modernizatsii-zavoda");
        assertThat(draft.path()).isEqualTo("/news/" + id + "-chernovik-o-modernizatsii-zavoda");
    }

    @Test
    void sanitisesTheBodyAndTidiesTheText() {
        Rubric rubric = news.rubric();
        long id = desk.submit(new ArticleDraft(Language.EN, rubric.id(), null, "  A   title \n with spaces ", null, null,
                "<p onmouseover=\"x()\">Text<script>alert(1)</script></p>", null, null, null, null, null, null));

        Article article = desk.find(id).orElseThrow();
        assertThat(article.title()).isEqualTo("A title with spaces");
        assertThat(article.body().html()).isEqualTo("<p>Text</p>");
        assertThat(article.language()).isEqualTo(Language.EN);
        assertThat(article.path()).startsWith("/en/news/" + id + "-a-title-with-spaces");
    }

    @Test
    void refusesArticlesItCannotShow() {
        Rubric rubric = news.rubric();
        long russian = desk.submit(news.draft(Language.RU, rubric, "Оригинал", null));

        assertThatThrownBy(() -> desk.submit(news.draft(Language.RU, rubric, " ", null)))
                .isInstanceOfSatisfying(ArticleRejected.class,
                        refused -> assertThat(refused.problems()).containsKey("title"));
        assertThatThrownBy(() -> desk.submit(new ArticleDraft(Language.RU, rubric.id(), null, "Пустой", null, null,
                "<script>only()</script>", null, null, null, null, null, null)))
                .isInstanceOfSatisfying(ArticleRejected.class,
                        refused -> assertThat(refused.problems()).containsKey("body"));
        assertThatThrownBy(() -> desk.submit(news.draft(Language.RU, new Rubric(-1, "none", null, null, 0), "Без рубрики", null)))
                .isInstanceOfSatisfying(ArticleRejected.class,
                        refused -> assertThat(refused.problems()).containsKey("rubricId"));
        assertThatThrownBy(() -> desk.submit(new ArticleDraft(Language.RU, rubric.id(), null, "Ссылка", null, null,
                "<p>x</p>", null, null, "javascript:alert(1)", null, null, null)))
                .isInstanceOfSatisfying(ArticleRejected.class,
                        refused -> assertThat(refused.problems()).containsKey("originalUrl"));
        assertThatThrownBy(() -> desk.submit(new ArticleDraft(Language.RU, rubric.id(), null, "Перевод", null, null,
                "<p>x</p>", null, null, null, null, russian, null)))
                .isInstanceOfSatisfying(ArticleRejected.class,
                        refused -> assertThat(refused.problems()).containsKey("translationOf"));
        assertThatThrownBy(() -> desk.publish(987_654_321L)).isInstanceOf(ArticleRejected.class);
    }

    @Test
    void publishingKeepsAPastTimeAndMovesAFutureOneToNow() {
        Rubric rubric = news.rubric();
        Instant agencyTime = Instant.now().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.MILLIS);
        long fromFeed = news.published(news.draft(Language.RU, rubric, "Новость агентства", agencyTime));
        long future = news.published(news.draft(Language.RU, rubric, "Новость из будущего", Instant.now().plus(Duration.ofDays(3))));

        assertThat(desk.find(fromFeed).orElseThrow().publishedAt()).isEqualTo(agencyTime);
        assertThat(desk.find(future).orElseThrow().publishedAt()).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void scheduledArticlesArePublishedWhenDue() {
        Rubric rubric = news.rubric();
        long later = desk.submit(news.draft(Language.RU, rubric, "Позже", null));
        long overdue = desk.submit(news.draft(Language.RU, rubric, "Уже пора", null));
        desk.schedule(later, Instant.now().plus(Duration.ofHours(1)));
        desk.schedule(overdue, Instant.now().minus(Duration.ofMinutes(1)));

        desk.publishDue();

        assertThat(desk.find(later).orElseThrow().status()).isEqualTo(ArticleStatus.SCHEDULED);
        assertThat(desk.find(overdue).orElseThrow().status()).isEqualTo(ArticleStatus.PUBLISHED);
    }

    @Test
    void aRevisionKeepsStatusAndPublicationTime() {
        Rubric rubric = news.rubric();
        Instant published = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
        long id = news.published(news.draft(Language.EN, rubric, "First headline", published));

        desk.revise(id, news.draft(Language.EN, rubric, "Corrected headline", null));

        Article revised = desk.find(id).orElseThrow();
        assertThat(revised.title()).isEqualTo("Corrected headline");
        assertThat(revised.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(revised.publishedAt()).isEqualTo(published);
    }

    @Test
    void everyChangeTakesAHigherChangeNumber() {
        Rubric rubric = news.rubric();
        long id = desk.submit(news.draft(Language.RU, rubric, "Номер изменения", null));
        long submitted = desk.find(id).orElseThrow().changeSeq();
        desk.publish(id);
        long published = desk.find(id).orElseThrow().changeSeq();
        desk.revise(id, news.draft(Language.RU, rubric, "Номер изменения, правка", null));
        long revised = desk.find(id).orElseThrow().changeSeq();
        desk.withdraw(id);
        long withdrawn = desk.find(id).orElseThrow().changeSeq();

        assertThat(submitted).isLessThan(published);
        assertThat(published).isLessThan(revised);
        assertThat(revised).isLessThan(withdrawn);
    }
}
