package dev.newsdesk.article.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.newsdesk.article.ArticleSettings;
import dev.newsdesk.article.ChangeCursor;
import dev.newsdesk.article.Rubrics;
import dev.newsdesk.article.Sources;
import dev.newsdesk.site.PagesChanged;
import dev.newsdesk.site.SharedPage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Carries {@link PagesChanged} events to every node through the {@code page_change} table. An event published
 * to reach every node is written there in the publisher's transaction (so it is logged if and only if the
 * change commits); every node follows the table with a {@link ChangeCursor}, the same gap-safe follower as
 * article changes, every {@link ArticleSettings#changePoll()} ({@link ChangeFollowing}), and republishes what
 * it reads {@link PagesChanged#onThisNode() on this node only}, for its page cache.
 * <p>
 * It lives in the article module, not in the site's, because this module owns the change cursor and already
 * follows changes on every node; any module publishes the event without knowing of it. Rubric and source
 * edits travel the same way: before the pages, a node drops the rubrics or sources it holds in memory, so
 * that a page rendered after the drop shows the new names. Rows older than {@link #KEPT} are pruned.
 */
@Component
class PageChangeLog implements ChangeCursor.ChangeLog<PageChangeLog.PageChange> {

    /** How long rows stay: far longer than any follower can fall behind. */
    static final Duration KEPT = Duration.ofHours(1);
    /** Tags written per row at most, to stay within the column. */
    static final int ROW_CHARACTERS = 3900;
    static final int PAGE = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Rubrics rubrics;
    private final Sources sources;
    private final ApplicationEventPublisher events;
    private final ChangeCursor<PageChange> cursor;
    private Instant lastPrune;

    PageChangeLog(JdbcClient jdbc, Clock clock, ArticleSettings settings, Rubrics rubrics, Sources sources,
                  ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rubrics = rubrics;
        this.sources = sources;
        this.events = events;
        long latest = jdbc.sql("SELECT coalesce(max(seq), 0) FROM page_change").query(Long.class).single();
        // Starts behind the newest, as the archive does, for a change that took its seq before this node started.
        this.cursor = new ChangeCursor<>(this, PAGE, ChangeCursor.Position.at(Math.max(0, latest - PAGE)), clock,
                settings.changeGapTimeout());
        this.lastPrune = clock.instant();
    }

    /** One row: the tags of the pages that changed. */
    record PageChange(long seq, Set<String> tags) implements ChangeCursor.Change {
    }

    /** Logs a change that every node must hear of, in the publisher's transaction when there is one. */
    @EventListener
    void on(PagesChanged changed) {
        if (changed.reach() != PagesChanged.Reach.EVERY_NODE || changed.tags().isEmpty()) {
            return;
        }
        for (String row : rows(changed.tags())) {
            jdbc.sql("INSERT INTO page_change (seq, tags, changed_at) VALUES (nextval('page_change_seq'), ?, ?)")
                    .params(row, clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
        }
    }

    /**
     * Reads the changes logged since the last call and tells this node of them. A failure reaches the caller,
     * and the next call reads the same changes again.
     */
    void follow() {
        Set<String> tags = new LinkedHashSet<>();
        cursor.poll().forEach(change -> tags.addAll(change.tags()));
        if (!tags.isEmpty()) {
            if (tags.contains(PagesChanged.RUBRICS)) {
                rubrics.reload();
            }
            if (tags.contains(PagesChanged.SOURCES)) {
                sources.reload();
            }
            events.publishEvent(PagesChanged.of(tags).onThisNode());
        }
        pruneHourly();
    }

    @Override
    public List<PageChange> after(long seq, int limit) {
        return jdbc.sql("SELECT seq, tags FROM page_change WHERE seq > ? ORDER BY seq LIMIT ?")
                .params(seq, limit)
                .query((rs, row) -> new PageChange(rs.getLong(1), SharedPage.tags(rs.getString(2))))
                .list();
    }

    @Override
    public List<PageChange> between(long from, long to) {
        return jdbc.sql("SELECT seq, tags FROM page_change WHERE seq BETWEEN ? AND ? ORDER BY seq")
                .params(from, to)
                .query((rs, row) -> new PageChange(rs.getLong(1), SharedPage.tags(rs.getString(2))))
                .list();
    }

    private void pruneHourly() {
        Instant now = clock.instant();
        if (now.isAfter(lastPrune.plus(KEPT))) {
            jdbc.sql("DELETE FROM page_change WHERE changed_at < ?").param(now.minus(KEPT).atOffset(ZoneOffset.UTC)).update();
            lastPrune = now;
        }
    }

    /** The tags, space-separated, in rows that fit the column. */
    static List<String> rows(Set<String> tags) {
        List<String> rows = new ArrayList<>();
        StringBuilder row = new StringBuilder();
        for (String tag : tags) {
            if (!row.isEmpty() && row.length() + 1 + tag.length() > ROW_CHARACTERS) {
                rows.add(row.toString());
                row.setLength(0);
            }
            row.append(row.isEmpty() ? "" : " ").append(tag);
        }
        if (!row.isEmpty()) {
            rows.add(row.toString());
        }
        return rows;
    }
}
