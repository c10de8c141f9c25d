package dev.newsdesk.article.internal;

import dev.newsdesk.article.ArticleSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ArticleSettings.class)
class ArticleConfiguration {
}
