package dev.newsdesk.stats.internal;

import dev.newsdesk.stats.StatsSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StatsSettings.class)
class StatsConfiguration {
}
