package dev.newsdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;

import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.TestBrowser;
import dev.newsdesk.TestMembers;
import dev.newsdesk.TestNews;
import dev.newsdesk.account.internal.Accounts;
import dev.newsdesk.site.Language;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Every form that sends mail is throttled per account and per address, by one allowance across the forms. */
@NewsdeskTest
class MailThrottleTest {

    @Autowired Accounts accounts;
    @Autowired PasswordEncoder encoder;
    @Autowired TestMembers members;
    @Autowired AccountSettings settings;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @Test
    void resendingTheVerificationLinkFromTheAccountPageIsThrottled() {
        String name = TestNews.unique("unconfirmed").replace("-", "");
        accounts.insert(name, name + "@example.org", encoder.encode(TestMembers.PASSWORD), Language.RU, Instant.now(),
                null, EnumSet.of(Role.MEMBER));
        TestBrowser browser = new TestBrowser(port).header("X-Forwarded-For", "203.0.113.60");
        TestMembers.logIn(browser, name, TestMembers.PASSWORD, false);

        for (int resend = 1; resend <= settings.mailsPerAccount(); resend++) {
            assertThat(browser.submit(browser.page("/account"), "form[action='/account/verify']", Map.of()).statusCode())
                    .as("resend %d", resend).isEqualTo(303);
        }
        assertThat(browser.submit(browser.page("/account"), "form[action='/account/verify']", Map.of()).statusCode())
                .isEqualTo(429);
        assertThat(queuedTo(name + "@example.org")).isEqualTo(settings.mailsPerAccount());
    }

    @Test
    void changingTheAddressIsThrottledPerAccount() {
        Member member = members.create();
        TestBrowser browser = TestMembers.loggedIn(port, member).header("X-Forwarded-For", "203.0.113.61");
        int status = 0;
        int attempts = 0;
        while (status != 429 && attempts <= settings.mailsPerAccount()) {
            attempts++;
            status = browser.submit(browser.page("/account"), "form[action='/account/email']", Map.of(
                    "email", TestNews.unique("next") + "@example.org", "currentPassword", TestMembers.PASSWORD)).statusCode();
        }

        assertThat(status).isEqualTo(429);
        assertThat(attempts).isEqualTo(settings.mailsPerAccount() + 1);
    }

    @Test
    void theFormsThatMailAnAddressShareOneAllowanceForIt() {
        String victim = TestNews.unique("victim") + "@example.org";
        String[] forms = {"/password/forgot", "/verify/resend", "/en/password/forgot"};
        int status = 0;
        int sent = 0;
        for (int attempt = 0; status != 429 && attempt <= settings.mailsPerAccount(); attempt++) {
            // From another address each time: the allowance of the address mailed is what runs out.
            TestBrowser browser = new TestBrowser(port).header("X-Forwarded-For", "203.0.113." + (100 + attempt));
            String form = forms[attempt % forms.length];
            status = attempt == 0
                    ? browser.submit(browser.page("/signup"), "form.account-form", Map.of("displayName",
                            TestNews.unique("v").replace("-", ""), "email", victim, "password", "Long-enough-password-1")).statusCode()
                    : browser.submit(formPage(browser, form), "form.account-form", Map.of("email", victim)).statusCode();
            sent += status == 429 ? 0 : 1;
        }

        assertThat(status).isEqualTo(429);
        assertThat(sent).isEqualTo(settings.mailsPerAccount());
    }

    @Test
    void theFormsThatMailAreThrottledPerClientAddress() {
        TestBrowser browser = new TestBrowser(port).header("X-Forwarded-For", "203.0.113.62");
        int status = 0;
        // The allowance refills as the loop runs, a little: the bound leaves room for that.
        for (int attempt = 1; attempt <= 2 * settings.attemptsPerAddress() && status != 429; attempt++) {
            status = browser.submit(browser.page("/password/forgot"),
                    "form.account-form", Map.of("email", TestNews.unique("any") + "@example.org")).statusCode();
        }

        assertThat(status).isEqualTo(429);
    }

    /** The page that carries the form posting to {@code form}: the resend form is on a dead link's page. */
    private org.jsoup.nodes.Document formPage(TestBrowser browser, String form) {
        String page = form.endsWith("/verify/resend") ? form.replace("/resend", "/made-up-token") : form;
        return org.jsoup.Jsoup.parse(browser.get(page).body(), "http://localhost:" + port + page);
    }

    private long queuedTo(String address) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(
                () -> jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ?").param(address).query(Long.class).single(),
                count -> count >= settings.mailsPerAccount());
    }
}
