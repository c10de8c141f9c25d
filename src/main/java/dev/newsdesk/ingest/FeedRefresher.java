package dev.newsdesk.ingest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import dev.newsdesk.ingest.fetch.FetchFailed;
import dev.newsdesk.ingest.internal.Feeds;
import dev.newsdesk.ingest.internal.Intake;
import dev.newsdesk.ingest.parse.FeedMalformed;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Refreshes one feed: fetches it, parses and cleans its items, takes them in as articles, and records on
 * the feed how it went. The one entry point for the scheduler and the editor's "fetch now" button. A
 * feed is refreshed by one node at a time (a ShedLock lock per feed); a failure is stored on the feed as
 * a sentence, and the next attempt waits longer each time (or as long as the server asked).
 */
@Service
public class FeedRefresher {

    private static final Logger log = LoggerFactory.getLogger(FeedRefresher.class);
    static final Duration LOCK_AT_MOST = Duration.ofMinutes(10);

    private final Feeds feeds;
    private final FeedReader reader;
    private final Intake intake;
    private final IngestSettings settings;
    private final LockingTaskExecutor locking;
    private final Clock clock;

    FeedRefresher(Feeds feeds, FeedReader reader, Intake intake, IngestSettings settings, LockProvider locks, Clock clock) {
        this.feeds = feeds;
        this.reader = reader;
        this.intake = intake;
        this.settings = settings;
        this.locking = new DefaultLockingTaskExecutor(locks);
        this.clock = clock;
    }

    /** How a refresh went; {@code error} is null on success, {@code ran} false when another node was at it. */
    public record Refresh(boolean ran, boolean notModified, int added, int revised, int unchanged, int refused,
                          String error) {
    }

    public Refresh refresh(long feedId) {
        Refresh[] result = {new Refresh(false, false, 0, 0, 0, 0, null)};
        locking.executeWithLock((Runnable) () -> result[0] = refreshLocked(feedId),
                new LockConfiguration(clock.instant(), "feed-" + feedId, LOCK_AT_MOST, Duration.ZERO));
        return result[0];
    }

    /** Refreshes the feed only if it is (still) due: the scheduler's way in. */
    public Refresh refreshIfDue(long feedId) {
        Refresh[] result = {new Refresh(false, false, 0, 0, 0, 0, null)};
        locking.executeWithLock((Runnable) () -> feeds.find(feedId)
                        .filter(feed -> feed.enabled() && !feed.nextFetchAt().isAfter(clock.instant()))
                        .ifPresent(feed -> result[0] = refreshLocked(feedId)),
                new LockConfiguration(clock.instant(), "feed-" + feedId, LOCK_AT_MOST, Duration.ZERO));
        return result[0];
    }

    private Refresh refreshLocked(long feedId) {
        Feed feed = feeds.find(feedId).orElseThrow(() -> new IllegalArgumentException("There is no feed " + feedId));
        Instant now = clock.instant();
        try {
            FeedReader.Reading reading = reader.read(URI.create(feed.url()), feed.etag(), feed.lastModified(),
                    feed.language(), now);
            Intake.Outcome outcome = reading.notModified() ? new Intake.Outcome(0, 0, 0, 0)
                    : intake.take(feed, reading.items(), now);
            feeds.succeeded(feedId, reading.fetched().etag(), reading.fetched().lastModified(), outcome.added(), now,
                    now.plus(Duration.ofMinutes(feed.pollMinutes())));
            if (!reading.notModified()) {
                feeds.read(feedId, reading);
            }
            if (outcome.added() + outcome.revised() > 0 || outcome.refused() > 0) {
                log.info("Feed {} ({}): {} added, {} revised, {} unchanged, {} refused", feedId, feed.url(),
                        outcome.added(), outcome.revised(), outcome.unchanged(), outcome.refused());
            }
            return new Refresh(true, reading.notModified(), outcome.added(), outcome.revised(), outcome.unchanged(),
                    outcome.refused(), null);
        } catch (FetchFailed e) {
            return failed(feed, e.getMessage(), e.retryAfter(), now);
        } catch (FeedMalformed e) {
            return failed(feed, e.getMessage(), null, now);
        } catch (RuntimeException e) {
            log.error("Feed {} ({}) could not be refreshed", feedId, feed.url(), e);
            return failed(feed, "Reading this feed failed on an error of Newsdesk itself; the server log says more (feed "
                    + feedId + ")", null, now);
        }
    }

    /**
     * Takes in a feed's body obtained some other way (a bundled file) as if it had been fetched from
     * {@code base}: the same parsing, cleaning and intake, and the same status on the feed.
     */
    public Refresh take(long feedId, byte[] body, URI base) {
        Feed feed = feeds.find(feedId).orElseThrow(() -> new IllegalArgumentException("There is no feed " + feedId));
        Instant now = clock.instant();
        try {
            FeedReader.Reading reading = reader.read(body, null, base, feed.language(), now);
            Intake.Outcome outcome = intake.take(feed, reading.items(), now);
            feeds.succeeded(feedId, null, null, outcome.added(), now, now.plus(Duration.ofMinutes(feed.pollMinutes())));
            feeds.read(feedId, reading);
            return new Refresh(true, false, outcome.added(), outcome.revised(), outcome.unchanged(), outcome.refused(), null);
        } catch (FeedMalformed e) {
            return failed(feed, e.getMessage(), null, now);
        }
    }

    private Refresh failed(Feed feed, String reason, Duration retryAfter, Instant now) {
        int failures = feed.failures() + 1;
        Duration wait = backoff(failures);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : retryAfter;
        }
        Instant next = now.plus(wait);
        feeds.failed(feed.id(), reason, failures, now, next);
        log.warn("Feed {} ({}) failed ({} in a row): {}; next attempt at {}", feed.id(), feed.url(), failures, reason, next);
        return new Refresh(true, false, 0, 0, 0, 0, reason);
    }

    /** The first backoff doubled for each failure in a row, at most the maximum, ±20% so that feeds spread out. */
    Duration backoff(int failures) {
        Duration wait = settings.firstBackoff().multipliedBy(1L << Math.min(failures - 1, 20));
        if (wait.compareTo(settings.maxBackoff()) > 0) {
            wait = settings.maxBackoff();
        }
        return Duration.ofMillis((long) (wait.toMillis() * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble())));
    }
}
