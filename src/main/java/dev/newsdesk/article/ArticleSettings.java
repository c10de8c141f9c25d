package dev.newsdesk.article;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the article module.
 *
 * @param pageSize articles per page of a rubric
 * @param changePoll how often this node looks for article changes (made here or on other nodes) to refresh its caches
 * @param changeGapTimeout longer than any transaction that writes articles: how long a gap in change numbers is
 *        waited for (see {@link ChangeCursor})
 * @param schedulePoll how often scheduled articles are checked for being due
 * @param publishBatch how many due articles are published per transaction: few enough that each transaction is
 *        far shorter than {@code changeGapTimeout}
 * @param cachedArticles how many full articles each node keeps in memory
 */
@Validated
@ConfigurationProperties("newsdesk.articles")
public record ArticleSettings(
        @Min(1) @DefaultValue("20") int pageSize,
        @NotNull @DefaultValue("1s") Duration changePoll,
        @NotNull @DefaultValue("30s") Duration changeGapTimeout,
        @NotNull @DefaultValue("5s") Duration schedulePoll,
        @Min(1) @DefaultValue("50") int publishBatch,
        @Min(100) @DefaultValue("20000") int cachedArticles) {
}
