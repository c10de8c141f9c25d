package dev.newsdesk.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.TestNews;
import dev.newsdesk.site.Bilingual;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@NewsdeskTest
class SourcesTest {

    @Autowired Sources sources;
    @Autowired TestNews news;

    @Test
    void editsARightsNoticeOfItsOwn() {
        Source source = news.foreignSource();

        sources.update(new Source(source.id(), source.slug(), source.name(), "gb", "https://review.example.net/",
                new Bilingual("Материал принадлежит изданию", "This material belongs to"),
                new Bilingual("Перепечатка запрещена", "No reprinting")));

        Source edited = sources.byId(source.id()).orElseThrow();
        assertThat(edited.country()).isEqualTo("GB");
        assertThat(edited.homeUrl()).isEqualTo("https://review.example.net/");
        assertThat(edited.rights()).isEqualTo(new Bilingual("Материал принадлежит изданию", "This material belongs to"));
        assertThat(edited.licence().en()).isEqualTo("No reprinting");
    }

    @Test
    void refusesWhatItCannotShow() {
        Source source = news.foreignSource();

        assertThatThrownBy(() -> sources.update(new Source(source.id(), source.slug(), source.name(), "XX",
                source.homeUrl(), source.rights(), source.licence())))
                .isInstanceOfSatisfying(ArticleRejected.class,
                        refused -> assertThat(refused.problems()).containsKey("country"));
        assertThatThrownBy(() -> sources.update(new Source(source.id(), source.slug(), source.name(), "US",
                "file:///etc/passwd", source.rights(), source.licence())))
                .isInstanceOfSatisfying(ArticleRejected.class,
                        refused -> assertThat(refused.problems()).containsKey("homeUrl"));
        assertThatThrownBy(() -> sources.add(new Source(0, "Bad Slug", source.name(), "US", null, source.rights(),
                source.licence())))
                .isInstanceOfSatisfying(ArticleRejected.class,
                        refused -> assertThat(refused.problems()).containsKey("slug"));
        assertThat(sources.byId(source.id()).orElseThrow()).isEqualTo(source);
        assertThatThrownBy(() -> sources.update(new Source(source.id(), source.slug(), source.name(), "US", null,
                new Bilingual("Права ".repeat(100), null), source.licence())))
                .isInstanceOfSatisfying(ArticleRejected.class,
                        refused -> assertThat(refused.problems()).containsEntry("rightsRu", "article.error.tooLong"));
    }
}
