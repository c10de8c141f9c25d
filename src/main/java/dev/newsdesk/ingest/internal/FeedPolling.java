package dev.newsdesk.ingest.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.newsdesk.chore.Chore;
import dev.newsdesk.ingest.FeedRefresher;
import dev.newsdesk.ingest.IngestSettings;

/**
 * Refreshes the feeds that are due, a few at a time, every {@link IngestSettings#schedulerTick()}; each feed
 * under its own lock, so that every feed is fetched once per interval across the cluster.
 */
class FeedPolling implements Chore, AutoCloseable {

    static final int FEEDS_PER_TICK = 20;
    /** As long as a feed's lock lasts: beyond it, another node may be refreshing the same feed anyway. */
    static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final IngestSettings settings;
    private final Feeds feeds;
    private final FeedRefresher refresher;
    private final Clock clock;
    /** Refreshes several due feeds at once; each still under its own lock. */
    private final ExecutorService workers;

    FeedPolling(IngestSettings settings, Feeds feeds, FeedRefresher refresher, Clock clock) {
        this.settings = settings;
        this.feeds = feeds;
        this.refresher = refresher;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(settings.parallelFeeds(), Thread.ofPlatform().name("feed-", 1).factory());
    }

    @Override
    public Duration interval() {
        return settings.schedulerTick();
    }

    @Override
    public Duration timeout() {
        return TIMEOUT;
    }

    @Override
    public void run() throws InterruptedException {
        pollDueFeeds();
    }

    /** Refreshes the feeds that are due and returns when all are done; an interruption cancels those under way. */
    void pollDueFeeds() throws InterruptedException {
        List<Callable<Object>> refreshes = feeds.due(clock.instant(), FEEDS_PER_TICK).stream()
                .map(id -> (Callable<Object>) () -> refresher.refreshIfDue(id)).toList();
        workers.invokeAll(refreshes);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
