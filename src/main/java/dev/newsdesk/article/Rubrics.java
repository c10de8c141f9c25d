package dev.newsdesk.article;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.newsdesk.site.Bilingual;
import dev.newsdesk.site.PagesChanged;
import dev.newsdesk.site.Rejected;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rubrics of the portal, in display order. Kept in memory: a page never reads them from the
 * database. A change is announced as {@link PagesChanged#rubrics()}, which every node follows within a second or
 * two through the page change log, reloading its rubrics before it drops its pages; {@link #REFRESH} is only the
 * safety net.
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

    private final ApplicationEventPublisher events;

    Rubrics(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
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
    @Transactional
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
        events.publishEvent(PagesChanged.rubrics());
        return bySlug(slug).orElseThrow();
    }

    /**
     * Forgets the rubrics held in memory, to read them again at next use: on every node, when another node's
     * change reaches it through the page change log.
     */
    public void reload() {
        all.invalidateAll();
    }

    private List<Rubric> load() {
        return jdbc.sql("SELECT * FROM rubric ORDER BY position, id").query(ROW).list();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
