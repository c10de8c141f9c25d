package dev.newsdesk.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.newsdesk.MutableClock;
import dev.newsdesk.account.AccountSettings;
import org.junit.jupiter.api.Test;

/** The lock that wrong passwords earn a login: short, doubling, capped, and cleared by the right password. */
class FailedLoginsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-06T10:00:00Z"));
    private final FailedLogins logins = new FailedLogins(new AccountSettings(10, Duration.ofHours(24), Duration.ofHours(1),
            Duration.ofHours(24), Duration.ofDays(30), 30, Duration.ofMinutes(15), 3, Duration.ofMinutes(1),
            Duration.ofMinutes(5), 5, Duration.ofHours(1), Duration.ofHours(12), Duration.ofDays(30),
            List.of("127.0.0.0/8")), clock);

    @Test
    void locksAfterTheAllowedWrongPasswordsDoublingUpToTheLongestLock() {
        logins.failed("Someone@Example.org");
        logins.failed("someone@example.org ");
        assertThat(logins.lockedFor("someone@example.org")).isZero();

        logins.failed("someone@example.org");
        assertThat(logins.lockedFor("SOMEONE@example.org")).isEqualTo(Duration.ofMinutes(1));

        for (Duration expected : List.of(Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(5),
                Duration.ofMinutes(5))) {
            clock.advance(logins.lockedFor("someone@example.org"));
            logins.failed("someone@example.org");
            assertThat(logins.lockedFor("someone@example.org")).isEqualTo(expected);
        }
    }

    @Test
    void theRightPasswordClearsTheCountAndOtherLoginsAreNotTouched() {
        for (int i = 0; i < 3; i++) {
            logins.failed("reader");
        }
        assertThat(logins.lockedFor("reader")).isPositive();
        assertThat(logins.lockedFor("writer")).isZero();

        logins.succeeded("reader");

        assertThat(logins.lockedFor("reader")).isZero();
        logins.failed("reader");
        assertThat(logins.lockedFor("reader")).isZero();
    }
}
