package dev.newsdesk.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

import dev.newsdesk.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChangeCursorTest {

    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(30);

    private final CommittedChanges table = new CommittedChanges();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-06T10:00:00Z"));
    private final ChangeCursor<ArticleChange> cursor = new ChangeCursor<>(table, 3, ChangeCursor.Position.at(0), clock, GAP_TIMEOUT);

    @Test
    void deliversChangesInOrderOnce() {
        table.commit(1, 101).commit(2, 102);

        assertThat(cursor.poll()).containsExactly(change(101, 1), change(102, 2));
        assertThat(cursor.poll()).isEmpty();
        assertThat(cursor.position().seq()).isEqualTo(2);
    }

    @Test
    void deliversATransactionThatCommitsAfterALaterOne() {
        // Seq 1 was taken by a transaction that is still running when seq 2 commits.
        table.commit(2, 102);
        assertThat(cursor.poll()).containsExactly(change(102, 2));
        assertThat(cursor.position().seq()).as("the gap at 1 stays open").isZero();

        clock.advance(GAP_TIMEOUT.minusSeconds(1));
        table.commit(1, 101);

        assertThat(cursor.poll()).containsExactly(change(101, 1));
        assertThat(cursor.position().seq()).isEqualTo(2);
    }

    @Test
    void givesUpAGapOnlyAfterTheTimeout() {
        table.commit(2, 102).commit(5, 105);
        cursor.poll();

        clock.advance(GAP_TIMEOUT.minusSeconds(1));
        assertThat(cursor.poll()).isEmpty();
        assertThat(cursor.position().seq()).isZero();

        clock.advance(Duration.ofSeconds(1));
        assertThat(cursor.poll()).isEmpty();
        assertThat(cursor.position().seq()).isEqualTo(5);
    }

    @Test
    void anOpenGapDoesNotHoldBackLaterChanges() {
        table.commit(2, 102);
        cursor.poll();
        table.commit(3, 103).commit(4, 104).commit(5, 105).commit(6, 106).commit(7, 107);

        assertThat(cursor.poll()).extracting(ArticleChange::seq).containsExactly(3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void readsPastAFullPage() {
        for (long seq = 1; seq <= 10; seq++) {
            table.commit(seq, 100 + seq);
        }

        assertThat(cursor.poll()).hasSize(10);
        assertThat(cursor.position().seq()).isEqualTo(10);
    }

    @Test
    void manyGapsAreReadAsOneSpan() {
        for (long seq = 2; seq <= 2 * (ChangeCursor.MAX_GAP_QUERIES + 5); seq += 2) {
            table.commit(seq, seq);
        }
        cursor.poll();
        table.commit(7, 7);

        assertThat(cursor.poll()).containsExactly(change(7, 7));
        assertThat(table.spanReads).isPositive();
    }

    @Test
    void resumesFromAPersistedPositionWithoutDeliveringAnythingAgain() {
        table.commit(2, 102).commit(3, 103).commit(5, 105);
        cursor.poll();
        String persisted = cursor.position().toString();
        assertThat(persisted).isEqualTo("0:2-3,5");

        clock.advance(Duration.ofSeconds(20));
        ChangeCursor<ArticleChange> resumed = new ChangeCursor<>(table, 3, ChangeCursor.Position.parse(persisted), clock, GAP_TIMEOUT);
        assertThat(resumed.poll()).isEmpty();
        table.commit(4, 104).commit(6, 106);
        clock.advance(Duration.ofSeconds(20));

        assertThat(resumed.poll()).containsExactly(change(104, 4), change(106, 6));
        assertThat(resumed.position()).as("the gap at 1 is waited for from the restart")
                .isEqualTo(new ChangeCursor.Position(0, List.of(2L, 3L, 4L, 5L, 6L)));
        clock.advance(Duration.ofSeconds(10));
        assertThat(resumed.poll()).isEmpty();
        assertThat(resumed.position()).isEqualTo(ChangeCursor.Position.at(6));
    }

    /**
     * The second poll below reads the gap at 1, then three pages: four queries. Whichever of them fails,
     * the failed poll counts nothing as delivered and the next one delivers every change once.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void aPollThatFailsPartWayDeliversItsChangesWithTheNextPoll(int failingQuery) {
        FailingChanges failing = new FailingChanges(table);
        ChangeCursor<ArticleChange> cursor = new ChangeCursor<>(failing, 3, ChangeCursor.Position.at(0), clock, GAP_TIMEOUT);
        table.commit(2, 102);
        assertThat(cursor.poll()).containsExactly(change(102, 2));
        table.commit(1, 101);
        for (long seq = 3; seq <= 8; seq++) {
            table.commit(seq, 100 + seq);
        }

        failing.failQuery(failingQuery);
        assertThatThrownBy(cursor::poll).isInstanceOf(IllegalStateException.class);
        List<ArticleChange> next = cursor.poll();

        assertThat(next).extracting(ArticleChange::seq).containsExactly(1L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(cursor.poll()).isEmpty();
        assertThat(cursor.position().seq()).isEqualTo(8);
    }

    private static ArticleChange change(long articleId, long seq) {
        return new ArticleChange(articleId, seq);
    }

    /** The committed rows of the article table, as the cursor would read them. */
    static final class CommittedChanges implements ChangeCursor.ChangeLog<ArticleChange> {

        private final TreeMap<Long, Long> articleBySeq = new TreeMap<>();
        int spanReads;

        CommittedChanges commit(long seq, long articleId) {
            articleBySeq.put(seq, articleId);
            return this;
        }

        @Override
        public List<ArticleChange> after(long seq, int limit) {
            return articleBySeq.tailMap(seq, false).entrySet().stream().limit(limit)
                    .map(entry -> new ArticleChange(entry.getValue(), entry.getKey())).toList();
        }

        @Override
        public List<ArticleChange> between(long from, long to) {
            if (to - from > 1) {
                spanReads++;
            }
            return articleBySeq.subMap(from, true, to, true).entrySet().stream()
                    .map(entry -> new ArticleChange(entry.getValue(), entry.getKey())).toList();
        }
    }

    /** Committed changes read through a database that fails on one chosen query. */
    static final class FailingChanges implements ChangeCursor.ChangeLog<ArticleChange> {

        private final ChangeCursor.ChangeLog<ArticleChange> table;
        private int queriesUntilFailure;

        FailingChanges(ChangeCursor.ChangeLog<ArticleChange> table) {
            this.table = table;
        }

        /** The {@code n}th query from now fails; the ones after it succeed again. */
        void failQuery(int n) {
            queriesUntilFailure = n;
        }

        @Override
        public List<ArticleChange> after(long seq, int limit) {
            failIfDue();
            return table.after(seq, limit);
        }

        @Override
        public List<ArticleChange> between(long from, long to) {
            failIfDue();
            return table.between(from, to);
        }

        private void failIfDue() {
            if (queriesUntilFailure > 0 && --queriesUntilFailure == 0) {
                throw new IllegalStateException("the connection to the database was lost");
            }
        }
    }
}
