package dev.newsdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.TestBrowser;
import dev.newsdesk.TestMembers;
import dev.newsdesk.TestNews;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The security baseline of accounts, each point shown over HTTP. */
@NewsdeskTest
class AccountSecurityTest {

    @Autowired TestMembers members;
    @Autowired JdbcClient jdbc;
    @Autowired AccountSettings settings;
    @LocalServerPort int port;

    @Test
    void formsWithoutTheirCsrfTokenAreRefused() {
        TestBrowser browser = new TestBrowser(port);
        browser.page("/signup");

        assertThat(browser.post("/signup", Map.of("displayName", "Someone", "email", "someone@example.org",
                "password", "Long-enough-password-1")).statusCode()).isEqualTo(403);
        assertThat(browser.post("/login", Map.of("login", "someone@example.org", "password", "x")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void loggingInStartsANewSession() {
        // The only session a browser can hold before logging in is someone's who logged in on it (or planted it).
        TestBrowser browser = TestMembers.loggedIn(port, members.create());
        String before = browser.cookie("SESSION").getValue();
        browser.page("/login");

        TestMembers.logIn(browser, members.create().email(), TestMembers.PASSWORD, false);

        assertThat(browser.cookie("SESSION").getValue()).isNotEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE session_id = ?").param(before).query(Long.class)
                .single()).as("the session the browser came with").isZero();
    }

    @Test
    void sessionCookiesAreHttpOnlyLaxAndSecureOverHttps() {
        Member member = members.create();
        HttpResponse<String> plain = TestMembers.logIn(new TestBrowser(port), member.email(), TestMembers.PASSWORD, false);
        String cookie = plain.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");

        TestBrowser secure = new TestBrowser(port);
        org.jsoup.nodes.Document form = secure.page("/login");
        HttpResponse<String> https = secure.header("X-Forwarded-Proto", "https").submit(form, "form.account-form",
                Map.of("login", member.email(), "password", TestMembers.PASSWORD));
        assertThat(https.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst()
                .orElseThrow()).contains("Secure", "HttpOnly");
    }

    @Test
    void rememberMeTokensAreStoredHashedAndTheirCookieIsLaxHttpOnlyAndSecureOverHttps() {
        Member member = members.create();
        HttpResponse<String> login = TestMembers.logIn(new TestBrowser(port), member.email(), TestMembers.PASSWORD, true);
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("remember-me="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");

        String[] seriesAndToken = new String(java.util.Base64.getDecoder().decode(
                cookie.substring("remember-me=".length(), cookie.indexOf(';')))).split(":");
        String stored = jdbc.sql("SELECT token_hash FROM remember_me WHERE series = ?").param(seriesAndToken[0])
                .query(String.class).single();
        assertThat(stored).isNotEqualTo(seriesAndToken[1]).isEqualTo(sha256(seriesAndToken[1]));

        TestBrowser secure = new TestBrowser(port);
        org.jsoup.nodes.Document form = secure.page("/login");
        HttpResponse<String> https = secure.header("X-Forwarded-Proto", "https").submit(form, "form.account-form",
                Map.of("login", member.email(), "password", TestMembers.PASSWORD, "remember", "true"));
        assertThat(https.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("remember-me="))
                .singleElement().asString().contains("Secure", "HttpOnly", "SameSite=Lax");
    }

    @Test
    void aRememberMeCookieWithAWrongTokenOpensNothingAndEndsTheSeries() {
        Member member = members.create();
        TestBrowser browser = new TestBrowser(port);
        TestMembers.logIn(browser, member.email(), TestMembers.PASSWORD, true);
        String[] seriesAndToken = new String(java.util.Base64.getDecoder().decode(browser.cookie("remember-me").getValue()))
                .split(":");
        TestBrowser forger = new TestBrowser(port);
        java.net.HttpCookie forged = new java.net.HttpCookie("remember-me", java.util.Base64.getEncoder()
                .encodeToString((seriesAndToken[0] + ":" + "A".repeat(seriesAndToken[1].length())).getBytes()));
        forger.giveCookie(forged);

        assertThat(forger.get("/account").statusCode()).isEqualTo(302);
        browser.forgetAllCookiesBut("remember-me");
        assertThat(browser.get("/account").statusCode()).as("a stolen series is ended for its owner too").isEqualTo(302);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anonymousReadersGetNoSession() {
        HttpResponse<String> home = new TestBrowser(port).get("/");

        assertThat(home.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        HttpResponse<String> page = new TestBrowser(port).get("/login");

        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'", "frame-ancestors 'self'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    }

    @Test
    void wrongPasswordAndUnknownAccountGetTheSameAnswer() {
        Member member = members.create();

        HttpResponse<String> wrongPassword = TestMembers.logIn(new TestBrowser(port), member.email(), "Wrong-password-99", false);
        HttpResponse<String> unknown = TestMembers.logIn(new TestBrowser(port), "nobody-" + member.email(), "Wrong-password-99", false);

        assertThat(wrongPassword.headers().firstValue("Location")).isEqualTo(unknown.headers().firstValue("Location"))
                .hasValue("/login?error=credentials");
        TestBrowser browser = new TestBrowser(port);
        TestMembers.logIn(browser, member.email(), "Wrong-password-99", false);
        assertThat(browser.page("/login?error=credentials").selectFirst(".form-error").text())
                .isEqualTo("Неверное имя, адрес или пароль.");
    }

    @Test
    void signUpAnswersAlikeForKnownAndUnknownAddresses() {
        Member member = members.create();
        String fresh = TestNews.unique("fresh") + "@example.org";

        String known = signUp(member.email());
        String unknown = signUp(fresh);

        assertThat(known.replace(member.email(), "ADDRESS")).isEqualTo(unknown.replace(fresh, "ADDRESS"));
    }

    @Test
    void passwordsAreStoredAsArgon2idHashesAndTokensAsSha256() {
        Member member = members.create();

        String hash = jdbc.sql("SELECT password_hash FROM member WHERE id = ?").param(member.id()).query(String.class).single();

        assertThat(hash).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$").doesNotContain(TestMembers.PASSWORD);
        assertThat(jdbc.sql("SELECT token_hash FROM account_token").query(String.class).list())
                .allSatisfy(token -> assertThat(token).matches("[0-9a-f]{64}"));
    }

    @Test
    void tooManyLoginsForOneAccountAreRefusedWith429() {
        Member member = members.create();
        TestBrowser browser = new TestBrowser(port).header("X-Forwarded-For", "203.0.113.7");

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(TestMembers.logIn(browser, member.email(), "Wrong-password-99", false).statusCode())
                    .as("attempt %d", attempt).isEqualTo(302);
        }
        HttpResponse<String> refused = TestMembers.logIn(browser, member.email(), TestMembers.PASSWORD, false);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(Jsoup.parse(refused.body()).selectFirst("h1").text()).isEqualTo("Слишком много попыток");
        assertThat(TestMembers.logIn(new TestBrowser(port).header("X-Forwarded-For", "203.0.113.8"), member.email(),
                TestMembers.PASSWORD, false).statusCode()).as("per account, from any address").isEqualTo(429);
    }

    @Test
    void tooManySignUpsFromOneAddressAreRefusedWith429() {
        TestBrowser browser = new TestBrowser(port).header("X-Forwarded-For", "198.51.100.23");
        int status = 0;
        // The allowance refills as the loop runs, a little: the bound leaves room for that.
        for (int attempt = 1; attempt <= 2 * settings.attemptsPerAddress() && status != 429; attempt++) {
            status = browser.submit(browser.page("/en/signup"), "form.account-form",
                    Map.of("displayName", "x", "email", "bad", "password", "x")).statusCode();
        }

        assertThat(status).isEqualTo(429);
        HttpResponse<String> refused = browser.submit(browser.page("/en/signup"), "form.account-form",
                Map.of("displayName", "x", "email", "bad", "password", "x"));
        assertThat(Jsoup.parse(refused.body()).selectFirst("h1").text()).isEqualTo("Too many attempts");
    }

    @Test
    void staffPagesOpenOnlyForTheirRoles() {
        String[] adminPages = {"/admin/users", "/admin/audit", "/admin/mail", "/en/admin/users"};
        TestBrowser guest = new TestBrowser(port);
        assertThat(guest.get("/admin").statusCode()).isEqualTo(302);
        assertThat(guest.get("/admin").headers().firstValue("Location")).hasValue("/login?next=%2Fadmin");
        assertThat(guest.get("/admin/users").statusCode()).isEqualTo(302);

        TestBrowser member = TestMembers.loggedIn(port, members.create());
        assertThat(member.get("/admin").statusCode()).isEqualTo(403);
        assertThat(member.get("/admin").body()).contains("Нет доступа");
        for (Role role : new Role[] {Role.EDITOR, Role.MODERATOR}) {
            TestBrowser staff = TestMembers.loggedIn(port, members.create(role));
            assertThat(staff.get("/admin").statusCode()).as(role.name()).isEqualTo(200);
            for (String path : adminPages) {
                assertThat(staff.get(path).statusCode()).as("%s %s", role, path).isEqualTo(403);
            }
        }
        TestBrowser admin = TestMembers.loggedIn(port, members.create(Role.ADMIN));
        assertThat(admin.get("/admin").statusCode()).isEqualTo(200);
        for (String path : adminPages) {
            assertThat(admin.get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    private String signUp(String email) {
        TestBrowser browser = new TestBrowser(port);
        HttpResponse<String> answer = browser.submit(browser.page("/signup"), "form.account-form", Map.of(
                "displayName", TestNews.unique("same").replace("-", ""), "email", email, "password", "Long-enough-password-1"));
        assertThat(answer.statusCode()).isEqualTo(200);
        return Jsoup.parse(answer.body()).selectFirst("main").text();
    }

}
