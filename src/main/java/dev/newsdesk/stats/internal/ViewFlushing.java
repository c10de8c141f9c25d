package dev.newsdesk.stats.internal;

import java.time.Duration;
import java.util.Map;

import dev.newsdesk.chore.Chore;
import dev.newsdesk.stats.StatsSettings;
import dev.newsdesk.stats.ViewCounter;
import org.springframework.stereotype.Component;

/** Writes the views counted in memory to the database, every {@link StatsSettings#flushInterval()}. */
@Component
class ViewFlushing implements Chore {

    private final ViewCounter counter;
    private final StatsSettings settings;

    ViewFlushing(ViewCounter counter, StatsSettings settings) {
        this.counter = counter;
        this.settings = settings;
    }

    @Override
    public Duration interval() {
        return settings.flushInterval();
    }

    @Override
    public void run() {
        counter.flush();
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("unwrittenViews", counter.unwritten());
    }
}
