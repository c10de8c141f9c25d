package dev.newsdesk.ingest.internal;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.newsdesk.ingest.FeedReader;
import dev.newsdesk.ingest.FeedRefresher;
import dev.newsdesk.ingest.IngestSettings;
import dev.newsdesk.ingest.fetch.Fetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestSettings.class)
class IngestConfiguration implements SchedulingConfigurer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IngestConfiguration.class);
    static final int FEEDS_PER_TICK = 20;

    private final IngestSettings settings;
    private final ObjectProvider<Feeds> feeds;
    private final ObjectProvider<FeedRefresher> refresher;
    private final Clock clock;
    /** Refreshes several due feeds at once; each still under its own lock. */
    private final ExecutorService workers;

    IngestConfiguration(IngestSettings settings, ObjectProvider<Feeds> feeds, ObjectProvider<FeedRefresher> refresher,
                        Clock clock) {
        this.settings = settings;
        this.feeds = feeds;
        this.refresher = refresher;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(settings.parallelFeeds(), Thread.ofPlatform().name("feed-", 1).factory());
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }

    @Bean
    Fetcher fetcher() {
        return new Fetcher(settings);
    }

    @Bean
    FeedReader feedReader(Fetcher fetcher) {
        return new FeedReader(fetcher);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (settings.enabled()) {
            registrar.addFixedDelayTask(this::pollDueFeeds, settings.schedulerTick());
        }
    }

    /**
     * Refreshes the feeds that are due, a few at a time, and returns when all are done; each under its own
     * lock, so that every feed is fetched once per interval across the cluster.
     */
    void pollDueFeeds() {
        try {
            List<Callable<Object>> refreshes = feeds.getObject().due(clock.instant(), FEEDS_PER_TICK).stream()
                    .map(id -> (Callable<Object>) () -> refresher.getObject().refreshIfDue(id)).toList();
            workers.invokeAll(refreshes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Could not look for due feeds; will try again", e);
        }
    }
}
