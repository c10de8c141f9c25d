package dev.newsdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import dev.newsdesk.MutableClock;
import dev.newsdesk.TestBrowser;
import dev.newsdesk.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Only wrong passwords count against an account, and they lock it for a short while that grows with every
 * further wrong one: a stranger cannot keep its owner out for long, and the owner's own logins never count.
 */
@ClockedPortal
class LoginLockTest {

    @Autowired TestMembers members;
    @Autowired MutableClock clock;
    @Autowired AccountSettings settings;
    @LocalServerPort int port;

    @Test
    void aStrangersWrongPasswordsLockTheAccountBrieflyAndTheOwnerGetsInAfterwards() {
        Member member = members.create();
        TestBrowser stranger = new TestBrowser(port).header("X-Forwarded-For", "203.0.113.50");
        for (int attempt = 1; attempt <= settings.failedLoginsBeforeLock(); attempt++) {
            assertThat(location(TestMembers.logIn(stranger, member.email(), "Wrong-password-99", false)))
                    .as("attempt %d", attempt).isEqualTo("/login?error=credentials");
        }
        TestBrowser owner = new TestBrowser(port).header("X-Forwarded-For", "203.0.113.51");

        HttpResponse<String> locked = TestMembers.logIn(owner, member.email(), TestMembers.PASSWORD, false);
        assertThat(locked.statusCode()).as("locked, even for the right password").isEqualTo(429);
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, settings.firstLock().toSeconds());

        clock.advance(settings.firstLock().plusSeconds(1));
        assertThat(location(TestMembers.logIn(owner, member.email(), TestMembers.PASSWORD, false))).isEqualTo("/");
    }

    @Test
    void eachWrongPasswordAfterALockDoublesTheNextOne() {
        Member member = members.create();
        TestBrowser stranger = new TestBrowser(port).header("X-Forwarded-For", "203.0.113.52");
        for (int attempt = 1; attempt <= settings.failedLoginsBeforeLock(); attempt++) {
            TestMembers.logIn(stranger, member.displayName(), "Wrong-password-99", false);
        }
        clock.advance(settings.firstLock().plusSeconds(1));
        assertThat(location(TestMembers.logIn(stranger, member.displayName(), "Wrong-password-98", false)))
                .isEqualTo("/login?error=credentials");

        clock.advance(settings.firstLock().plusSeconds(1));
        assertThat(TestMembers.logIn(stranger, member.displayName(), TestMembers.PASSWORD, false).statusCode())
                .as("twice as long now").isEqualTo(429);
        clock.advance(settings.firstLock());
        assertThat(location(TestMembers.logIn(stranger, member.displayName(), TestMembers.PASSWORD, false)))
                .isEqualTo("/");
    }

    @Test
    void theOwnersLoginsNeverCountAndOneResetsTheWrongOnes() {
        Member member = members.create();
        TestBrowser owner = new TestBrowser(port).header("X-Forwarded-For", "203.0.113.53");
        for (int login = 1; login <= settings.failedLoginsBeforeLock() * 3; login++) {
            assertThat(location(TestMembers.logIn(owner, member.email(), TestMembers.PASSWORD, false)))
                    .as("login %d", login).isEqualTo("/");
        }
        for (int round = 1; round <= 3; round++) {
            for (int attempt = 1; attempt < settings.failedLoginsBeforeLock(); attempt++) {
                TestMembers.logIn(owner, member.email(), "Mistyped-password-1", false);
            }
            assertThat(location(TestMembers.logIn(owner, member.email(), TestMembers.PASSWORD, false)))
                    .as("round %d", round).isEqualTo("/");
        }
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("status " + response.statusCode());
    }
}
