package dev.newsdesk.chore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of one chore, answered from memory: DOWN when its last run failed, or when it has gone
 * {@link ChoreSettings#staleAfter()} intervals beyond its time limit without a successful run (it is stuck, or
 * no longer runs); the status and the chore's own figures as details.
 */
final class ChoreHealth implements HealthIndicator {

    private final ChoreRunner runner;
    private final Duration staleAfter;
    private final Clock clock;

    ChoreHealth(ChoreRunner runner, ChoreSettings settings, Clock clock) {
        this.runner = runner;
        Chore chore = runner.chore();
        this.staleAfter = chore.timeout().plus(chore.interval().multipliedBy(settings.staleAfter()));
        this.clock = clock;
    }

    @Override
    public Health health() {
        ChoreStatus status = runner.status();
        Instant now = clock.instant();
        boolean stale = status.stale(now, staleAfter);
        Health.Builder health = status.failing() || stale ? Health.down() : Health.up();
        health.withDetail("interval", runner.chore().interval().toString())
                .withDetail("timeout", runner.chore().timeout().toString());
        detail(health, "lastRun", status.lastRun());
        detail(health, "lastDuration", status.lastDuration() == null ? null
                : status.lastDuration().truncatedTo(ChronoUnit.MILLIS));
        detail(health, "lastSuccess", status.lastSuccess());
        detail(health, "lastFailure", status.lastFailure());
        detail(health, "lastError", status.lastError());
        health.withDetail("failuresInARow", status.failuresInARow());
        if (stale) {
            health.withDetail("stale", "no successful run for more than " + staleAfter);
        }
        runner.chore().details().forEach(health::withDetail);
        return health.build();
    }

    private static void detail(Health.Builder health, String name, Object value) {
        if (value != null) {
            health.withDetail(name, value.toString());
        }
    }
}
