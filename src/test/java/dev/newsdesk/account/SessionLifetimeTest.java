package dev.newsdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.TestBrowser;
import dev.newsdesk.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long a login lasts: a staff session ends after its idle hours, every session after its absolute
 * lifetime however busy, and remember-me neither outlives that nor revives a staff login. The tests age the
 * stored sessions and series instead of waiting.
 */
@NewsdeskTest
class SessionLifetimeTest {

    @Autowired TestMembers members;
    @Autowired AccountSettings settings;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @Test
    void aStaffSessionEndsAfterItsIdleHoursAndAMembersDoesNot() {
        Member editor = members.create(Role.EDITOR);
        Member member = members.create();
        TestBrowser staff = TestMembers.loggedIn(port, editor);
        TestBrowser reader = TestMembers.loggedIn(port, member);
        assertThat(staff.get("/admin").statusCode()).isEqualTo(200);

        Duration idle = settings.staffIdleTimeout().plusMinutes(5);
        lastSeenAgo(editor, idle);
        lastSeenAgo(member, idle);

        assertThat(staff.get("/admin").statusCode()).as("the editor's idle session").isEqualTo(302);
        assertThat(reader.get("/account").statusCode()).as("the reader's").isEqualTo(200);
    }

    @Test
    void aStaffSessionInUseStaysOpen() {
        Member moderator = members.create(Role.MODERATOR);
        TestBrowser staff = TestMembers.loggedIn(port, moderator);

        lastSeenAgo(moderator, settings.staffIdleTimeout().minusMinutes(5));

        assertThat(staff.get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    void everySessionEndsAfterItsLifetimeHoweverBusy() {
        Member member = members.create();
        TestBrowser reader = TestMembers.loggedIn(port, member);
        assertThat(reader.get("/account").statusCode()).isEqualTo(200);

        jdbc.sql("UPDATE spring_session SET creation_time = ? WHERE principal_name = ?")
                .params(Instant.now().minus(settings.sessionLifetime()).minusSeconds(60).toEpochMilli(),
                        Long.toString(member.id()))
                .update();

        assertThat(reader.get("/account").statusCode()).isEqualTo(302);
        assertThat(reader.get("/account").statusCode()).as("and stays ended").isEqualTo(302);
    }

    @Test
    void rememberMeEndsWithTheLifetimeOfTheLoginThatStartedIt() {
        Member member = members.create();
        TestBrowser browser = new TestBrowser(port);
        TestMembers.logIn(browser, member.email(), TestMembers.PASSWORD, true);
        jdbc.sql("UPDATE remember_me SET created_at = ? WHERE member_id = ?")
                .params(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minus(settings.rememberMe()).minusMinutes(1),
                        member.id())
                .update();

        browser.forgetAllCookiesBut("remember-me");

        assertThat(browser.get("/account").statusCode()).isEqualTo(302);
    }

    @Test
    void staffAreNotRememberedSoThatTheirIdleLimitHolds() {
        TestBrowser browser = new TestBrowser(port);

        TestMembers.logIn(browser, members.create(Role.ADMIN).email(), TestMembers.PASSWORD, true);

        assertThat(browser.get("/admin").statusCode()).isEqualTo(200);
        assertThat(browser.cookie("remember-me")).isNull();
    }

    /** Moves the member's sessions back in time: last used {@code ago}. */
    private void lastSeenAgo(Member member, Duration ago) {
        long then = Instant.now().minus(ago).toEpochMilli();
        jdbc.sql("UPDATE spring_session SET last_access_time = ? WHERE principal_name = ?")
                .params(then, Long.toString(member.id()))
                .update();
    }
}
