package dev.newsdesk.article.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.newsdesk.MutableClock;
import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.TestNews;
import dev.newsdesk.article.ArticleChange;
import dev.newsdesk.article.ArticleChanges;
import dev.newsdesk.article.ArticleDesk;
import dev.newsdesk.article.ArticleStatus;
import dev.newsdesk.article.ChangeCursor;
import dev.newsdesk.article.Rubric;
import dev.newsdesk.site.Language;
import dev.newsdesk.site.SafeHtml;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Two nodes follow article changes on one database while other connections write articles: commits out of
 * order, a transaction held open over several polls, one rolled back, and one node stopped and started again
 * from the position it persisted. Each node has its own connection pool, its own cursor and its own clock,
 * which the test moves; the database alone decides which changes are visible when. Two followers in one JVM
 * prove this better than two application contexts would: the cursor is the whole of what a node does to
 * follow changes, and only here can the test hold the nodes' clocks. Runs on the test database, H2 or
 * PostgreSQL, whose sequences and snapshots behave alike in this.
 */
@NewsdeskTest
class ChangeFollowingAcrossNodesTest {

    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(30);
    /** Small, so that a poll reads several pages. */
    private static final int PAGE = 3;

    @Autowired DataSource dataSource;
    @Autowired DataSourceProperties database;
    @Autowired ArticleChanges changes;
    @Autowired TestNews news;
    @Autowired ArticleDesk desk;

    private final List<AutoCloseable> opened = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void closeConnections() throws Exception {
        for (AutoCloseable resource : opened.reversed()) {
            resource.close();
        }
    }

    @Test
    void everyNodeSeesEveryChangeOnceThroughLateCommitsASlowTransactionAndARestart() throws Exception {
        Rubric rubric = news.rubric();
        List<Long> stories = stories(rubric, 8);
        long start = changes.latest();
        Node steady = node(start);
        Node restarted = node(start);
        List<ArticleChange> committed = new ArrayList<>();

        // The slow transaction takes the first numbers and stays open over many polls.
        Writer slow = writer();
        ArticleChange slowRevision = slow.revise(stories.get(0));
        slow.write(rubric, "Написано в долгой транзакции");
        // "late" takes its number before "quick" and commits after it.
        Writer late = writer();
        late.revise(stories.get(1));
        Writer quick = writer();
        quick.revise(stories.get(2));
        committed.addAll(quick.commit());

        for (Node node : List.of(steady, restarted)) {
            assertThat(node.poll()).as("only the committed change is visible").containsExactlyElementsOf(committed);
        }
        committed.addAll(late.commit());
        Writer abandoned = writer();
        abandoned.revise(stories.get(3));
        abandoned.rollback();
        Writer several = writer();
        for (long story : stories.subList(4, 8)) {
            several.revise(story);
        }
        committed.addAll(several.commit());
        // Longer than a poll, shorter than the gap timeout.
        for (int poll = 0; poll < 5; poll++) {
            steady.poll();
            restarted.poll();
        }
        assertThat(restarted.position()).as("the slow transaction's gap is still open").isLessThan(slowRevision.seq());
        assertThat(restarted.received).as("changes above the gap were delivered")
                .anySatisfy(change -> assertThat(change.seq()).isGreaterThan(slowRevision.seq()));

        restarted.restart();
        steady.poll();
        restarted.poll();
        committed.addAll(slow.commit());
        steady.poll();
        restarted.poll();
        // The number the rolled-back transaction took is given up once the gap timeout has passed.
        steady.poll(GAP_TIMEOUT);
        restarted.poll(GAP_TIMEOUT);

        assertEachReceivedOnce(committed, steady, restarted);
    }

    @Test
    void everyNodeSeesEveryChangeOfConcurrentWritersOnce() throws Exception {
        Rubric rubric = news.rubric();
        List<Long> stories = stories(rubric, 120);
        long start = changes.latest();
        Node steady = node(start);
        Node restarted = node(start);
        Queue<Long> unwritten = new ConcurrentLinkedQueue<>(stories);
        List<ArticleChange> committed = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                writers.add(threads.submit(() -> {
                    Writer writer = writer();
                    Long story;
                    while ((story = unwritten.poll()) != null) {
                        // Each story is written once, so that no change hides another.
                        writer.revise(story);
                        Long another = unwritten.poll();
                        if (another != null) {
                            writer.revise(another);
                        }
                        if (ThreadLocalRandom.current().nextInt(4) == 0) {
                            writer.rollback();
                        } else {
                            committed.addAll(writer.commit());
                        }
                    }
                    return null;
                }));
            }
            // The clocks stand still while the writers run: any gap may belong to a transaction still open.
            Future<?> steadyFollowing = threads.submit(() -> {
                while (writing.get()) {
                    steady.poll(Duration.ZERO);
                }
                return null;
            });
            Future<?> restartedFollowing = threads.submit(() -> {
                for (int poll = 1; writing.get(); poll++) {
                    restarted.poll(Duration.ZERO);
                    if (poll % 2 == 0) {
                        restarted.restart();
                    }
                }
                return null;
            });
            for (Future<?> writer : writers) {
                writer.get(1, TimeUnit.MINUTES);
            }
            writing.set(false);
            steadyFollowing.get(1, TimeUnit.MINUTES);
            restartedFollowing.get(1, TimeUnit.MINUTES);
        } finally {
            threads.shutdownNow();
        }
        restarted.restart();
        for (Node node : List.of(steady, restarted)) {
            node.poll(Duration.ZERO);
            node.poll(GAP_TIMEOUT);
        }

        assertEachReceivedOnce(committed, steady, restarted);
    }

    private static void assertEachReceivedOnce(List<ArticleChange> committed, Node... nodes) {
        long last = committed.stream().mapToLong(ArticleChange::seq).max().orElseThrow();
        for (Node node : nodes) {
            assertThat(node.receivedOf(committed)).as("each committed change once").containsExactlyInAnyOrderElementsOf(committed);
            assertThat(node.received).extracting(ArticleChange::seq).as("nothing twice").doesNotHaveDuplicates();
            assertThat(node.position()).as("no gap left open").isGreaterThanOrEqualTo(last);
        }
    }

    private List<Long> stories(Rubric rubric, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(desk.submit(news.draft(Language.RU, rubric, "Сюжет " + i, null)));
        }
        return ids;
    }

    private Node node(long start) {
        Node node = new Node(start);
        opened.add(node);
        return node;
    }

    private Writer writer() throws SQLException {
        Writer writer = new Writer(dataSource.getConnection());
        opened.add(writer);
        return writer;
    }

    /** A node following changes: its own connections, cursor and clock, and every change it received. */
    private final class Node implements AutoCloseable {

        private final MutableClock clock = new MutableClock(Instant.parse("2026-01-06T10:00:00Z"));
        private final List<ArticleChange> received = new ArrayList<>();
        private HikariDataSource connections;
        private ChangeCursor<ArticleChange> cursor;
        /** What the node keeps beside its data (as the search index keeps it in its commit). */
        private String persisted;

        Node(long start) {
            open(ChangeCursor.Position.at(start));
        }

        private void open(ChangeCursor.Position position) {
            connections = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
            connections.setMaximumPoolSize(2);
            cursor = new ChangeCursor<>(new Articles(JdbcClient.create(connections), new NamedParameterJdbcTemplate(connections)), PAGE, position, clock, GAP_TIMEOUT);
            persisted = cursor.position().toString();
        }

        List<ArticleChange> poll() {
            return poll(POLL);
        }

        /** Polls after the node's clock has moved on by {@code elapsed}, then keeps what it received and its position. */
        List<ArticleChange> poll(Duration elapsed) {
            clock.advance(elapsed);
            List<ArticleChange> changes = cursor.poll();
            received.addAll(changes);
            persisted = cursor.position().toString();
            return changes;
        }

        /** Stops the node and starts it again from the position it persisted. */
        void restart() {
            connections.close();
            open(ChangeCursor.Position.parse(persisted));
        }

        long position() {
            return cursor.position().seq();
        }

        List<ArticleChange> receivedOf(List<ArticleChange> written) {
            List<Long> stories = written.stream().map(ArticleChange::articleId).toList();
            return received.stream().filter(change -> stories.contains(change.articleId())).toList();
        }

        @Override
        public void close() {
            connections.close();
        }
    }

    /** Transactions on a connection of their own, each open until the test commits or rolls it back. */
    private static final class Writer implements AutoCloseable {

        private final Connection connection;
        private final Articles articles;
        private final List<ArticleChange> written = new ArrayList<>();

        Writer(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            SingleConnectionDataSource single = new SingleConnectionDataSource(connection, true);
            this.articles = new Articles(JdbcClient.create(single), new NamedParameterJdbcTemplate(single));
        }

        ArticleChange revise(long story) {
            articles.illustrate(story, null, Instant.now());
            return written(story);
        }

        ArticleChange write(Rubric rubric, String title) {
            return written(articles.insert(new Articles.Content(Language.RU, rubric.id(), null, null, null, title,
                    Slugs.of(title), null, null, new SafeHtml("<p>" + title + ".</p>"), null, null, null, null),
                    ArticleStatus.DRAFT, Instant.now()));
        }

        private ArticleChange written(long story) {
            ArticleChange change = new ArticleChange(story, articles.find(story).orElseThrow().changeSeq());
            written.add(change);
            return change;
        }

        List<ArticleChange> commit() throws SQLException {
            connection.commit();
            List<ArticleChange> committed = List.copyOf(written);
            written.clear();
            return committed;
        }

        void rollback() throws SQLException {
            connection.rollback();
            written.clear();
        }

        @Override
        public void close() throws SQLException {
            connection.rollback();
            connection.close();
        }
    }
}
