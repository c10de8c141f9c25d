package dev.newsdesk.chore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.newsdesk.MutableClock;
import org.junit.jupiter.api.Test;

/** Chores run on threads of their own, each run within its time limit. */
class ChoresTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-06T10:00:00Z"));
    private final ChoreSettings settings = new ChoreSettings(3, Duration.ofSeconds(1));

    @Test
    void interruptsARunThatOverrunsItsTimeAndStartsTheNext() {
        AtomicInteger runs = new AtomicInteger();
        AtomicBoolean interrupted = new AtomicBoolean();
        Chores chores = new Chores(List.of(new TestChore("hanging", Duration.ofMillis(200), () -> {
            if (runs.incrementAndGet() == 1) {
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    interrupted.set(true);
                    throw e;
                }
            }
        })), settings, clock);

        ChoreStatus timedOut = chores.runNow("hanging");

        assertThat(interrupted).isTrue();
        assertThat(timedOut.failing()).isTrue();
        assertThat(timedOut.lastError()).isEqualTo("Did not finish within PT0.2S, so it was interrupted");
        assertThat(timedOut.lastFailure()).isEqualTo(clock.instant());

        clock.advance(Duration.ofSeconds(1));
        ChoreStatus next = chores.runNow("hanging");

        assertThat(runs).hasValue(2);
        assertThat(next.failing()).isFalse();
        assertThat(next.lastSuccess()).isEqualTo(clock.instant());
        assertThat(next.lastError()).as("kept for operators").isNotNull();
    }

    @Test
    void neverStartsASecondRunBesideOneThatIgnoresItsInterruption() {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        Chores chores = new Chores(List.of(new TestChore("deaf", Duration.ofMillis(100), () -> {
            runs.incrementAndGet();
            boolean done = false;
            while (!done) {
                try {
                    done = release.await(1, java.util.concurrent.TimeUnit.MINUTES);
                } catch (InterruptedException ignored) {
                    // Deaf to interruption, as code blocked in an uninterruptible call would be.
                }
            }
        })), settings, clock);

        chores.runNow("deaf");
        ChoreStatus second = chores.runNow("deaf");

        assertThat(runs).hasValue(1);
        assertThat(second.failuresInARow()).isEqualTo(2);
        assertThat(second.lastError()).contains("has not ended");

        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> !chores.runNow("deaf").failing());
        assertThat(runs).hasValue(2);
    }

    @Test
    void recordsWhyARunFailedUntilOneSucceeds() {
        AtomicBoolean databaseDown = new AtomicBoolean(true);
        Chores chores = new Chores(List.of(new TestChore("flushing", Duration.ofSeconds(5), () -> {
            if (databaseDown.get()) {
                throw new IllegalStateException("database is down");
            }
        })), settings, clock);

        chores.runNow("flushing");
        ChoreStatus failed = chores.runNow("flushing");

        assertThat(failed.lastError()).isEqualTo("database is down");
        assertThat(failed.failuresInARow()).isEqualTo(2);
        assertThat(failed.lastSuccess()).isNull();

        databaseDown.set(false);
        ChoreStatus recovered = chores.runNow("flushing");

        assertThat(recovered.failuresInARow()).isZero();
        assertThat(recovered.lastDuration()).isNotNull();
    }

    @Test
    void aStuckChoreDoesNotHoldUpTheOthers() {
        CountDownLatch stuck = new CountDownLatch(1);
        AtomicInteger quickRuns = new AtomicInteger();
        Chores chores = new Chores(List.of(
                new TestChore("stuck", Duration.ofMinutes(10), stuck::await),
                new TestChore("quick", Duration.ofSeconds(5), quickRuns::incrementAndGet)), settings, clock);
        chores.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> quickRuns.get() >= 5);

            assertThat(stuck.getCount()).as("still stuck").isEqualTo(1);
            assertThat(chores.status("quick").failing()).isFalse();
        } finally {
            chores.stop();
        }
        assertThat(chores.isRunning()).isFalse();
    }

    @Test
    void runsAgainWhenStartedAfterAStop() {
        AtomicInteger runs = new AtomicInteger();
        Chores chores = new Chores(List.of(new TestChore("quick", Duration.ofSeconds(5), runs::incrementAndGet)),
                settings, clock);
        chores.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 1);
        chores.stop();
        int beforeRestart = runs.get();

        chores.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() > beforeRestart);
        } finally {
            chores.stop();
        }
    }

    /** A chore that runs {@code work} every 10 ms with the given time limit. */
    record TestChore(String name, Duration timeout, Work work) implements Chore {

        @Override
        public Duration interval() {
            return Duration.ofMillis(10);
        }

        @Override
        public void run() throws Exception {
            work.run();
        }
    }

    interface Work {
        void run() throws Exception;
    }
}
