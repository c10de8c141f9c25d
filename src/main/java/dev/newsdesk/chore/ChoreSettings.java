package dev.newsdesk.chore;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the background chores.
 *
 * @param staleAfter how many intervals a chore may go without a successful run, beyond its time limit, before
 *        health reports it as down (stuck or stopped)
 * @param stopPatience how long a run in progress may go on when the application stops, before it is interrupted
 */
@Validated
@ConfigurationProperties("newsdesk.chores")
public record ChoreSettings(
        @Min(1) @DefaultValue("3") int staleAfter,
        @NotNull @DefaultValue("10s") Duration stopPatience) {
}
