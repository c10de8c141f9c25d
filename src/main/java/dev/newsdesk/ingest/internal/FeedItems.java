package dev.newsdesk.ingest.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.newsdesk.ingest.dedupe.MinHash;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
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

    /** An item to record: what {@link #insert} takes, for {@link #insertAll}. */
    public record NewItem(long feedId, long sourceId, String key, String link, long articleId, String contentHash,
                          int[] signature, Instant publishedAt, boolean dateAssumed) {
    }

    /** Two articles that tell the same story, and how alike they are (0 to 1). */
    public record Similarity(long articleId, long similarId, double score) {
    }

    /** The feed's stored items under {@code keys}, by key. */
    public Map<String, StoredItem> byKeys(long feedId, List<String> keys) {
        Map<String, StoredItem> found = new HashMap<>();
        among("item_key", keys, "i.feed_id = ?", feedId).forEach(item -> found.put(item.getKey(), item.getValue()));
        return found;
    }

    /** The latest stored item of the source at each of {@code links}, by link. */
    public Map<String, StoredItem> byLinks(long sourceId, List<String> links) {
        Map<String, StoredItem> found = new HashMap<>();
        among("link", links, "i.source_id = ?", sourceId).forEach(item -> found.put(item.getKey(), item.getValue()));
        return found;
    }

    /**
     * The items whose {@code column} holds one of {@code values} and that meet {@code condition}, oldest first,
     * each with the value it matched. The values are joined as a table rather than listed with IN, so that H2
     * looks each one up in the index that starts with the condition's column instead of reading every item of
     * the feed or source.
     */
    private List<Map.Entry<String, StoredItem>> among(String column, List<String> values, String condition, long id) {
        if (values.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(values);
        params.add(id);
        return jdbc.sql("SELECT v.wanted, i." + COLUMNS.replace(", ", ", i.") + " FROM (VALUES "
                        + String.join(", ", Collections.nCopies(values.size(), "(CAST(? AS varchar))"))
                        + ") AS v (wanted) JOIN feed_item i ON i." + column + " = v.wanted AND " + condition
                        + " ORDER BY i.id")
                .params(params)
                .query((rs, row) -> Map.entry(rs.getString("wanted"), row(rs, row)))
                .list();
    }

    /**
     * Items first seen since {@code since} that share a band with any of {@code signatures}: the candidates for
     * the same story as one of them, in one query. Which of them a candidate may tell is for the caller to see
     * ({@link MinHash#bands}).
     */
    public List<StoredItem> candidates(Collection<int[]> signatures, Instant since) {
        List<Long> bands = signatures.stream().flatMapToLong(signature -> Arrays.stream(MinHash.bands(signature)))
                .distinct().boxed().toList();
        if (bands.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT DISTINCT i." + COLUMNS.replace(", ", ", i.") + " FROM feed_item i "
                        + "JOIN feed_item_band b ON b.item_id = i.id "
                        + "WHERE b.band_hash IN (:bands) AND i.first_seen_at >= :since")
                .param("bands", bands)
                .param("since", Feeds.utc(since))
                .query(this::row)
                .list();
    }

    /**
     * Records new items in one batch, with their bands, and answers their ids in order. An item whose key the
     * feed already has fails the whole batch (the unique key), as in {@link #insert}.
     */
    public List<Long> insertAll(List<NewItem> items, Instant now) {
        if (items.isEmpty()) {
            return List.of();
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        batch.batchUpdate(connection -> connection.prepareStatement("""
                        INSERT INTO feed_item (feed_id, source_id, item_key, link, article_id, content_hash, signature,
                            published_at, date_assumed, first_seen_at, last_seen_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws SQLException {
                        NewItem item = items.get(i);
                        statement.setLong(1, item.feedId());
                        statement.setLong(2, item.sourceId());
                        statement.setString(3, item.key());
                        statement.setString(4, item.link());
                        statement.setLong(5, item.articleId());
                        statement.setString(6, item.contentHash());
                        statement.setString(7, MinHash.encode(item.signature()));
                        statement.setObject(8, Feeds.utc(item.publishedAt()));
                        statement.setBoolean(9, item.dateAssumed());
                        statement.setObject(10, Feeds.utc(now));
                        statement.setObject(11, Feeds.utc(now));
                    }

                    @Override
                    public int getBatchSize() {
                        return items.size();
                    }
                }, keys);
        List<Long> ids = keys.getKeyList().stream().map(key -> ((Number) key.values().iterator().next()).longValue()).toList();
        if (ids.size() != items.size()) {
            throw new IllegalStateException("The database answered " + ids.size() + " ids for " + items.size() + " items");
        }
        List<Object[]> bands = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            long itemId = ids.get(i);
            Arrays.stream(MinHash.bands(items.get(i).signature())).distinct()
                    .forEach(band -> bands.add(new Object[] {band, itemId}));
        }
        batch.batchUpdate("INSERT INTO feed_item_band (band_hash, item_id) VALUES (?, ?)", bands);
        return ids;
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

    /** Records that the items were seen again, unchanged, in one batch. */
    public void seenAll(List<Long> itemIds, Instant now) {
        if (!itemIds.isEmpty()) {
            batch.batchUpdate("UPDATE feed_item SET last_seen_at = ? WHERE id = ?",
                    itemIds.stream().map(id -> new Object[] {Feeds.utc(now), id}).toList());
        }
    }

    /** Records pairs of articles that tell the same story, or their new scores, in one batch. */
    public void similarAll(List<Similarity> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                        MERGE INTO story_similarity t
                        USING (VALUES (CAST(? AS bigint), CAST(? AS bigint), CAST(? AS real))) AS v (article_id, similar_id, score)
                        ON t.article_id = v.article_id AND t.similar_id = v.similar_id
                        WHEN MATCHED THEN UPDATE SET score = v.score
                        WHEN NOT MATCHED THEN INSERT (article_id, similar_id, score) VALUES (v.article_id, v.similar_id, v.score)""",
                pairs.stream().map(pair -> new Object[] {pair.articleId(), pair.similarId(), pair.score()}).toList());
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
