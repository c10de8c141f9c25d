package dev.newsdesk.article.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.TestNews;
import dev.newsdesk.article.Article;
import dev.newsdesk.article.ArticleDesk;
import dev.newsdesk.article.ArticleDraft;
import dev.newsdesk.article.ArticleSummary;
import dev.newsdesk.article.Rubric;
import dev.newsdesk.site.Language;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@NewsdeskTest
class ArticlesTest {

    @Autowired Articles articles;
    @Autowired ArticleDesk desk;
    @Autowired TestNews news;

    @Test
    void pagesThroughARubricNewestFirstWithoutOverlap() {
        Rubric rubric = news.rubric();
        Instant start = Instant.parse("2025-03-01T08:00:00Z");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(news.published(news.draft(Language.RU, rubric, "Новость " + i, start.plus(Duration.ofMinutes(i)))));
        }
        news.published(news.draft(Language.EN, rubric, "An English story", start));
        desk.submit(news.draft(Language.RU, rubric, "Черновик", start));

        List<Long> seen = new ArrayList<>();
        for (int offset = 0; offset < 30; offset += 10) {
            seen.addAll(articles.idsInRubric(rubric.id(), Language.RU, offset, 10));
        }

        assertThat(seen).containsExactlyElementsOf(ids.reversed());
        assertThat(articles.idsInRubric(rubric.id(), Language.EN, 0, 10)).hasSize(1);
    }

    @Test
    void findsNeighboursEvenAtTheSameMinute() {
        Rubric rubric = news.rubric();
        Instant at = Instant.parse("2025-03-02T08:00:00Z");
        long first = news.published(news.draft(Language.RU, rubric, "Первая", at));
        long second = news.published(news.draft(Language.RU, rubric, "Вторая", at));
        long third = news.published(news.draft(Language.RU, rubric, "Третья", at.plusSeconds(60)));

        Article middle = articles.find(second).orElseThrow();
        assertThat(articles.older(middle)).map(ArticleSummary::id).hasValue(first);
        assertThat(articles.newer(middle)).map(ArticleSummary::id).hasValue(third);
        assertThat(articles.older(articles.find(first).orElseThrow())).isEmpty();
    }

    @Test
    void linksTranslationsBothWays() {
        Rubric rubric = news.rubric();
        long russian = news.published(news.draft(Language.RU, rubric, "Оригинал", null));
        ArticleDraft translation = news.draft(Language.EN, rubric, "Translation", null);
        long english = news.published(new ArticleDraft(translation.language(), translation.rubricId(), null,
                translation.title(), null, null, translation.body(), null, null, null, null, russian, null));

        assertThat(articles.translation(articles.find(russian).orElseThrow())).map(ArticleSummary::id).hasValue(english);
        assertThat(articles.translation(articles.find(english).orElseThrow())).map(ArticleSummary::id).hasValue(russian);
    }

    @Test
    void selectsOnlyPublishedArticles() {
        Rubric rubric = news.rubric();
        long published = news.published(news.draft(Language.RU, rubric, "Опубликована", null));
        long draft = desk.submit(news.draft(Language.RU, rubric, "Черновик", null));
        long withdrawn = news.published(news.draft(Language.RU, rubric, "Снята", null));
        desk.withdraw(withdrawn);

        assertThat(articles.published(List.of(published, draft, withdrawn))).containsOnlyKeys(published);
    }
}
