package dev.newsdesk.ingest.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.newsdesk.ingest.dedupe.MinHash;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The items feeds have produced, each tied to its article, with what it takes to recognise it again. */
@Repository
public class FeedItems {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    FeedItems(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A stored item: its article, the hash of its content, its signature, and when it was published. */
    public record StoredItem(long id, long feedId, long sourceId, long articleId, String contentHash, int[] signature,
                             Instant publishedAt, String link) {
    }

    private static final String COLUMNS = "id, feed_id, source_id, article_id, content_hash, signature, published_at, link";

    public Optional<StoredItem> byKey(long feedId, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM feed_item WHERE feed_id = ? AND item_key = ?")
                .params(feedId, key).query(this::row).optional();
    }

    public Optional<StoredItem> byLink(long sourceId, String link) {
        return link == null ? Optional.empty() : jdbc.sql("SELECT " + COLUMNS + " FROM feed_item WHERE source_id = ? "
                        + "AND link = ? ORDER BY id DESC LIMIT 1")
                .params(sourceId, link).query(this::row).optional();
    }

    /** Items first seen since {@code since} that share a band with {@code signature}: the candidates for the same story. */
    public List<StoredItem> candidates(int[] signature, Instant since) {
        Long[] bands = Arrays.stream(MinHash.bands(signature)).boxed().toArray(Long[]::new);
        return jdbc.sql("SELECT DISTINCT i." + COLUMNS.replace(", ", ", i.") + " FROM feed_item i "
                        + "JOIN feed_item_band b ON b.item_id = i.id "
                        + "WHERE b.band_hash IN (:bands) AND i.first_seen_at >= :since")
                .param("bands", List.of(bands))
                .param("since", Feeds.utc(since))
                .query(this::row)
                .list();
    }

    /** Records a new item; {@code dateAssumed} when the item gave no usable date and {@code publishedAt} is a guess. */
    public long insert(long feedId, long sourceId, String key, String link, long articleId, String contentHash,
                       int[] signature, Instant publishedAt, boolean dateAssumed, Instant now) {
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO feed_item (feed_id, source_id, item_key, link, article_id, content_hash, signature,
                            published_at, date_assumed, first_seen_at, last_seen_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(feedId, sourceId, key, link, articleId, contentHash, MinHash.encode(signature),
                        Feeds.utc(publishedAt), dateAssumed, Feeds.utc(now), Feeds.utc(now))
                .update(id, "id");
        long itemId = id.getKeyAs(Long.class);
        List<Object[]> bands = Arrays.stream(MinHash.bands(signature)).distinct()
                .mapToObj(band -> new Object[] {band, itemId}).toList();
        batch.batchUpdate("INSERT INTO feed_item_band (band_hash, item_id) VALUES (?, ?)", bands);
        return itemId;
    }

    /** Records a new version of an item's content. */
    public void revised(long itemId, String contentHash, int[] signature, Instant now) {
        jdbc.sql("UPDATE feed_item SET content_hash = ?, signature = ?, last_seen_at = ? WHERE id = ?")
                .params(contentHash, MinHash.encode(signature), Feeds.utc(now), itemId).update();
        jdbc.sql("DELETE FROM feed_item_band WHERE item_id = ?").param(itemId).update();
        List<Object[]> bands = Arrays.stream(MinHash.bands(signature)).distinct()
                .mapToObj(band -> new Object[] {band, itemId}).toList();
        batch.batchUpdate("INSERT INTO feed_item_band (band_hash, item_id) VALUES (?, ?)", bands);
    }

    public void seen(long itemId, Instant now) {
        jdbc.sql("UPDATE feed_item SET last_seen_at = ? WHERE id = ?").params(Feeds.utc(now), itemId).update();
    }

    public void similar(long articleId, long similarId, double score) {
        jdbc.sql("""
                        MERGE INTO story_similarity t
                        USING (VALUES (CAST(? AS bigint), CAST(? AS bigint), CAST(? AS real))) AS v (article_id, similar_id, score)
                        ON t.article_id = v.article_id AND t.similar_id = v.similar_id
                        WHEN MATCHED THEN UPDATE SET score = v.score
                        WHEN NOT MATCHED THEN INSERT (article_id, similar_id, score) VALUES (v.article_id, v.similar_id, v.score)""")
                .params(articleId, similarId, score).update();
    }

    /** The articles of the latest items of a feed, newest first. */
    public List<Long> latestArticles(long feedId, int limit) {
        return jdbc.sql("SELECT article_id FROM feed_item WHERE feed_id = ? ORDER BY first_seen_at DESC, id DESC LIMIT ?")
                .params(feedId, limit).query(Long.class).list();
    }

    /** The article an item (by GUID or address) became, if it did. */
    public Optional<Long> articleOf(long feedId, String key) {
        return jdbc.sql("SELECT article_id FROM feed_item WHERE feed_id = ? AND item_key = ?")
                .params(feedId, key).query(Long.class).optional();
    }

    private StoredItem row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredItem(rs.getLong("id"), rs.getLong("feed_id"), rs.getLong("source_id"), rs.getLong("article_id"),
                rs.getString("content_hash"), MinHash.decode(rs.getString("signature")),
                Feeds.instant(rs, "published_at"), rs.getString("link"));
    }
}
