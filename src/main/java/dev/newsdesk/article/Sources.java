package dev.newsdesk.article;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.newsdesk.site.Bilingual;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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

    Sources(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
    public Source add(Source source) {
        validate(source);
        jdbc.sql("""
                        INSERT INTO source (slug, name_ru, name_en, country, home_url, rights_ru, rights_en,
                            licence_ru, licence_en)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(source.slug(), source.name().ru(), source.name().en(), country(source), source.homeUrl(),
                        source.rights().ru(), source.rights().en(), source.licence().ru(), source.licence().en())
                .update();
        byId.invalidateAll();
        return bySlug(source.slug()).orElseThrow();
    }

    /** Changes a publisher's names, address or rights notice. */
    public void update(Source source) {
        validate(source);
        int updated = jdbc.sql("""
                        UPDATE source SET slug = ?, name_ru = ?, name_en = ?, country = ?, home_url = ?, rights_ru = ?,
                            rights_en = ?, licence_ru = ?, licence_en = ?
                        WHERE id = ?""")
                .params(source.slug(), source.name().ru(), source.name().en(), country(source), source.homeUrl(),
                        source.rights().ru(), source.rights().en(), source.licence().ru(), source.licence().en(),
                        source.id())
                .update();
        if (updated == 0) {
            throw new ArticleRejected("There is no source " + source.id());
        }
        byId.invalidateAll();
    }

    private static void validate(Source source) {
        if (source.slug() == null || !Rubrics.SLUG.matcher(source.slug()).matches()) {
            throw new ArticleRejected("A source's slug is lower-case Latin letters, digits and hyphens: " + source.slug());
        }
        if (source.name() == null || source.name().ru() == null || source.name().ru().isBlank()
                || source.name().en() == null || source.name().en().isBlank()) {
            throw new ArticleRejected("A source needs its name in both languages: " + source.slug());
        }
        if (source.country() != null && !Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2)
                .contains(source.country().toUpperCase(Locale.ROOT))) {
            throw new ArticleRejected("Not an ISO country code: " + source.country());
        }
        if (source.homeUrl() != null) {
            String scheme = URI.create(source.homeUrl()).getScheme();
            if (!"https".equals(scheme) && !"http".equals(scheme)) {
                throw new ArticleRejected("A source's home page is an http(s) address: " + source.homeUrl());
            }
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
