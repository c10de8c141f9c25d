package dev.newsdesk.stats.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored view figures: a running total per article, hourly figures for "most read", and daily
 * figures (UTC days) kept for charts.
 */
@Repository
public class ViewLedger {

    private static final String ADD_TOTAL = """
            MERGE INTO article_view_total t
            USING (VALUES (CAST(? AS bigint), CAST(? AS bigint))) AS v (article_id, views)
            ON t.article_id = v.article_id
            WHEN MATCHED THEN UPDATE SET views = t.views + v.views
            WHEN NOT MATCHED THEN INSERT (article_id, views) VALUES (v.article_id, v.views)""";

    private static final String ADD_HOURLY = """
            MERGE INTO article_view_hourly t
            USING (VALUES (CAST(? AS bigint), CAST(? AS timestamp with time zone), CAST(? AS bigint))) AS v (article_id, view_hour, views)
            ON t.article_id = v.article_id AND t.view_hour = v.view_hour
            WHEN MATCHED THEN UPDATE SET views = t.views + v.views
            WHEN NOT MATCHED THEN INSERT (article_id, view_hour, views) VALUES (v.article_id, v.view_hour, v.views)""";

    private static final String ADD_DAILY = """
            MERGE INTO article_view_daily t
            USING (VALUES (CAST(? AS bigint), CAST(? AS date), CAST(? AS bigint))) AS v (article_id, view_date, views)
            ON t.article_id = v.article_id AND t.view_date = v.view_date
            WHEN MATCHED THEN UPDATE SET views = t.views + v.views
            WHEN NOT MATCHED THEN INSERT (article_id, view_date, views) VALUES (v.article_id, v.view_date, v.views)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;

    ViewLedger(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = transaction;
    }

    /** Adds {@code views} (article id to count) seen at {@code at} to the total, the hour and the day, in one transaction. */
    public void add(Map<Long, Long> views, Instant at) {
        Timestamp hour = Timestamp.from(at.truncatedTo(ChronoUnit.HOURS));
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        List<Object[]> totals = new ArrayList<>(views.size());
        List<Object[]> hourly = new ArrayList<>(views.size());
        List<Object[]> daily = new ArrayList<>(views.size());
        views.forEach((articleId, count) -> {
            totals.add(new Object[] {articleId, count});
            hourly.add(new Object[] {articleId, hour, count});
            daily.add(new Object[] {articleId, day, count});
        });
        transaction.executeWithoutResult(status -> {
            batch.batchUpdate(ADD_TOTAL, totals);
            batch.batchUpdate(ADD_HOURLY, hourly);
            batch.batchUpdate(ADD_DAILY, daily);
        });
    }

    public long total(long articleId) {
        return jdbc.sql("SELECT views FROM article_view_total WHERE article_id = ?")
                .param(articleId)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /** Views of one article per day, oldest first. */
    public List<DailyViews> daily(long articleId) {
        return jdbc.sql("SELECT view_date, views FROM article_view_daily WHERE article_id = ? ORDER BY view_date")
                .param(articleId)
                .query((rs, row) -> new DailyViews(rs.getObject(1, LocalDate.class), rs.getLong(2)))
                .list();
    }

    /** The ids of the articles most viewed since {@code since} (to the hour), most viewed first. */
    public List<Long> mostRead(Instant since, int limit) {
        return jdbc.sql("""
                        SELECT article_id FROM article_view_hourly
                        WHERE view_hour >= ?
                        GROUP BY article_id
                        ORDER BY SUM(views) DESC, article_id DESC
                        LIMIT ?""")
                .param(Timestamp.from(since.truncatedTo(ChronoUnit.HOURS)))
                .param(limit)
                .query(Long.class)
                .list();
    }

    public void pruneHourly(Instant before) {
        jdbc.sql("DELETE FROM article_view_hourly WHERE view_hour < ?").param(Timestamp.from(before)).update();
    }

    /** The views of one article on one (UTC) day. */
    public record DailyViews(LocalDate day, long views) {
    }
}
