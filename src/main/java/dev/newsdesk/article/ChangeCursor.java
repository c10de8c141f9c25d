package dev.newsdesk.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Follows changes (to articles, to pages) in seq order, delivering each change once and missing none.
 * <p>
 * A sequence value is taken before its transaction commits, so values become visible out of order:
 * when seq 7 shows up while seq 6 does not, 6 may belong to a transaction that is still running. The
 * cursor keeps such a gap open, re-reading just the missing values on every {@link #poll()}, until the
 * value above the gap has been known for longer than {@code gapTimeout} (which must exceed the longest
 * transaction that writes articles); only then does it give the gap up. Most gaps are permanent and
 * harmless: a row updated twice between polls keeps only its second value, and a rolled-back
 * transaction leaves a hole. Open gaps never delay the delivery of the changes after them.
 * <p>
 * A change counts as delivered when the {@link #poll()} that read it returns; a poll that throws delivers
 * nothing, and the next one reads the same changes again. A follower that persists its progress (the search
 * index, in its commit) stores {@link #position()} once it has applied a poll's changes; a cursor made from
 * that position resumes there and delivers none of them again. The position holds the changes delivered
 * above an open gap as well as the seq below which all is settled, because resuming from the seq alone
 * would deliver those a second time. A resumed cursor waits a whole {@code gapTimeout} for the gaps it
 * inherits, not knowing how long they have been open.
 * <p>
 * One follower polls a cursor; its methods are synchronized for the odd reader of its position.
 */
public final class ChangeCursor<C extends ChangeCursor.Change> {

    /** More open gaps than this are re-read as one span between the first and the last. */
    static final int MAX_GAP_QUERIES = 20;

    /** One change in a log: the seq it took when it was written. */
    public interface Change {

        long seq();
    }

    /** Reads committed changes from a table whose rows take their seq from a sequence (articles, page changes). */
    public interface ChangeLog<C extends Change> {

        /** Changes with a seq greater than {@code seq}, in seq order, at most {@code limit}. */
        List<C> after(long seq, int limit);

        /** Changes with a seq from {@code from} to {@code to}, both included. */
        List<C> between(long from, long to);
    }

    /**
     * Where a cursor stands: every change with a seq at or below {@code seq} has been delivered or given up,
     * and so has each change in {@code deliveredAbove} (ascending, all above {@code seq}). {@link #toString()}
     * is the form to persist, such as {@code 120:125-130,140}; {@link #parse} reads it back.
     */
    public record Position(long seq, List<Long> deliveredAbove) {

        public Position {
            deliveredAbove = List.copyOf(deliveredAbove);
            long previous = seq;
            for (long delivered : deliveredAbove) {
                if (delivered <= previous) {
                    throw new IllegalArgumentException("Delivered changes must rise above " + seq + ": " + deliveredAbove);
                }
                previous = delivered;
            }
        }

        /** The position of a cursor that takes every change at or below {@code seq} as seen, and none above. */
        public static Position at(long seq) {
            return new Position(seq, List.of());
        }

        /** Reads back a position from its {@link #toString()}. */
        public static Position parse(String text) {
            String[] parts = text.strip().split(":", 2);
            List<Long> deliveredAbove = new ArrayList<>();
            if (parts.length == 2) {
                for (String run : parts[1].split(",")) {
                    int dash = run.indexOf('-');
                    long first = Long.parseLong(dash < 0 ? run : run.substring(0, dash));
                    long last = dash < 0 ? first : Long.parseLong(run.substring(dash + 1));
                    for (long seq = first; seq <= last; seq++) {
                        deliveredAbove.add(seq);
                    }
                }
            }
            return new Position(Long.parseLong(parts[0]), deliveredAbove);
        }

        /** The seq, then the delivered changes above it as runs of consecutive seqs: {@code 120:125-130,140}. */
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder().append(seq);
            int first = 0;
            while (first < deliveredAbove.size()) {
                int last = first;
                while (last + 1 < deliveredAbove.size() && deliveredAbove.get(last + 1) == deliveredAbove.get(last) + 1) {
                    last++;
                }
                text.append(first == 0 ? ':' : ',').append(deliveredAbove.get(first));
                if (last > first) {
                    text.append('-').append(deliveredAbove.get(last));
                }
                first = last + 1;
            }
            return text.toString();
        }
    }

    private final ChangeLog<C> log;
    private final int pageSize;
    private final Clock clock;
    private final Duration gapTimeout;
    /** Every change at or below this has been delivered, or given up as never to come. */
    private long settled;
    /** Delivered changes above {@link #settled} (kept while a gap below them is open), with when each was first seen. */
    private final TreeMap<Long, Instant> deliveredAbove = new TreeMap<>();

    /** A cursor that delivers what was not delivered at {@code position}. */
    public ChangeCursor(ChangeLog<C> log, int pageSize, Position position, Clock clock, Duration gapTimeout) {
        this.log = log;
        this.pageSize = pageSize;
        this.clock = clock;
        this.gapTimeout = gapTimeout;
        this.settled = position.seq();
        Instant now = clock.instant();
        position.deliveredAbove().forEach(seq -> deliveredAbove.put(seq, now));
    }

    /**
     * The changes committed since the last poll, late commits into open gaps first, then new ones in seq
     * order. A poll that throws counts nothing as delivered: the next one returns the same changes again.
     */
    public synchronized List<C> poll() {
        Instant now = clock.instant();
        TreeMap<Long, C> received = new TreeMap<>();
        for (long[] gap : openGaps()) {
            receive(log.between(gap[0], gap[1]), received);
        }
        long highest = highestDelivered();
        List<C> page;
        do {
            page = log.after(highest, pageSize);
            receive(page, received);
            highest = page.isEmpty() ? highest : page.getLast().seq();
        } while (page.size() == pageSize);
        // Stamped after the reads, so that a gap is waited for from no earlier than the read that found it.
        Instant seen = clock.instant();
        received.keySet().forEach(seq -> deliveredAbove.put(seq, seen));
        advance(now);
        return List.copyOf(received.values());
    }

    /** Where this cursor stands: what to persist, after applying the changes of a poll, to resume from. */
    public synchronized Position position() {
        return new Position(settled, List.copyOf(deliveredAbove.keySet()));
    }

    private void receive(List<C> changes, TreeMap<Long, C> received) {
        for (C change : changes) {
            if (change.seq() > settled && !deliveredAbove.containsKey(change.seq())) {
                received.putIfAbsent(change.seq(), change);
            }
        }
    }

    private long highestDelivered() {
        return deliveredAbove.isEmpty() ? settled : deliveredAbove.lastKey();
    }

    /** The runs of seqs between the settled seq and the highest delivered change that have not been seen. */
    private List<long[]> openGaps() {
        List<long[]> gaps = new ArrayList<>();
        long previous = settled;
        for (long seq : deliveredAbove.keySet()) {
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
        while (!deliveredAbove.isEmpty()) {
            Map.Entry<Long, Instant> next = deliveredAbove.firstEntry();
            boolean contiguous = next.getKey() == settled + 1;
            boolean gapExpired = !now.isBefore(next.getValue().plus(gapTimeout));
            if (!contiguous && !gapExpired) {
                return;
            }
            settled = next.getKey();
            deliveredAbove.pollFirstEntry();
        }
    }
}
