package dev.newsdesk.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.newsdesk.account.AccountSettings;
import org.springframework.stereotype.Component;

/**
 * Wrong passwords given for each login (an address or a display name, known or not, so that a lock tells
 * nothing about whether the account exists). After {@link AccountSettings#failedLoginsBeforeLock()} of them
 * the login is locked for {@link AccountSettings#firstLock()}, and each further wrong one doubles the next
 * lock up to {@link AccountSettings#longestLock()}: a stranger can keep an owner out for minutes, not for
 * good. A right password clears the count. Counts are kept on each node, for a day after the last wrong one.
 */
@Component
public class FailedLogins {

    private final AccountSettings settings;
    private final Clock clock;
    private final Cache<String, Failures> failures = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofDays(1))
            .maximumSize(200_000)
            .build();

    FailedLogins(AccountSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    private record Failures(int count, Instant lockedUntil) {
    }

    /** How long {@code login} stays locked; zero when it may be tried now. */
    public Duration lockedFor(String login) {
        Failures found = login == null ? null : failures.getIfPresent(key(login));
        if (found == null || found.lockedUntil() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), found.lockedUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Counts a wrong password for {@code login}, and locks it when that makes too many. */
    public void failed(String login) {
        if (login == null) {
            return;
        }
        failures.asMap().compute(key(login), (key, before) -> {
            int count = before == null ? 1 : before.count() + 1;
            int over = count - settings.failedLoginsBeforeLock();
            if (over < 0) {
                return new Failures(count, null);
            }
            Duration lock = settings.firstLock().multipliedBy(1L << Math.min(over, 20));
            return new Failures(count, clock.instant().plus(lock.compareTo(settings.longestLock()) > 0
                    ? settings.longestLock() : lock));
        });
    }

    /** The right password was given: the wrong ones before it no longer count. */
    public void succeeded(String login) {
        if (login != null) {
            failures.invalidate(key(login));
        }
    }

    /** Logins are kept hashed: a name or address never sits in memory in clear, however long it is. */
    private static String key(String login) {
        return Tokens.hash(Accounts.key(login));
    }
}
