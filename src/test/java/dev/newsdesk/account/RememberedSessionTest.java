package dev.newsdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;

import dev.newsdesk.MutableClock;
import dev.newsdesk.TestBrowser;
import dev.newsdesk.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A session that "remember me" opens ends with the lifetime of the password login that started the series. */
@ClockedPortal
class RememberedSessionTest {

    @Autowired TestMembers members;
    @Autowired MutableClock clock;
    @Autowired AccountSettings settings;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @Test
    void aRememberedSessionEndsWhenThePasswordLoginBehindItIsTooOld() {
        Member member = members.create();
        TestBrowser browser = new TestBrowser(port);
        TestMembers.logIn(browser, member.email(), TestMembers.PASSWORD, true);
        // The password was typed almost a lifetime ago: the series still works for an hour.
        jdbc.sql("UPDATE remember_me SET created_at = ? WHERE member_id = ?")
                .params(clock.instant().minus(settings.sessionLifetime()).plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC),
                        member.id())
                .update();
        browser.forgetAllCookiesBut("remember-me");
        assertThat(browser.get("/account").statusCode()).as("remembered").isEqualTo(200);

        clock.advance(Duration.ofHours(2));

        assertThat(browser.get("/account").statusCode()).as("the session, and the series with it").isEqualTo(302);
    }
}
