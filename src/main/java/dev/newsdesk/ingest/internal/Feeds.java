package dev.newsdesk.ingest.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import dev.newsdesk.ingest.Dropped;
import dev.newsdesk.ingest.Feed;
import dev.newsdesk.ingest.FeedReader;
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
            rs.getString("last_error"), rs.getInt("failures"), rs.getInt("items_added"), instant(rs, "next_fetch_at"),
            rs.getString("lenient_because"), rs.getString("detected_charset"), dropped(rs.getString("dropped_reasons")));

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

    /** Records how the feed's last read went: leniently or not, in which detected character set, what it left out. */
    public void read(long id, FeedReader.Reading reading) {
        StringJoiner reasons = new StringJoiner(" ");
        reading.dropped().forEach((reason, count) -> reasons.add(reason.name() + "=" + count));
        jdbc.sql("""
                        UPDATE feed SET lenient_because = ?, detected_charset = ?, items_dropped = ?, dropped_reasons = ?
                        WHERE id = ?""")
                .params(cut(reading.feed().lenientBecause(), 1000), reading.feed().detectedCharset(),
                        reading.droppedCount(), reasons.length() == 0 ? null : reasons.toString(), id)
                .update();
    }

    public void failed(long id, String error, int failures, Instant now, Instant next) {
        jdbc.sql("UPDATE feed SET last_fetch_at = ?, last_error = ?, failures = ?, next_fetch_at = ? WHERE id = ?")
                .params(utc(now), cut(error, 1000), failures, utc(next), id)
                .update();
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    /** The reasons column read back; a reason this version no longer knows is left out. */
    private static Map<Dropped, Integer> dropped(String reasons) {
        Map<Dropped, Integer> dropped = new EnumMap<>(Dropped.class);
        if (reasons != null) {
            for (String pair : reasons.split(" ")) {
                String[] parts = pair.split("=");
                if (parts.length == 2 && Arrays.stream(Dropped.values()).anyMatch(reason -> reason.name().equals(parts[0]))) {
                    dropped.put(Dropped.valueOf(parts[0]), Integer.parseInt(parts[1]));
                }
            }
        }
        return Collections.unmodifiableMap(dropped);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
