package dev.newsdesk.chore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one chore: a timer thread of its own starts each run on a fresh virtual thread, waits for it at most the
 * chore's timeout, and interrupts it then. Virtual, because a virtual thread blocked on a socket (an SMTP server,
 * a feed's host, the database) gives up when it is interrupted, where a platform thread would stay blocked.
 * A run that ignores its interruption is never joined by a second one: each run due meanwhile fails at once,
 * which keeps the chore down in health until the stuck run ends.
 */
final class ChoreRunner {

    private static final Logger log = LoggerFactory.getLogger(ChoreRunner.class);
    /** How long an interrupted run gets to end before the next one may start. */
    static final Duration GRACE = Duration.ofSeconds(1);

    private final Chore chore;
    private final String name;
    private final Clock clock;
    private volatile ChoreStatus status;
    /** Made anew at each start: an application (or a paused test context) may stop and start again. */
    private ScheduledExecutorService timer;
    /** The thread of the latest run; guarded by this. */
    private Thread latest;

    ChoreRunner(Chore chore, Clock clock) {
        this.chore = chore;
        this.name = chore.name();
        this.clock = clock;
        this.status = ChoreStatus.since(clock.instant());
    }

    Chore chore() {
        return chore;
    }

    ChoreStatus status() {
        return status;
    }

    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("chore-" + name).factory());
        long interval = chore.interval().toNanos();
        timer.scheduleWithFixedDelay(this::runOnce, interval, interval, TimeUnit.NANOSECONDS);
    }

    /** Starts no more runs; the one under way goes on. */
    void shutdown() {
        if (timer != null) {
            timer.shutdown();
        }
    }

    /** Waits until {@code deadline} for the run under way, then interrupts it. */
    void awaitStop(Instant deadline) throws InterruptedException {
        long left = Math.max(0, Duration.between(Instant.now(), deadline).toNanos());
        if (timer != null && !timer.awaitTermination(left, TimeUnit.NANOSECONDS)) {
            timer.shutdownNow();
        }
    }

    /** Runs the chore once, now, for at most its timeout, and answers how it went. Never two runs at once. */
    synchronized ChoreStatus runOnce() {
        Instant start = clock.instant();
        long began = System.nanoTime();
        if (latest != null && latest.isAlive()) {
            return failed(start, began, "The run started at " + status.lastRun()
                    + " has not ended, though it was interrupted", null);
        }
        FutureTask<Void> run = new FutureTask<>(() -> {
            chore.run();
            return null;
        });
        latest = Thread.ofVirtual().name("chore-" + name + "-run").start(run);
        try {
            run.get(chore.timeout().toNanos(), TimeUnit.NANOSECONDS);
            return succeeded(start, began);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return failed(start, began, cause.getMessage() != null ? cause.getMessage() : cause.getClass().getName(),
                    cause);
        } catch (TimeoutException e) {
            latest.interrupt();
            try {
                latest.join(GRACE);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
            return failed(start, began, "Did not finish within " + chore.timeout() + ", so it was interrupted", null);
        } catch (InterruptedException e) {
            // The application is stopping and can wait no longer.
            latest.interrupt();
            Thread.currentThread().interrupt();
            return failed(start, began, "Interrupted as the application stopped", null);
        }
    }

    private ChoreStatus succeeded(Instant start, long began) {
        if (status.failing()) {
            log.info("Chore {} works again after {} failed runs", name, status.failuresInARow());
        }
        status = status.succeeded(start, since(began), clock.instant());
        return status;
    }

    private ChoreStatus failed(Instant start, long began, String error, Throwable cause) {
        status = status.failed(start, since(began), clock.instant(), error);
        if (status.failuresInARow() == 1) {
            log.error("Chore {} failed: {}", name, error, cause);
        } else {
            log.warn("Chore {} failed again ({} runs in a row): {}", name, status.failuresInARow(), error);
        }
        return status;
    }

    private static Duration since(long began) {
        return Duration.ofNanos(System.nanoTime() - began);
    }
}
