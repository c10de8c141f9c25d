package dev.newsdesk.article.internal;

import java.time.Duration;

import dev.newsdesk.article.ArticleDesk;
import dev.newsdesk.article.ArticleSettings;
import dev.newsdesk.chore.Chore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Publishes the scheduled articles whose time has come, every {@link ArticleSettings#schedulePoll()}. */
@Component
class DuePublishing implements Chore {

    private static final Logger log = LoggerFactory.getLogger(DuePublishing.class);

    private final ArticleDesk desk;
    private final ArticleSettings settings;

    DuePublishing(ArticleDesk desk, ArticleSettings settings) {
        this.desk = desk;
        this.settings = settings;
    }

    @Override
    public Duration interval() {
        return settings.schedulePoll();
    }

    @Override
    public void run() {
        int published = desk.publishDue();
        if (published > 0) {
            log.info("Published {} scheduled articles", published);
        }
    }
}
