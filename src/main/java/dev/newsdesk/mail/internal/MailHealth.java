package dev.newsdesk.mail.internal;

import dev.newsdesk.mail.Mailer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Shows operators whether mail is going out: the queue, the messages given up, the dispatcher's last error. */
@Component
class MailHealth implements HealthIndicator {

    private final MailDispatcher dispatcher;
    private final Mailer mailer;

    MailHealth(MailDispatcher dispatcher, Mailer mailer) {
        this.dispatcher = dispatcher;
        this.mailer = mailer;
    }

    @Override
    public Health health() {
        MailDispatcher.DispatchStatus status = dispatcher.status();
        boolean failing = status.lastErrorAt() != null
                && (status.lastRun() == null || status.lastErrorAt().isAfter(status.lastRun()));
        Health.Builder health = failing ? Health.down() : Health.up();
        if (status.lastRun() != null) {
            health.withDetail("lastRun", status.lastRun().toString());
        }
        if (status.lastError() != null) {
            health.withDetail("lastError", status.lastError()).withDetail("lastErrorAt", status.lastErrorAt().toString());
        }
        if (!failing) {
            health.withDetail("pending", mailer.pending()).withDetail("givenUp", mailer.failures(1000).size());
        }
        return health.build();
    }
}
