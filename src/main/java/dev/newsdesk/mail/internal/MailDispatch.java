package dev.newsdesk.mail.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import dev.newsdesk.chore.Chore;
import dev.newsdesk.mail.MailSettings;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Delivers queued mail every {@link MailSettings#dispatchInterval()}, on one node at a time; keeps what the
 * outbox held after the last run for operators.
 */
@Component
class MailDispatch implements Chore {

    static final String LOCK = "mail-dispatch";

    private final MailDispatcher dispatcher;
    private final MailSettings settings;
    private final LockingTaskExecutor locking;
    private final Clock clock;
    private volatile Outbox.Queue queue;

    MailDispatch(MailDispatcher dispatcher, MailSettings settings, LockProvider locks, Clock clock) {
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.locking = new DefaultLockingTaskExecutor(locks);
        this.clock = clock;
    }

    @Override
    public Duration interval() {
        return settings.dispatchInterval();
    }

    @Override
    public void run() {
        locking.executeWithLock((Runnable) () -> queue = dispatcher.dispatch(),
                new LockConfiguration(clock.instant(), LOCK, Duration.ofMinutes(2), Duration.ZERO));
    }

    @Override
    public Map<String, Object> details() {
        Outbox.Queue last = queue;
        return last == null ? Map.of() : Map.of("waiting", last.waiting(), "givenUp", last.givenUp());
    }
}
