package dev.newsdesk.ingest.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import dev.newsdesk.ingest.Feed;
import dev.newsdesk.site.Language;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The feed table: subscriptions and their fetch status. */
@Repository
public class Feeds {

    private static final RowMapper<Feed> ROW = (rs, row) -> new Feed(rs.getLong("id"), rs.getLong("source_id"),
            rs.getString("url"), rs.getLong("rubric_id"), rs.getString("rubric_rules"),
            rs.getString("lang") == null ? null : Language.ofCode(rs.getString("lang")), rs.getBoolean("auto_publish"),
            rs.getBoolean("full_text"), rs.getInt("poll_minutes"), rs.getBoolean("enabled"), rs.getString("etag"),
            rs.getString("last_modified"), instant(rs, "last_fetch_at"), instant(rs, "last_success_at"),
            rs.getString("last_error"), rs.getInt("failures"), rs.getInt("items_added"), instant(rs, "next_fetch_at"));

    private final JdbcClient jdbc;

    Feeds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long sourceId, String url, long rubricId, String rules, Language language, boolean autoPublish,
                       boolean fullText, int pollMinutes, boolean enabled, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO feed (source_id, url, rubric_id, rubric_rules, lang, auto_publish, full_text,
                            poll_minutes, enabled, next_fetch_at, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(sourceId, url, rubricId, rules, language == null ? null : language.code(), autoPublish, fullText,
                        pollMinutes, enabled, utc(now), utc(now))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    public void update(long id, String url, long rubricId, String rules, Language language, boolean autoPublish,
                       boolean fullText, int pollMinutes, boolean enabled) {
        jdbc.sql("""
                        UPDATE feed SET url = ?, rubric_id = ?, rubric_rules = ?, lang = ?, auto_publish = ?, full_text = ?,
                            poll_minutes = ?, enabled = ?
                        WHERE id = ?""")
                .params(url, rubricId, rules, language == null ? null : language.code(), autoPublish, fullText,
                        pollMinutes, enabled, id)
                .update();
    }

    public Optional<Feed> find(long id) {
        return jdbc.sql("SELECT * FROM feed WHERE id = ?").param(id).query(ROW).optional();
    }

    public List<Feed> ofSource(long sourceId) {
        return jdbc.sql("SELECT * FROM feed WHERE source_id = ? ORDER BY id").param(sourceId).query(ROW).list();
    }

    /** Enabled feeds whose next fetch is due, the most overdue first. */
    public List<Long> due(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM feed WHERE enabled = TRUE AND next_fetch_at <= ? ORDER BY next_fetch_at LIMIT ?")
                .params(utc(now), limit).query(Long.class).list();
    }

    public void succeeded(long id, String etag, String lastModified, int added, Instant now, Instant next) {
        jdbc.sql("""
                        UPDATE feed SET etag = ?, last_modified = ?, last_fetch_at = ?, last_success_at = ?,
                            last_error = NULL, failures = 0, items_added = items_added + ?, next_fetch_at = ?
                        WHERE id = ?""")
                .params(etag, lastModified, utc(now), utc(now), added, utc(next), id)
                .update();
    }

    public void failed(long id, String error, int failures, Instant now, Instant next) {
        jdbc.sql("UPDATE feed SET last_fetch_at = ?, last_error = ?, failures = ?, next_fetch_at = ? WHERE id = ?")
                .params(utc(now), error.length() > 1000 ? error.substring(0, 1000) : error, failures, utc(next), id)
                .update();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
