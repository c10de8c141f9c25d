package dev.newsdesk.article.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Shows operators whether this node keeps up with article changes (on {@code /actuator/health}). */
@Component
class ArchiveHealth implements HealthIndicator {

    private final Archive archive;

    ArchiveHealth(Archive archive) {
        this.archive = archive;
    }

    @Override
    public Health health() {
        Archive.FollowStatus status = archive.status();
        boolean failing = status.lastErrorAt() != null
                && (status.lastPoll() == null || status.lastErrorAt().isAfter(status.lastPoll()));
        Health.Builder health = failing ? Health.down() : Health.up();
        if (status.lastPoll() != null) {
            health.withDetail("lastPoll", status.lastPoll().toString());
        }
        if (status.lastError() != null) {
            health.withDetail("lastError", status.lastError()).withDetail("lastErrorAt", status.lastErrorAt().toString());
        }
        return health.build();
    }
}
