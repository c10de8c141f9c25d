package dev.newsdesk.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Follows article changes in {@code change_seq} order, delivering each change once and missing none.
 * <p>
 * A sequence value is taken before its transaction commits, so values become visible out of order:
 * when seq 7 shows up while seq 6 does not, 6 may belong to a transaction that is still running. The
 * cursor keeps such a gap open, re-reading just the missing values on every {@link #poll()}, until the
 * value above the gap has been known for longer than {@code gapTimeout} (which must exceed the longest
 * transaction that writes articles); only then does it give the gap up. Most gaps are permanent and
 * harmless: a row updated twice between polls keeps only its second value, and a rolled-back
 * transaction leaves a hole. Open gaps never delay the delivery of the changes after them.
 * <p>
 * {@link #position()} is where a follower that persists its progress (the search index) may safely
 * resume. One follower polls a cursor; its methods are synchronized for the odd reader of its position.
 */
public final class ChangeCursor {

    /** More open gaps than this are re-read as one span between the first and the last. */
    static final int MAX_GAP_QUERIES = 20;

    /** Reads committed changes from the article table. */
    public interface ChangeLog {

        /** Changes with a seq greater than {@code seq}, in seq order, at most {@code limit}. */
        List<ArticleChange> after(long seq, int limit);

        /** Changes with a seq from {@code from} to {@code to}, both included. */
        List<ArticleChange> between(long from, long to);
    }

    private final ChangeLog log;
    private final int pageSize;
    private final Clock clock;
    private final Duration gapTimeout;
    /** Delivered changes above the position (kept while a gap below them is open), with when each was first seen. */
    private final TreeMap<Long, Instant> deliveredAbovePosition = new TreeMap<>();
    private long position;

    /** A cursor that takes every change at or below {@code position} as already seen. */
    public ChangeCursor(ChangeLog log, int pageSize, long position, Clock clock, Duration gapTimeout) {
        this.log = log;
        this.pageSize = pageSize;
        this.position = position;
        this.clock = clock;
        this.gapTimeout = gapTimeout;
    }

    /**
     * The changes committed since the last poll, late commits into open gaps first, then new ones in seq
     * order. A poll that throws counts nothing as delivered: the next one returns the same changes again.
     */
    public synchronized List<ArticleChange> poll() {
        Instant now = clock.instant();
        TreeMap<Long, ArticleChange> received = new TreeMap<>();
        for (long[] gap : openGaps()) {
            receive(log.between(gap[0], gap[1]), received);
        }
        long highest = highestDelivered();
        List<ArticleChange> page;
        do {
            page = log.after(highest, pageSize);
            receive(page, received);
            highest = page.isEmpty() ? highest : page.getLast().seq();
        } while (page.size() == pageSize);
        // Stamped after the reads, so that a gap is waited for from no earlier than the read that found it.
        Instant seen = clock.instant();
        received.keySet().forEach(seq -> deliveredAbovePosition.put(seq, seen));
        advance(now);
        return List.copyOf(received.values());
    }

    /** Every change with a seq at or below this has been delivered, or given up as never to come. */
    public synchronized long position() {
        return position;
    }

    private void receive(List<ArticleChange> changes, TreeMap<Long, ArticleChange> received) {
        for (ArticleChange change : changes) {
            if (change.seq() > position && !deliveredAbovePosition.containsKey(change.seq())) {
                received.putIfAbsent(change.seq(), change);
            }
        }
    }

    private long highestDelivered() {
        return deliveredAbovePosition.isEmpty() ? position : deliveredAbovePosition.lastKey();
    }

    /** The runs of seqs between the position and the highest delivered change that have not been seen. */
    private List<long[]> openGaps() {
        List<long[]> gaps = new ArrayList<>();
        long previous = position;
        for (long seq : deliveredAbovePosition.keySet()) {
            if (seq > previous + 1) {
                gaps.add(new long[] {previous + 1, seq - 1});
            }
            previous = seq;
        }
        if (gaps.size() > MAX_GAP_QUERIES) {
            return List.of(new long[] {gaps.getFirst()[0], gaps.getLast()[1]});
        }
        return gaps;
    }

    private void advance(Instant now) {
        while (!deliveredAbovePosition.isEmpty()) {
            Map.Entry<Long, Instant> next = deliveredAbovePosition.firstEntry();
            boolean contiguous = next.getKey() == position + 1;
            boolean gapExpired = !now.isBefore(next.getValue().plus(gapTimeout));
            if (!contiguous && !gapExpired) {
                return;
            }
            position = next.getKey();
            deliveredAbovePosition.pollFirstEntry();
        }
    }
}
