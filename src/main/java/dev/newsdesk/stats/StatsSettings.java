package dev.newsdesk.stats;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of view counting.
 *
 * @param flushInterval how often counted views are written to the database (at most this much is lost in a crash)
 * @param revisitWindow a visitor who comes back to the same article within this time is not counted again
 * @param totalsRefresh how long a node shows a cached total before re-reading it (other nodes' views show up after it)
 * @param hourlyRetention how long hourly figures are kept ("most read" looks back at most this far); daily ones stay
 */
@Validated
@ConfigurationProperties("newsdesk.stats")
public record StatsSettings(
        @NotNull @DefaultValue("1s") Duration flushInterval,
        @NotNull @DefaultValue("30m") Duration revisitWindow,
        @NotNull @DefaultValue("1m") Duration totalsRefresh,
        @NotNull @DefaultValue("8d") Duration hourlyRetention) {
}
