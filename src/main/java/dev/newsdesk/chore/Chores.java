package dev.newsdesk.chore;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.context.SmartLifecycle;

/**
 * Runs every {@link Chore} of the application while it is up, each on threads of its own, so that one stuck
 * chore never holds up another, and tells how each is doing. When the application stops, runs under way get
 * {@link ChoreSettings#stopPatience()} to end before they are interrupted.
 */
public class Chores implements SmartLifecycle {

    private final Map<String, ChoreRunner> runners = new LinkedHashMap<>();
    private final ChoreSettings settings;
    private volatile boolean running;

    Chores(List<Chore> chores, ChoreSettings settings, Clock clock) {
        this.settings = settings;
        for (Chore chore : chores) {
            if (runners.putIfAbsent(chore.name(), new ChoreRunner(chore, clock)) != null) {
                throw new IllegalStateException("Two chores are named " + chore.name());
            }
        }
    }

    /** How the chore named {@code name} is doing on this node. */
    public ChoreStatus status(String name) {
        return runner(name).status();
    }

    /** Runs the chore named {@code name} once, now, as its timer would (never beside a run under way). */
    public ChoreStatus runNow(String name) {
        return runner(name).runOnce();
    }

    @Override
    public void start() {
        runners.values().forEach(ChoreRunner::start);
        running = true;
    }

    @Override
    public void stop() {
        runners.values().forEach(ChoreRunner::shutdown);
        Instant deadline = Instant.now().plus(settings.stopPatience());
        try {
            for (ChoreRunner runner : runners.values()) {
                runner.awaitStop(deadline);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    Map<String, ChoreRunner> runners() {
        return Collections.unmodifiableMap(runners);
    }

    private ChoreRunner runner(String name) {
        ChoreRunner runner = runners.get(name);
        if (runner == null) {
            throw new NoSuchElementException("There is no chore " + name + "; there are " + runners.keySet());
        }
        return runner;
    }
}
