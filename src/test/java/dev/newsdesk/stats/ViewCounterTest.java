package dev.newsdesk.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.newsdesk.MutableClock;
import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.WebClient;
import dev.newsdesk.stats.internal.ViewLedger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Counting and writing views against the real database. Each test drives a counter of its own, with its own
 * clock, and flushes it itself: the application's counter is flushed every second by its chore, which must
 * not run in the middle of an assertion.
 */
@NewsdeskTest
class ViewCounterTest {

    private static final String ROBOT = "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)";

    @Autowired ViewLedger ledger;
    private final MutableClock clock = new MutableClock(Instant.now());

    /** An article id no other test uses; views are kept by id alone. */
    private static long article() {
        return 9_000_000_000L + System.nanoTime() % 1_000_000_000L;
    }

    private ViewCounter counter() {
        return new ViewCounter(ledger, clock,
                new StatsSettings(Duration.ofSeconds(1), Duration.ofMinutes(30), Duration.ofMinutes(1), Duration.ofDays(8)));
    }

    @Test
    void countsPeopleOnceAndRobotsNever() {
        ViewCounter counter = counter();
        long article = article();

        assertThat(counter.record(article, "10.0.0.1", WebClient.BROWSER)).isTrue();
        assertThat(counter.record(article, "10.0.0.1", WebClient.BROWSER)).as("a reload").isFalse();
        assertThat(counter.record(article, "10.0.0.2", WebClient.BROWSER)).isTrue();
        assertThat(counter.record(article, "10.0.0.3", ROBOT)).isFalse();
        assertThat(counter.record(article, "10.0.0.4", null)).isFalse();

        assertThat(counter.views(article)).isEqualTo(2);
    }

    @Test
    void countsTwoReadersWhoseAddressesHashAlike() {
        ViewCounter counter = counter();
        long article = article();

        assertThat(counter.record(article, "17.42.10.1", WebClient.BROWSER)).isTrue();
        assertThat(counter.record(article, "17.50.178.1", WebClient.BROWSER)).isTrue();
    }

    @Test
    void flushWritesTheTotalAndTheDay() {
        ViewCounter counter = counter();
        long article = article();
        counter.record(article, "10.0.1.1", WebClient.BROWSER);
        counter.record(article, "10.0.1.2", WebClient.BROWSER);
        counter.record(article, "10.0.1.3", WebClient.BROWSER);

        counter.flush();

        assertThat(ledger.total(article)).isEqualTo(3);
        assertThat(ledger.daily(article)).containsExactly(
                new ViewLedger.DailyViews(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), 3));
        assertThat(counter.views(article)).as("shown after the flush as before").isEqualTo(3);
        assertThat(counter.unwritten()).isZero();
    }

    @Test
    void mostReadRanksByViewsInTheWindow() {
        ViewCounter counter = counter();
        long popular = article();
        long quiet = popular + 1;
        long old = popular + 2;
        Instant now = clock.instant();
        counter.importViews(popular, 50, now.minus(Duration.ofHours(2)));
        counter.importViews(quiet, 5, now.minus(Duration.ofHours(3)));
        counter.importViews(old, 500, now.minus(Duration.ofDays(3)));

        assertThat(ledger.mostRead(now.minus(Duration.ofDays(1)), 1000)).containsSubsequence(popular, quiet)
                .doesNotContain(old);
        assertThat(ledger.mostRead(now.minus(Duration.ofDays(7)), 1000)).containsSubsequence(old, popular, quiet);
        assertThat(counter.views(old)).isEqualTo(500);
    }
}
