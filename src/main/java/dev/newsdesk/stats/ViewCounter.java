package dev.newsdesk.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.StampedLock;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.newsdesk.stats.internal.Robots;
import dev.newsdesk.stats.internal.ViewLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Counts how often articles are read. A page view only touches memory: views are added up per
 * article and written to the database by {@link #flush()} every {@link StatsSettings#flushInterval()}
 * and when the application stops. Robots and a reader reloading the same article within
 * {@link StatsSettings#revisitWindow()} are not counted.
 * <p>
 * No view is lost or counted twice when it races a flush: a view is added to its article's count in
 * one atomic step, and a flush takes each count away in one atomic step. What {@link #views(long)}
 * shows is the stored total plus what is still in memory, read so that a view being handed to the
 * database is never seen in both places or in neither; a stored total is never read while a flush
 * writes, since it could then already hold the views the flush is about to add to it.
 */
@Service
public class ViewCounter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ViewCounter.class);

    private final ViewLedger ledger;
    private final Clock clock;
    private final StatsSettings settings;
    private final Cache<Long, Boolean> recentVisits;
    /** The stored total of each article as last read, plus what this node has written since. */
    private final Cache<Long, Long> totals;
    private final LoadingCache<MostReadQuery, List<Long>> mostRead;
    /** Views counted and not yet taken by a flush. */
    private final ConcurrentHashMap<Long, Long> unwritten = new ConcurrentHashMap<>();
    /** Views taken by the flush under way, shown until they are in {@link #totals}. */
    private volatile Map<Long, Long> writing = Map.of();
    /** Held exclusively while views move from one of the maps above to the next. */
    private final StampedLock handover = new StampedLock();
    private Instant lastPrune = Instant.EPOCH;

    public ViewCounter(ViewLedger ledger, Clock clock, StatsSettings settings) {
        this.ledger = ledger;
        this.clock = clock;
        this.settings = settings;
        this.recentVisits = Caffeine.newBuilder()
                .expireAfterWrite(settings.revisitWindow())
                .maximumSize(1_000_000)
                .build();
        this.totals = Caffeine.newBuilder()
                .expireAfter(Expiry.<Long, Long>creating((id, total) -> settings.totalsRefresh()))
                .maximumSize(200_000)
                .build();
        this.mostRead = Caffeine.newBuilder()
                .refreshAfterWrite(Duration.ofMinutes(1))
                .maximumSize(16)
                .build(query -> ledger.mostRead(clock.instant().minus(query.window()), query.limit()));
    }

    /**
     * Counts a view of an article by the client at {@code clientAddress} using {@code userAgent}, unless
     * it is a robot or a revisit.
     *
     * @return whether the view was counted
     */
    public boolean record(long articleId, String clientAddress, String userAgent) {
        if (Robots.isRobot(userAgent)) {
            return false;
        }
        long visit = visit(articleId, clientAddress, userAgent);
        if (recentVisits.asMap().putIfAbsent(visit, Boolean.TRUE) != null) {
            return false;
        }
        unwritten.merge(articleId, 1L, Long::sum);
        return true;
    }

    /**
     * A 64-bit FNV-1a hash of who read what: two readers of one article collide about once in 10^19 pairs,
     * where 32-bit string hashes let two readers (17.42.10.1 and 17.50.178.1) pass for one.
     */
    static long visit(long articleId, String clientAddress, String userAgent) {
        long hash = 0xcbf29ce484222325L ^ articleId;
        for (String part : new String[] {String.valueOf(clientAddress), String.valueOf(userAgent)}) {
            for (int i = 0; i < part.length(); i++) {
                hash = (hash ^ part.charAt(i)) * 0x100000001b3L;
            }
            hash = (hash ^ 0xffff) * 0x100000001b3L;
        }
        return hash;
    }

    /**
     * Adds views that were counted elsewhere (an imported archive, the demo content) as seen at {@code at};
     * written at once, not through the in-memory batch.
     */
    public synchronized void importViews(long articleId, long views, Instant at) {
        if (views <= 0) {
            return;
        }
        ledger.add(Map.of(articleId, views), at);
        totals.asMap().computeIfPresent(articleId, (id, total) -> total + views);
        mostRead.invalidateAll();
    }

    /** The views of an article: the stored total and those counted here but not yet written. */
    public long views(long articleId) {
        long stored = stored(articleId);
        long stamp = handover.tryOptimisticRead();
        long views = sum(articleId, stored);
        if (handover.validate(stamp)) {
            return views;
        }
        stamp = handover.readLock();
        try {
            return sum(articleId, stored);
        } finally {
            handover.unlockRead(stamp);
        }
    }

    private long sum(long articleId, long stored) {
        Long total = totals.getIfPresent(articleId);
        return (total == null ? stored : total) + unwritten.getOrDefault(articleId, 0L)
                + writing.getOrDefault(articleId, 0L);
    }

    /** The stored total, read from the database when this node has none (never while a flush writes). */
    private long stored(long articleId) {
        Long total = totals.getIfPresent(articleId);
        if (total != null) {
            return total;
        }
        synchronized (this) {
            return totals.get(articleId, ledger::total);
        }
    }

    /** The most viewed articles of the last {@code window}, most viewed first. Refreshed about once a minute. */
    public List<Long> mostRead(Duration window, int limit) {
        return mostRead.get(new MostReadQuery(window, limit));
    }

    /**
     * Writes the views counted since the last flush, and says which articles' counts it changed. Called on a
     * schedule and at shutdown; when the database refuses, the views are kept for the next attempt and the
     * failure reaches the caller.
     */
    public synchronized Set<Long> flush() {
        Map<Long, Long> batch = takeUnwritten();
        Instant now = clock.instant();
        try {
            if (!batch.isEmpty()) {
                ledger.add(batch, now);
            }
        } catch (RuntimeException e) {
            settle(() -> batch.forEach((articleId, views) -> unwritten.merge(articleId, views, Long::sum)));
            throw e;
        }
        settle(() -> batch.forEach((articleId, views) ->
                totals.asMap().computeIfPresent(articleId, (id, total) -> total + views)));
        pruneHourly(now);
        return Set.copyOf(batch.keySet());
    }

    /** Moves every counted view into the batch of the flush under way, and shows them from there. */
    private Map<Long, Long> takeUnwritten() {
        long stamp = handover.writeLock();
        try {
            Map<Long, Long> batch = new HashMap<>();
            for (Long articleId : unwritten.keySet()) {
                Long views = unwritten.remove(articleId);
                if (views != null) {
                    batch.put(articleId, views);
                }
            }
            writing = batch;
            return batch;
        } finally {
            handover.unlockWrite(stamp);
        }
    }

    /** Puts the batch's views where they now belong (the totals, or back to be written) and stops showing the batch. */
    private void settle(Runnable move) {
        long stamp = handover.writeLock();
        try {
            move.run();
            writing = Map.of();
        } finally {
            handover.unlockWrite(stamp);
        }
    }

    private void pruneHourly(Instant now) {
        if (now.isBefore(lastPrune.plus(Duration.ofHours(1)))) {
            return;
        }
        try {
            ledger.pruneHourly(now.minus(settings.hourlyRetention()));
            lastPrune = now;
        } catch (RuntimeException e) {
            log.warn("Could not prune the hourly view figures; will try again in the next flush", e);
        }
    }

    /** Views counted in memory and not yet written. */
    public long unwritten() {
        long stamp = handover.readLock();
        try {
            return sum(unwritten) + sum(writing);
        } finally {
            handover.unlockRead(stamp);
        }
    }

    private static long sum(Map<Long, Long> views) {
        return views.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Writes the last views when the application stops, after the web server has stopped taking requests. */
    @Override
    public void destroy() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.error("Stopping with {} views that could not be written", unwritten(), e);
        }
    }

    private record MostReadQuery(Duration window, int limit) {
    }
}
