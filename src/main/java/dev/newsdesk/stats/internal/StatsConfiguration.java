package dev.newsdesk.stats.internal;

import dev.newsdesk.stats.StatsSettings;
import dev.newsdesk.stats.ViewCounter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StatsSettings.class)
class StatsConfiguration implements SchedulingConfigurer {

    private final ObjectProvider<ViewCounter> counter;
    private final StatsSettings settings;

    StatsConfiguration(ObjectProvider<ViewCounter> counter, StatsSettings settings) {
        this.counter = counter;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(() -> counter.getObject().flush(), settings.flushInterval());
    }
}
