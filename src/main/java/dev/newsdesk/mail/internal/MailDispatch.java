package dev.newsdesk.mail.internal;

import java.time.Duration;
import java.util.Map;

import dev.newsdesk.chore.Chore;
import dev.newsdesk.mail.MailSettings;
import org.springframework.stereotype.Component;

/**
 * Delivers queued mail every {@link MailSettings#dispatchInterval()}, on every node at once (each message is
 * claimed by one); keeps what the outbox held after the last run for operators.
 */
@Component
class MailDispatch implements Chore {

    private final MailDispatcher dispatcher;
    private final MailSettings settings;
    private volatile Outbox.Queue queue;

    MailDispatch(MailDispatcher dispatcher, MailSettings settings) {
        this.dispatcher = dispatcher;
        this.settings = settings;
    }

    @Override
    public Duration interval() {
        return settings.dispatchInterval();
    }

    /** No longer than a lease: a run never outlives the claims it made. */
    @Override
    public Duration timeout() {
        return settings.lease();
    }

    @Override
    public void run() {
        queue = dispatcher.dispatch();
    }

    @Override
    public Map<String, Object> details() {
        Outbox.Queue last = queue;
        return last == null ? Map.of() : Map.of("waiting", last.waiting(), "givenUp", last.givenUp());
    }
}
