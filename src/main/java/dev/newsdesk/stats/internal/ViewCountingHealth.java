package dev.newsdesk.stats.internal;

import dev.newsdesk.stats.ViewCounter;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Shows operators (on {@code /actuator/health}) whether views are being written, and the last error. */
@Component
class ViewCountingHealth implements HealthIndicator {

    private final ViewCounter counter;

    ViewCountingHealth(ViewCounter counter) {
        this.counter = counter;
    }

    @Override
    public Health health() {
        ViewCounter.FlushStatus status = counter.status();
        boolean failing = status.lastErrorAt() != null
                && (status.lastFlush() == null || status.lastErrorAt().isAfter(status.lastFlush()));
        Health.Builder health = failing ? Health.down() : Health.up();
        health.withDetail("unwrittenViews", counter.unwritten());
        if (status.lastFlush() != null) {
            health.withDetail("lastFlush", status.lastFlush().toString());
        }
        if (status.lastError() != null) {
            health.withDetail("lastError", status.lastError()).withDetail("lastErrorAt", status.lastErrorAt().toString());
        }
        return health.build();
    }
}
