package dev.newsdesk.article.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.newsdesk.article.Article;
import dev.newsdesk.article.ArticleChange;
import dev.newsdesk.article.ArticleStatus;
import dev.newsdesk.article.ArticleSummary;
import dev.newsdesk.article.ChangeCursor;
import dev.newsdesk.site.Language;
import dev.newsdesk.site.SafeHtml;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The article table. Every insert and update takes a new {@code change_seq}; list queries return
 * published articles newest first, and walk the covering indexes of {@code V1__articles.sql}.
 */
@Repository
public class Articles implements ChangeCursor.ChangeLog<ArticleChange> {

    private static final String SUMMARY = "id, lang, rubric_id, title, slug, subtitle, lead, published_at, image_id";
    private static final String FULL = SUMMARY + ", status, source_id, translation_of, body, dateline, author, "
            + "original_url, updated_at, comment_count, rating, change_seq";
    private static final String PUBLISHED = "status = 'PUBLISHED'";

    private static final RowMapper<ArticleSummary> SUMMARY_ROW = (rs, row) -> new ArticleSummary(
            rs.getLong("id"), Language.ofCode(rs.getString("lang")), rs.getLong("rubric_id"), rs.getString("title"),
            rs.getString("slug"), rs.getString("subtitle"), rs.getString("lead"), instant(rs, "published_at"),
            nullableLong(rs, "image_id"));

    private static final RowMapper<Article> FULL_ROW = (rs, row) -> new Article(
            rs.getLong("id"), Language.ofCode(rs.getString("lang")), ArticleStatus.valueOf(rs.getString("status")),
            rs.getLong("rubric_id"), nullableLong(rs, "source_id"), nullableLong(rs, "image_id"),
            nullableLong(rs, "translation_of"), rs.getString("title"), rs.getString("slug"), rs.getString("subtitle"),
            rs.getString("lead"), new SafeHtml(rs.getString("body")), rs.getString("dateline"), rs.getString("author"),
            rs.getString("original_url"), instant(rs, "published_at"), instant(rs, "updated_at"),
            rs.getInt("comment_count"), rs.getInt("rating"), rs.getLong("change_seq"));

    private static final String INSERT = """
            INSERT INTO article (lang, status, rubric_id, source_id, image_id, translation_of, title, slug,
                subtitle, lead, body, dateline, author, original_url, published_at, created_at, updated_at,
                change_seq)
            VALUES (:lang, :status, :rubric, :source, :image, :translationOf, :title, :slug, :subtitle,
                :lead, :body, :dateline, :author, :originalUrl, :publishedAt, :now, :now,
                nextval('article_change_seq'))""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    Articles(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The stored content of an article, everything but its status and counters. */
    public record Content(Language language, long rubricId, Long sourceId, Long imageId, Long translationOf,
                          String title, String slug, String subtitle, String lead, SafeHtml body, String dateline,
                          String author, String originalUrl, Instant publishedAt) {

        public Content withPublishedAt(Instant at) {
            return new Content(language, rubricId, sourceId, imageId, translationOf, title, slug, subtitle, lead, body,
                    dateline, author, originalUrl, at);
        }
    }

    public long insert(Content content, ArticleStatus status, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(INSERT)
                .params(contentParams(content))
                .param("status", status.name())
                .param("now", utc(now))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    /** Inserts articles in one batch, each with a change number of its own, and answers their ids in order. */
    public List<Long> insertAll(List<Content> contents, ArticleStatus status, Instant now) {
        if (contents.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource[] rows = contents.stream()
                .map(content -> new MapSqlParameterSource(contentParams(content))
                        .addValue("status", status.name())
                        .addValue("now", utc(now)))
                .toArray(MapSqlParameterSource[]::new);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        batch.batchUpdate(INSERT, rows, keys, new String[] {"id"});
        List<Long> ids = keys.getKeyList().stream()
                .map(key -> ((Number) key.values().iterator().next()).longValue())
                .toList();
        if (ids.size() != contents.size()) {
            throw new IllegalStateException("The database answered " + ids.size() + " ids for " + contents.size() + " articles");
        }
        return ids;
    }

    public void update(long id, Content content, Instant now) {
        jdbc.sql("""
                        UPDATE article SET lang = :lang, rubric_id = :rubric, source_id = :source, image_id = :image,
                            translation_of = :translationOf, title = :title, slug = :slug, subtitle = :subtitle,
                            lead = :lead, body = :body, dateline = :dateline, author = :author,
                            original_url = :originalUrl, published_at = :publishedAt, updated_at = :now,
                            change_seq = nextval('article_change_seq')
                        WHERE id = :id""")
                .params(contentParams(content))
                .param("now", utc(now))
                .param("id", id)
                .update();
    }

    /** Sets the article's lead image. */
    public void illustrate(long id, Long imageId, Instant now) {
        jdbc.sql("UPDATE article SET image_id = ?, updated_at = ?, change_seq = nextval('article_change_seq') WHERE id = ?")
                .params(imageId, utc(now), id).update();
    }

    /** Marks the article as the translation of {@code originalId}. */
    public void linkTranslation(long id, long originalId, Instant now) {
        jdbc.sql("UPDATE article SET translation_of = ?, updated_at = ?, change_seq = nextval('article_change_seq') "
                        + "WHERE id = ?")
                .params(originalId, utc(now), id).update();
    }

    /** Moves an article to {@code status}. */
    public void changeStatus(long id, ArticleStatus status, Instant publishedAt, Instant now) {
        jdbc.sql("""
                        UPDATE article SET status = :status, published_at = :publishedAt, updated_at = :now,
                            change_seq = nextval('article_change_seq')
                        WHERE id = :id""")
                .param("status", status.name())
                .param("publishedAt", utc(publishedAt))
                .param("now", utc(now))
                .param("id", id)
                .update();
    }

    /**
     * Publishes a scheduled article at its set time if that has come; false when the article is no longer
     * scheduled, or was moved to a later time, since it was found due.
     */
    public boolean publishScheduled(long id, Instant now) {
        return jdbc.sql("""
                        UPDATE article SET status = 'PUBLISHED', updated_at = :now,
                            change_seq = nextval('article_change_seq')
                        WHERE id = :id AND status = 'SCHEDULED' AND published_at <= :now""")
                .param("now", utc(now))
                .param("id", id)
                .update() == 1;
    }

    public Optional<Article> find(long id) {
        return jdbc.sql("SELECT " + FULL + " FROM article WHERE id = ?").param(id).query(FULL_ROW).optional();
    }

    /** The newest published articles in a language. */
    public List<ArticleSummary> latest(Language language, int limit) {
        return jdbc.sql("SELECT " + SUMMARY + " FROM article WHERE lang = ? AND " + PUBLISHED
                        + " ORDER BY published_at DESC, id DESC LIMIT ?")
                .param(language.code())
                .param(limit)
                .query(SUMMARY_ROW)
                .list();
    }

    /**
     * The ids of a stretch of a rubric's published articles in a language, newest first. They are read
     * from the index alone ({@code article_by_rubric}), however deep the offset; no count of the whole
     * rubric is ever needed.
     */
    public List<Long> idsInRubric(long rubricId, Language language, int offset, int limit) {
        return jdbc.sql("SELECT id FROM article WHERE rubric_id = ? AND lang = ? AND " + PUBLISHED
                        + " ORDER BY published_at DESC, id DESC LIMIT ? OFFSET ?")
                .param(rubricId)
                .param(language.code())
                .param(limit)
                .param(offset)
                .query(Long.class)
                .list();
    }

    /** The published article of the same rubric and language just before this one. */
    public Optional<ArticleSummary> older(Article article) {
        return jdbc.sql("SELECT " + SUMMARY + " FROM article WHERE rubric_id = :rubric AND lang = :lang AND "
                        + PUBLISHED + " AND (published_at < :at OR (published_at = :at AND id < :id))"
                        + " ORDER BY published_at DESC, id DESC LIMIT 1")
                .params(neighbourParams(article))
                .query(SUMMARY_ROW)
                .optional();
    }

    /** The published article of the same rubric and language just after this one. */
    public Optional<ArticleSummary> newer(Article article) {
        return jdbc.sql("SELECT " + SUMMARY + " FROM article WHERE rubric_id = :rubric AND lang = :lang AND "
                        + PUBLISHED + " AND (published_at > :at OR (published_at = :at AND id > :id))"
                        + " ORDER BY published_at ASC, id ASC LIMIT 1")
                .params(neighbourParams(article))
                .query(SUMMARY_ROW)
                .optional();
    }

    /** The published version of the same story in the other language. */
    public Optional<ArticleSummary> translation(Article article) {
        return jdbc.sql("SELECT " + SUMMARY + " FROM article WHERE " + PUBLISHED + " AND lang <> :lang"
                        + " AND (id = :original OR translation_of = :id) ORDER BY id LIMIT 1")
                .param("lang", article.language().code())
                .param("original", article.translationOf())
                .param("id", article.id())
                .query(SUMMARY_ROW)
                .optional();
    }

    /** The published ones among {@code ids}, keyed by id. */
    public Map<Long, ArticleSummary> published(Collection<Long> ids) {
        Map<Long, ArticleSummary> found = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT " + SUMMARY + " FROM article WHERE id IN (:ids) AND " + PUBLISHED)
                    .param("ids", ids)
                    .query(SUMMARY_ROW)
                    .list()
                    .forEach(summary -> found.put(summary.id(), summary));
        }
        return found;
    }

    /** The published articles that show an image, newest first. */
    public List<ArticleSummary> illustratedBy(long imageId) {
        return jdbc.sql("SELECT " + SUMMARY + " FROM article WHERE image_id = ? AND " + PUBLISHED
                        + " ORDER BY published_at DESC, id DESC LIMIT 10")
                .param(imageId)
                .query(SUMMARY_ROW)
                .list();
    }

    @Override
    public List<ArticleChange> after(long seq, int limit) {
        return jdbc.sql("SELECT id, change_seq FROM article WHERE change_seq > ? ORDER BY change_seq LIMIT ?")
                .param(seq)
                .param(limit)
                .query((rs, row) -> new ArticleChange(rs.getLong(1), rs.getLong(2)))
                .list();
    }

    @Override
    public List<ArticleChange> between(long from, long to) {
        return jdbc.sql("SELECT id, change_seq FROM article WHERE change_seq BETWEEN ? AND ? ORDER BY change_seq")
                .param(from)
                .param(to)
                .query((rs, row) -> new ArticleChange(rs.getLong(1), rs.getLong(2)))
                .list();
    }

    public long lastChange() {
        return jdbc.sql("SELECT coalesce(max(change_seq), 0) FROM article").query(Long.class).single();
    }

    /** Scheduled articles whose time has come, the earliest first, at most {@code limit}. */
    public List<Long> due(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM article WHERE status = 'SCHEDULED' AND published_at <= ? "
                        + "ORDER BY published_at, id LIMIT ?")
                .param(utc(now))
                .param(limit)
                .query(Long.class)
                .list();
    }

    private static Map<String, Object> neighbourParams(Article article) {
        Map<String, Object> params = new HashMap<>();
        params.put("rubric", article.rubricId());
        params.put("lang", article.language().code());
        params.put("at", utc(article.publishedAt()));
        params.put("id", article.id());
        return params;
    }

    private static Map<String, Object> contentParams(Content content) {
        Map<String, Object> params = new HashMap<>();
        params.put("lang", content.language().code());
        params.put("rubric", content.rubricId());
        params.put("source", content.sourceId());
        params.put("image", content.imageId());
        params.put("translationOf", content.translationOf());
        params.put("title", content.title());
        params.put("slug", content.slug());
        params.put("subtitle", content.subtitle());
        params.put("lead", content.lead());
        params.put("body", content.body().html());
        params.put("dateline", content.dateline());
        params.put("author", content.author());
        params.put("originalUrl", content.originalUrl());
        params.put("publishedAt", utc(content.publishedAt()));
        return params;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
