package dev.newsdesk.article;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.newsdesk.site.Bilingual;
import dev.newsdesk.site.PagesChanged;
import dev.newsdesk.site.Rejected;
import dev.newsdesk.site.WebAddress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The publishers stories come from, with their rights notices. Kept in memory like {@link Rubrics}.
 */
@Repository
public class Sources {

    private static final RowMapper<Source> ROW = (rs, row) -> new Source(rs.getLong("id"), rs.getString("slug"),
            new Bilingual(rs.getString("name_ru"), rs.getString("name_en")), rs.getString("country"),
            rs.getString("home_url"), new Bilingual(rs.getString("rights_ru"), rs.getString("rights_en")),
            new Bilingual(rs.getString("licence_ru"), rs.getString("licence_en")));

    private final JdbcClient jdbc;
    private final LoadingCache<String, Map<Long, Source>> byId;

    private final ApplicationEventPublisher events;

    Sources(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.byId = Caffeine.newBuilder().refreshAfterWrite(Rubrics.REFRESH).build(key -> load());
    }

    public Optional<Source> byId(long id) {
        return Optional.ofNullable(byId.get("all").get(id));
    }

    public Optional<Source> bySlug(String slug) {
        return all().stream().filter(source -> source.slug().equals(slug)).findFirst();
    }

    public List<Source> all() {
        return List.copyOf(byId.get("all").values());
    }

    /** Adds a publisher; {@code id} of the given source is ignored. */
    @Transactional
    public Source add(Source source) {
        validate(source);
        uniqueSlug(() -> jdbc.sql("""
                        INSERT INTO source (slug, name_ru, name_en, country, home_url, rights_ru, rights_en,
                            licence_ru, licence_en)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(source.slug(), source.name().ru(), source.name().en(), country(source), source.homeUrl(),
                        source.rights().ru(), source.rights().en(), source.licence().ru(), source.licence().en())
                .update());
        byId.invalidateAll();
        events.publishEvent(PagesChanged.sources());
        return bySlug(source.slug()).orElseThrow();
    }

    /** Changes a publisher's names, address or rights notice. */
    @Transactional
    public void update(Source source) {
        validate(source);
        int updated = uniqueSlug(() -> jdbc.sql("""
                        UPDATE source SET slug = ?, name_ru = ?, name_en = ?, country = ?, home_url = ?, rights_ru = ?,
                            rights_en = ?, licence_ru = ?, licence_en = ?
                        WHERE id = ?""")
                .params(source.slug(), source.name().ru(), source.name().en(), country(source), source.homeUrl(),
                        source.rights().ru(), source.rights().en(), source.licence().ru(), source.licence().en(),
                        source.id())
                .update());
        if (updated == 0) {
            throw new ArticleRejected(Rejected.FORM, "article.error.noSource");
        }
        byId.invalidateAll();
        events.publishEvent(PagesChanged.sources());
    }

    /**
     * Forgets the sources held in memory, to read them again at next use: on every node, when another node's
     * change reaches it through the page change log.
     */
    public void reload() {
        byId.invalidateAll();
    }

    /** Runs a write that may clash with another source's slug, and refuses the clash as the slug's problem. */
    private static int uniqueSlug(IntSupplier write) {
        try {
            return write.getAsInt();
        } catch (DuplicateKeyException e) {
            throw new ArticleRejected("slug", "article.error.slugTaken");
        }
    }

    /** Refuses a source with every problem it has, each under the name of its field on the editors' form. */
    private static void validate(Source source) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (source.slug() == null || !Rubrics.SLUG.matcher(source.slug()).matches() || source.slug().length() > 80) {
            problems.put("slug", "article.error.slug");
        }
        if (source.name() == null || source.name().ru() == null || source.name().ru().isBlank()) {
            problems.put("nameRu", "article.error.name");
        }
        if (source.name() == null || source.name().en() == null || source.name().en().isBlank()) {
            problems.put("nameEn", "article.error.name");
        }
        if (source.country() != null && !Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2)
                .contains(source.country().toUpperCase(Locale.ROOT))) {
            problems.put("country", "article.error.country");
        }
        if (source.homeUrl() != null && (WebAddress.parse(source.homeUrl()).isEmpty() || source.homeUrl().length() > 2000)) {
            problems.put("homeUrl", "article.error.webAddress");
        }
        // As long as the columns hold.
        tooLong(problems, "nameRu", source.name() == null ? null : source.name().ru(), 200);
        tooLong(problems, "nameEn", source.name() == null ? null : source.name().en(), 200);
        tooLong(problems, "rightsRu", source.rights() == null ? null : source.rights().ru(), 500);
        tooLong(problems, "rightsEn", source.rights() == null ? null : source.rights().en(), 500);
        tooLong(problems, "licenceRu", source.licence() == null ? null : source.licence().ru(), 500);
        tooLong(problems, "licenceEn", source.licence() == null ? null : source.licence().en(), 500);
        if (!problems.isEmpty()) {
            throw new ArticleRejected(problems);
        }
    }

    private static void tooLong(Map<String, String> problems, String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            problems.putIfAbsent(field, "article.error.tooLong");
        }
    }

    private static String country(Source source) {
        return source.country() == null ? null : source.country().toUpperCase(Locale.ROOT);
    }

    private Map<Long, Source> load() {
        return jdbc.sql("SELECT * FROM source ORDER BY id").query(ROW).list().stream()
                .collect(Collectors.toMap(Source::id, Function.identity(), (first, second) -> first, LinkedHashMap::new));
    }
}
