package dev.newsdesk.article;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.newsdesk.site.Bilingual;
import dev.newsdesk.site.Rejected;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rubrics of the portal, in display order. Kept in memory: a page never reads them from the
 * database; a change made on another node shows within {@link #REFRESH}.
 */
@Repository
public class Rubrics {

    static final Duration REFRESH = Duration.ofSeconds(30);
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final RowMapper<Rubric> ROW = (rs, row) -> new Rubric(rs.getLong("id"), rs.getString("slug"),
            new Bilingual(rs.getString("name_ru"), rs.getString("name_en")),
            new Bilingual(rs.getString("header_ru"), rs.getString("header_en")), rs.getInt("position"));

    private final JdbcClient jdbc;
    private final LoadingCache<String, List<Rubric>> all;

    Rubrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.all = Caffeine.newBuilder().refreshAfterWrite(REFRESH).build(key -> load());
    }

    public List<Rubric> all() {
        return all.get("all");
    }

    public Optional<Rubric> bySlug(String slug) {
        return all().stream().filter(rubric -> rubric.slug().equals(slug)).findFirst();
    }

    public Optional<Rubric> byId(long id) {
        return all().stream().filter(rubric -> rubric.id() == id).findFirst();
    }

    /**
     * Whether the portal has no rubric yet, as the database says now: unlike {@link #all()}, never from memory,
     * so that a node deciding whether to fill an empty portal sees what another node has just added.
     */
    public boolean noneStored() {
        return jdbc.sql("SELECT count(*) FROM rubric").query(Long.class).single() == 0;
    }

    /** Adds a rubric after the existing ones. */
    public Rubric add(String slug, Bilingual name, Bilingual header) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new ArticleRejected("slug", "article.error.slug");
        }
        if (blank(name.ru()) || blank(name.en()) || blank(header.ru()) || blank(header.en())) {
            throw new ArticleRejected(Rejected.FORM, "article.error.rubricNames");
        }
        jdbc.sql("""
                        INSERT INTO rubric (slug, name_ru, name_en, header_ru, header_en, position)
                        VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM rubric))""")
                .params(slug, name.ru().strip(), name.en().strip(), header.ru().strip(), header.en().strip())
                .update();
        all.invalidateAll();
        return bySlug(slug).orElseThrow();
    }

    private List<Rubric> load() {
        return jdbc.sql("SELECT * FROM rubric ORDER BY position, id").query(ROW).list();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
