package dev.newsdesk.ingest.internal;

import java.time.Clock;

import dev.newsdesk.ingest.FeedReader;
import dev.newsdesk.ingest.FeedRefresher;
import dev.newsdesk.ingest.IngestSettings;
import dev.newsdesk.ingest.fetch.Fetcher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestSettings.class)
class IngestConfiguration {

    private final IngestSettings settings;

    IngestConfiguration(IngestSettings settings) {
        this.settings = settings;
    }

    @Bean
    Fetcher fetcher() {
        return new Fetcher(settings);
    }

    @Bean
    FeedReader feedReader(Fetcher fetcher) {
        return new FeedReader(fetcher);
    }

    /** Feeds are polled unless {@link IngestSettings#enabled()} is switched off. */
    @Bean
    @ConditionalOnBooleanProperty(name = "newsdesk.ingest.enabled", matchIfMissing = true)
    FeedPolling feedPolling(Feeds feeds, FeedRefresher refresher, Clock clock) {
        return new FeedPolling(settings, feeds, refresher, clock);
    }
}
