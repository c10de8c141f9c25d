package dev.newsdesk.article.internal;

import dev.newsdesk.article.ArticleDesk;
import dev.newsdesk.article.ArticleSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ArticleSettings.class)
class ArticleConfiguration implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ArticleConfiguration.class);

    private final ObjectProvider<Archive> archive;
    private final ObjectProvider<ArticleDesk> desk;
    private final ArticleSettings settings;

    ArticleConfiguration(ObjectProvider<Archive> archive, ObjectProvider<ArticleDesk> desk, ArticleSettings settings) {
        this.archive = archive;
        this.desk = desk;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(() -> archive.getObject().followChanges(), settings.changePoll());
        registrar.addFixedDelayTask(this::publishDue, settings.schedulePoll());
    }

    private void publishDue() {
        try {
            int published = desk.getObject().publishDue();
            if (published > 0) {
                log.info("Published {} scheduled articles", published);
            }
        } catch (RuntimeException e) {
            log.error("Could not publish the scheduled articles that are due; will try again", e);
        }
    }
}
