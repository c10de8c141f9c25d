package dev.newsdesk.chore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.newsdesk.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** Health tells operators when a chore fails, and when it has stopped doing its job at all. */
class ChoreHealthTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-06T10:00:00Z"));
    private final ChoreSettings settings = new ChoreSettings(3, Duration.ofSeconds(1));
    private final AtomicBoolean failing = new AtomicBoolean();
    private final Chore following = new Following();
    private final Chores chores = new Chores(List.of(following), settings, clock);
    private final ChoreHealth health = new ChoreHealth(chores.runners().get(following.name()), settings, clock);

    @Test
    void isUpWhileRunsSucceedAndShowsTheChoresFigures() {
        chores.runNow(following.name());
        clock.advance(Duration.ofSeconds(13));

        Health now = health.health();

        assertThat(now.getStatus()).isEqualTo(Status.UP);
        assertThat(now.getDetails()).containsEntry("position", 42L).containsEntry("failuresInARow", 0)
                .containsEntry("lastSuccess", "2026-01-06T10:00:00Z").doesNotContainKey("stale");
    }

    @Test
    void isDownWhenTheLastRunFailed() {
        failing.set(true);
        chores.runNow(following.name());

        Health now = health.health();

        assertThat(now.getStatus()).isEqualTo(Status.DOWN);
        assertThat(now.getDetails()).containsEntry("lastError", "relation \"article\" does not exist")
                .containsEntry("failuresInARow", 1);
    }

    @Test
    void isDownWhenNoRunHasSucceededForAFewIntervalsBeyondItsTimeLimit() {
        chores.runNow(following.name());
        clock.advance(Duration.ofSeconds(14));

        Health now = health.health();

        assertThat(now.getStatus()).isEqualTo(Status.DOWN);
        assertThat(now.getDetails()).containsEntry("stale", "no successful run for more than PT13S");
    }

    @Test
    void isDownWhenAChoreNeverRanSinceItWasSetUp() {
        clock.advance(Duration.ofMinutes(1));

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    }

    /** Every second, at most 10 seconds a run: stale after 13 seconds without success. */
    private final class Following implements Chore {

        @Override
        public Duration interval() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(10);
        }

        @Override
        public void run() {
            if (failing.get()) {
                throw new IllegalStateException("relation \"article\" does not exist");
            }
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("position", 42L);
        }
    }
}
