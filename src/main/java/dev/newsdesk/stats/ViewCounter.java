package dev.newsdesk.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 */
@Service
public class ViewCounter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ViewCounter.class);

    private final ViewLedger ledger;
    private final Clock clock;
    private final StatsSettings settings;
    private final Cache<Long, Boolean> recentVisits;
    private final LoadingCache<Long, Long> totals;
    private final LoadingCache<MostReadQuery, List<Long>> mostRead;
    private final AtomicReference<ConcurrentHashMap<Long, LongAdder>> pending =
            new AtomicReference<>(new ConcurrentHashMap<>());
    private volatile Map<Long, Long> flushing = Map.of();
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
                .refreshAfterWrite(settings.totalsRefresh())
                .expireAfterAccess(Duration.ofHours(1))
                .maximumSize(200_000)
                .build(ledger::total);
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
        long visit = articleId * 0x9E3779B97F4A7C15L
                + (long) String.valueOf(clientAddress).hashCode() * 31 + String.valueOf(userAgent).hashCode();
        if (recentVisits.asMap().putIfAbsent(visit, Boolean.TRUE) != null) {
            return false;
        }
        pending.get().computeIfAbsent(articleId, id -> new LongAdder()).increment();
        return true;
    }

    /**
     * Adds views that were counted elsewhere (an imported archive, the demo content) as seen at {@code at};
     * written at once, not through the in-memory batch.
     */
    public void importViews(long articleId, long views, Instant at) {
        if (views <= 0) {
            return;
        }
        ledger.add(Map.of(articleId, views), at);
        totals.asMap().computeIfPresent(articleId, (id, total) -> total + views);
        mostRead.invalidateAll();
    }

    /** The views of an article: the stored total (cached) and those counted here but not yet written. */
    public long views(long articleId) {
        long total = totals.get(articleId);
        LongAdder unwritten = pending.get().get(articleId);
        return total + (unwritten == null ? 0 : unwritten.sum()) + flushing.getOrDefault(articleId, 0L);
    }

    /** The most viewed articles of the last {@code window}, most viewed first. Refreshed about once a minute. */
    public List<Long> mostRead(Duration window, int limit) {
        return mostRead.get(new MostReadQuery(window, limit));
    }

    /**
     * Writes the views counted since the last flush. Called on a schedule and at shutdown; when the database
     * refuses, the views are kept for the next attempt and the failure reaches the caller.
     */
    public synchronized void flush() {
        ConcurrentHashMap<Long, LongAdder> counted = pending.getAndSet(new ConcurrentHashMap<>());
        Map<Long, Long> batch = new HashMap<>();
        counted.forEach((articleId, adder) -> batch.put(articleId, adder.sum()));
        Instant now = clock.instant();
        try {
            if (!batch.isEmpty()) {
                flushing = batch;
                ledger.add(batch, now);
                batch.forEach((articleId, views) -> totals.asMap().computeIfPresent(articleId, (id, total) -> total + views));
                flushing = Map.of();
            }
            if (now.isAfter(lastPrune.plus(Duration.ofHours(1)))) {
                ledger.pruneHourly(now.minus(settings.hourlyRetention()));
                lastPrune = now;
            }
        } catch (RuntimeException e) {
            flushing = Map.of();
            batch.forEach((articleId, views) ->
                    pending.get().computeIfAbsent(articleId, id -> new LongAdder()).add(views));
            throw e;
        }
    }

    /** Views counted in memory and not yet written. */
    public long unwritten() {
        return pending.get().values().stream().mapToLong(LongAdder::sum).sum();
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
