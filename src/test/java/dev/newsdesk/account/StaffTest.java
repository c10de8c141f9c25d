package dev.newsdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.TestBrowser;
import dev.newsdesk.TestMembers;
import dev.newsdesk.TestNews;
import dev.newsdesk.account.internal.FirstAdmin;
import dev.newsdesk.mail.Mail;
import dev.newsdesk.mail.internal.Outbox;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The first administrator, and what administrators do to accounts. */
@NewsdeskTest
@ExtendWith(OutputCaptureExtension.class)
class StaffTest {

    @Autowired TestMembers members;
    @Autowired Members memberDirectory;
    @Autowired FirstAdmin firstAdmin;
    @Autowired JdbcClient jdbc;
    @Autowired Outbox outbox;
    @LocalServerPort int port;

    @Test
    void theFirstAdministratorIsCreatedOnceThroughTheLinkInTheLog(CapturedOutput log) {
        // Other tests in this database may have made administrators: take their role away for a moment.
        List<Long> admins = jdbc.sql("SELECT member_id FROM member_role WHERE role = 'ADMIN'").query(Long.class).list();
        jdbc.sql("DELETE FROM member_role WHERE role = 'ADMIN'").update();
        try {
            int before = log.getOut().length();
            firstAdmin.offerSetupLink();
            // Only the latest link works; the log may hold the one of the application's start before it.
            Matcher link = Pattern.compile("https://news\\.example\\.org(/setup/[A-Za-z0-9_-]+)")
                    .matcher(log.getOut().substring(before));
            assertThat(link.find()).as("the link is in the log").isTrue();
            String setup = link.group(1);
            assertThat(jdbc.sql("SELECT count(*) FROM account_token WHERE token_hash = ?")
                    .param(setup.substring(setup.lastIndexOf('/') + 1)).query(Long.class).single())
                    .as("and not in the database").isZero();

            TestBrowser browser = new TestBrowser(port);
            String name = TestNews.unique("chief").replace("-", "");
            HttpResponse<String> created = browser.submit(browser.page(setup), "form.account-form",
                    Map.of("displayName", name, "email", name + "@example.org", "password", "Chief-editor-password-1"));
            assertThat(created.headers().firstValue("Location")).hasValue("/login?next=/admin");

            Member admin = memberDirectory.find(jdbc.sql("SELECT id FROM member WHERE display_name = ?").param(name)
                    .query(Long.class).single()).orElseThrow();
            assertThat(admin.has(Role.ADMIN)).isTrue();
            assertThat(admin.verified()).isTrue();
            assertThat(browser.get(setup).statusCode()).as("the link stops working").isEqualTo(404);

            int logged = log.getOut().length();
            firstAdmin.offerSetupLink();
            assertThat(log.getOut().substring(logged)).as("no new link once there is an administrator")
                    .doesNotContain("/setup/");
        } finally {
            for (long id : admins) {
                jdbc.sql("INSERT INTO member_role (member_id, role) VALUES (?, 'ADMIN')").param(id).update();
            }
        }
    }

    @Test
    void anAdministratorGrantsRolesAndTheAuditLogRecordsIt() {
        Member admin = members.create(Role.ADMIN);
        Member member = members.create();
        TestBrowser adminBrowser = TestMembers.loggedIn(port, admin);
        TestBrowser memberBrowser = TestMembers.loggedIn(port, member);
        assertThat(memberBrowser.get("/admin").statusCode()).isEqualTo(403);

        Document users = adminBrowser.page("/admin/users?q=" + member.displayName());
        HttpResponse<String> granted = adminBrowser.submit(users, "form[action='/admin/users/" + member.id() + "/roles']",
                Map.of("role", "EDITOR"));
        assertThat(granted.headers().firstValue("Location")).hasValue("/admin/users?done=roles");

        assertThat(memberDirectory.find(member.id()).orElseThrow().roles()).containsExactlyInAnyOrder(Role.MEMBER, Role.EDITOR);
        assertThat(memberBrowser.get("/account").statusCode()).as("logged out to pick up the role").isEqualTo(302);
        assertThat(TestMembers.loggedIn(port, member).get("/admin").statusCode()).isEqualTo(200);
        Document audit = adminBrowser.page("/admin/audit");
        assertThat(audit.select("tbody tr").first().select("td").eachText())
                .containsSubsequence(admin.displayName(), "роли", member.displayName(), "EDITOR, MEMBER");
    }

    @Test
    void aBannedMemberIsLoggedOutAndToldWhyOnlyWithTheRightPassword() {
        Member admin = members.create(Role.ADMIN);
        Member member = members.create();
        TestBrowser adminBrowser = TestMembers.loggedIn(port, admin);
        TestBrowser memberBrowser = TestMembers.loggedIn(port, member);

        adminBrowser.submit(adminBrowser.page("/admin/users?q=" + member.displayName()),
                "form[action='/admin/users/" + member.id() + "/ban']", Map.of("reason", "реклама в комментариях"));

        assertThat(memberBrowser.get("/account").statusCode()).isEqualTo(302);
        TestBrowser again = new TestBrowser(port);
        HttpResponse<String> refused = TestMembers.logIn(again, member.email(), TestMembers.PASSWORD, false);
        assertThat(refused.headers().firstValue("Location")).hasValue("/login?error=banned");
        assertThat(again.page("/login?error=banned").selectFirst(".form-error").text())
                .isEqualTo("Ваша учётная запись заблокирована. Причина: реклама в комментариях");
        assertThat(again.cookie("SESSION")).as("the ban is told without a session").isNull();
        TestBrowser forger = new TestBrowser(port);
        forger.giveCookie(new java.net.HttpCookie("banned", java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(member.email().getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + (java.time.Instant.now().getEpochSecond() + 300) + "." + "A".repeat(43)));
        assertThat(forger.page("/login?error=banned").selectFirst(".form-error").text())
                .as("a notice the portal did not sign tells nothing").isEqualTo("Неверное имя, адрес или пароль.");
        assertThat(TestMembers.logIn(new TestBrowser(port), member.email(), "Wrong-password-1", false)
                .headers().firstValue("Location")).as("a stranger learns nothing").hasValue("/login?error=credentials");
        assertThat(new TestBrowser(port).get("/user/" + member.id()).statusCode()).isEqualTo(404);

        adminBrowser.submit(adminBrowser.page("/admin/users?q=" + member.displayName()),
                "form[action='/admin/users/" + member.id() + "/unban']", Map.of());
        assertThat(TestMembers.loggedIn(port, member).get("/account").statusCode()).isEqualTo(200);
        assertThat(adminBrowser.page("/admin/audit").select("tbody tr").eachText())
                .anySatisfy(row -> assertThat(row).contains("блокировка", "реклама в комментариях"))
                .anySatisfy(row -> assertThat(row).contains("снятие блокировки"));
    }

    @Test
    void anAdministratorCannotBanThemselvesOrLeaveThePortalWithoutAdministrators() {
        Member admin = members.create(Role.ADMIN);
        TestBrowser browser = TestMembers.loggedIn(port, admin);

        HttpResponse<String> banSelf = browser.submit(browser.page("/admin/users?q=" + admin.displayName()),
                "form[action='/admin/users/" + admin.id() + "/ban']", Map.of("reason", "test"));

        assertThat(banSelf.headers().firstValue("Location").orElseThrow()).contains("error=admin.error.banSelf");
        assertThat(browser.page(banSelf.headers().firstValue("Location").orElseThrow()).selectFirst(".form-error").text())
                .isEqualTo("Нельзя заблокировать самого себя.");
        assertThat(memberDirectory.find(admin.id()).orElseThrow().isBanned()).isFalse();
    }

    @Test
    void undeliverableMailIsShownToAdministrators() {
        String to = TestNews.unique("bounce") + "@example.org";
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // Queued as due in ten years, so that no node's dispatcher claims it before the test has.
        Instant due = now.plus(Duration.ofDays(3650));
        long id = outbox.queue(new Mail(to, "Письмо, которое не дошло", "text", "<p>html</p>"), due);
        assertThat(outbox.claim(id, 0, "staff-test", due, due.plusSeconds(60))).isTrue();
        outbox.failed(id, "staff-test", "550 5.1.1 User unknown", now);

        Document page = TestMembers.loggedIn(port, members.create(Role.ADMIN)).page("/admin/mail");

        assertThat(page.select("tbody tr").eachText())
                .anySatisfy(row -> assertThat(row).contains(to, "Письмо, которое не дошло", "550 5.1.1 User unknown"));
    }
}
