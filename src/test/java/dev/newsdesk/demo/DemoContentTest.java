package dev.newsdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.WebClient;
import dev.newsdesk.article.Rubrics;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@NewsdeskTest
class DemoContentTest {

    @Autowired DemoContent demo;
    @Autowired Rubrics rubrics;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @BeforeEach
    void loadDemoUnlessLoaded() {
        // The demo loads at start into an empty database; tests that ran first in this JVM may have
        // added rubrics of their own before, so load it here if it is not there yet.
        if (rubrics.bySlug("state-and-prospects").isEmpty()) {
            demo.load(demo.read());
        }
    }

    @Test
    void fillsThePortalWithRubricsSourcesAndStoriesInBothLanguages() {
        assertThat(rubrics.all()).extracting(rubric -> rubric.slug()).contains("state-and-prospects",
                "structure-and-personnel", "regulation-and-financing", "industry-information");
        assertThat(count("SELECT count(*) FROM source WHERE slug IN ('severinform', 'atlantic-defense-review')")).isEqualTo(2);
        assertThat(count("SELECT count(DISTINCT country) FROM source")).isGreaterThanOrEqualTo(4);
        String demo = " FROM article a JOIN source s ON s.id = a.source_id WHERE s.slug IN ("
                + "'severinform', 'volgapress', 'promvestnik', 'ural-news', 'morskoy-obozrevatel', 'atlantic-defense-review', "
                + "'capitol-aerospace', 'thames-strategic', 'revue-defense-europe', 'deccan-defence') AND a.status = 'PUBLISHED'";
        assertThat(count("SELECT count(*)" + demo)).isGreaterThanOrEqualTo(60);
        assertThat(count("SELECT count(*)" + demo + " AND a.lang = 'en'")).isGreaterThanOrEqualTo(15);
        assertThat(count("SELECT count(*)" + demo + " AND a.translation_of IS NOT NULL")).isGreaterThanOrEqualTo(10);
        assertThat(count("SELECT count(*)" + demo + " AND a.author IS NOT NULL AND s.country <> 'RU'")).isGreaterThanOrEqualTo(6);
        assertThat(count("SELECT count(*)" + demo + " AND a.image_id IS NOT NULL")).isGreaterThanOrEqualTo(10);
        assertThat(count("SELECT count(DISTINCT a.published_at)" + demo)).as("every story keeps its own time")
                .isGreaterThanOrEqualTo(60);
        assertThat(count("SELECT count(*) FROM feed f JOIN source s ON s.id = f.source_id WHERE s.slug = 'volgapress'"))
                .as("the stories came through feeds").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM feed f JOIN source s ON s.id = f.source_id WHERE s.slug IN "
                + "('tass', 'ria', 'interfax', 'defense-news', 'breaking-defense') AND f.enabled = FALSE"))
                .as("real agencies' feeds, offered switched off").isEqualTo(5);
    }

    @Test
    void everyDemoRubricPageOpensInBothLanguages() {
        WebClient web = new WebClient(port);
        for (String slug : List.of("state-and-prospects", "aviation", "shipbuilding", "space")) {
            Document russian = web.page("/rubric/" + slug);
            Document english = web.page("/en/rubric/" + slug);
            assertThat(russian.select(".news-item")).as(slug).isNotEmpty();
            assertThat(english.select(".news-item")).as(slug).isNotEmpty();
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
