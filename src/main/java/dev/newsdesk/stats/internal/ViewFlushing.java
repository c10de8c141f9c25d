package dev.newsdesk.stats.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import dev.newsdesk.chore.Chore;
import dev.newsdesk.stats.StatsSettings;
import dev.newsdesk.stats.ViewCounter;
import dev.newsdesk.stats.ViewsWritten;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes the views counted in memory to the database, every {@link StatsSettings#flushInterval()}, and says
 * which articles' counts changed ({@link ViewsWritten}), for the pages that show them.
 */
@Component
class ViewFlushing implements Chore {

    private final ViewCounter counter;
    private final StatsSettings settings;
    private final ApplicationEventPublisher events;

    ViewFlushing(ViewCounter counter, StatsSettings settings, ApplicationEventPublisher events) {
        this.counter = counter;
        this.settings = settings;
        this.events = events;
    }

    @Override
    public Duration interval() {
        return settings.flushInterval();
    }

    @Override
    public void run() {
        Set<Long> written = counter.flush();
        if (!written.isEmpty()) {
            events.publishEvent(new ViewsWritten(written));
        }
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("unwrittenViews", counter.unwritten());
    }
}
