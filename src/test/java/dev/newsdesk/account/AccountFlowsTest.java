package dev.newsdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.TestBrowser;
import dev.newsdesk.TestMailbox;
import dev.newsdesk.TestMembers;
import dev.newsdesk.TestNews;
import dev.newsdesk.account.internal.Accounts;
import dev.newsdesk.account.internal.Tokens;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sign-up, verification, login, reset and the account page, over HTTP and real mail. */
@NewsdeskTest
class AccountFlowsTest {

    private static final String PASSWORD = "Fresh-cucumber-2026";

    @Autowired GreenMail smtp;
    @Autowired Accounts accounts;
    @Autowired Tokens tokens;
    @Autowired TestMembers members;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    TestMailbox mail;

    @BeforeEach
    void mailbox() {
        mail = new TestMailbox(smtp);
    }

    @Test
    void signsUpVerifiesAndLogsIn() throws Exception {
        String name = TestNews.unique("reader").replace("-", "");
        String email = name + "@example.org";
        TestBrowser browser = new TestBrowser(port);

        HttpResponse<String> signedUp = browser.submit(browser.page("/signup"), "form.account-form",
                Map.of("displayName", name, "email", email, "password", PASSWORD));
        assertThat(signedUp.statusCode()).isEqualTo(200);
        assertThat(signedUp.body()).contains("Проверьте почту", email);

        MimeMessage message = mail.await(email, 1).getFirst();
        assertThat(message.getSubject()).isEqualTo("Подтвердите адрес электронной почты");
        assertThat(TestMailbox.text(message)).startsWith("Здравствуйте, " + name + "!");
        assertThat(TestMailbox.html(message)).contains("<a href=\"https://news.example.org/verify/");
        String link = TestMailbox.link(message, "/verify/");
        assertThat(accounts.findByEmail(email).orElseThrow().verifiedAt()).isNull();

        Document confirm = browser.page(link);
        assertThat(confirm.selectFirst("h1").text()).isEqualTo("Подтвердите адрес");
        assertThat(accounts.findByEmail(email).orElseThrow().verifiedAt()).as("not by opening the link").isNull();
        HttpResponse<String> verified = browser.submit(confirm, "form.account-form", Map.of());
        assertThat(org.jsoup.Jsoup.parse(verified.body()).selectFirst("h1").text()).isEqualTo("Адрес подтверждён");
        assertThat(accounts.findByEmail(email).orElseThrow().verifiedAt()).isNotNull();
        assertThat(browser.get(link).statusCode()).as("a link works once").isEqualTo(410);
        assertThat(browser.submit(confirm, "form.account-form", Map.of()).statusCode()).as("and posts once").isEqualTo(410);

        HttpResponse<String> login = TestMembers.logIn(browser, email, PASSWORD, false);
        assertThat(login.headers().firstValue("Location")).hasValue("/");
        Document account = browser.page("/account");
        assertThat(account.select(".account-facts dd").eachText()).contains(name, email + " подтверждён");
        assertThat(account.selectFirst(".member-name").text()).isEqualTo(name);

        TestBrowser byName = new TestBrowser(port);
        assertThat(TestMembers.logIn(byName, name.toUpperCase(), PASSWORD, false).headers().firstValue("Location"))
                .as("the display name logs in too, whatever its case").hasValue("/");
    }

    @Test
    void openingAVerificationLinkConfirmsNothingUntilItsButtonIsPressed() throws Exception {
        String name = TestNews.unique("scanned").replace("-", "");
        String email = name + "@example.org";
        TestBrowser browser = new TestBrowser(port);
        browser.submit(browser.page("/signup"), "form.account-form",
                Map.of("displayName", name, "email", email, "password", PASSWORD));
        String link = TestMailbox.link(mail.await(email, 1).getFirst(), "/verify/");

        TestBrowser scanner = new TestBrowser(port);
        assertThat(scanner.get(link).statusCode()).isEqualTo(200);
        assertThat(scanner.get(link).statusCode()).isEqualTo(200);
        Document page = scanner.page(link);

        assertThat(accounts.findByEmail(email).orElseThrow().verifiedAt()).isNull();
        assertThat(page.selectFirst("form.account-form").attr("method")).isEqualTo("post");
        assertThat(page.selectFirst("form.account-form").attr("action")).isEqualTo("/verify");
        assertThat(page.select("form.account-form input[type=hidden]").eachAttr("name")).contains("_csrf", "token");
        assertThat(scanner.post("/verify", Map.of("token", link.substring(link.lastIndexOf('/') + 1))).statusCode())
                .as("without the CSRF token").isEqualTo(403);
        assertThat(accounts.findByEmail(email).orElseThrow().verifiedAt()).isNull();
    }

    @Test
    void writesTheMailInTheLanguageOfTheSignUpPage() throws Exception {
        String name = TestNews.unique("english").replace("-", "");
        String email = name + "@example.org";
        TestBrowser browser = new TestBrowser(port);

        browser.submit(browser.page("/en/signup"), "form.account-form",
                Map.of("displayName", name, "email", email, "password", PASSWORD));

        MimeMessage message = mail.await(email, 1).getFirst();
        assertThat(message.getSubject()).isEqualTo("Confirm your e-mail address");
        assertThat(TestMailbox.link(message, "/en/verify/")).startsWith("/en/verify/");
        Document confirm = browser.page(TestMailbox.link(message, "/en/verify/"));
        assertThat(confirm.selectFirst("h1").text()).isEqualTo("Confirm your address");
        assertThat(org.jsoup.Jsoup.parse(browser.submit(confirm, "form.account-form", Map.of()).body())
                .selectFirst("h1").text()).isEqualTo("Address confirmed");
    }

    @Test
    void aSecondSignUpWithTheSameAddressLooksTheSameAndWarnsTheOwner() throws Exception {
        Member owner = members.create();
        TestBrowser stranger = new TestBrowser(port);

        HttpResponse<String> answer = stranger.submit(stranger.page("/signup"), "form.account-form",
                Map.of("displayName", TestNews.unique("copycat").replace("-", ""), "email", owner.email(),
                        "password", PASSWORD));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Проверьте почту");
        MimeMessage warning = mail.await(owner.email(), 1).getFirst();
        assertThat(warning.getSubject()).isEqualTo("Попытка регистрации с вашим адресом");
        assertThat(accounts.search(owner.email(), 0, 10)).hasSize(1);
    }

    @Test
    void refusesBadSignUpsInTheReadersLanguageKeepingWhatWasTyped() {
        TestBrowser browser = new TestBrowser(port);

        HttpResponse<String> refused = browser.submit(browser.page("/signup"), "form.account-form",
                Map.of("displayName", "x", "email", "not-an-address", "password", "qwertyuiop"));

        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = org.jsoup.Jsoup.parse(refused.body());
        assertThat(page.selectFirst("#error-displayName").text()).startsWith("Имя: от 2 до 40 знаков");
        assertThat(page.selectFirst("#error-email").text()).isEqualTo("Это не похоже на адрес электронной почты.");
        assertThat(page.selectFirst("#error-password").text()).startsWith("Этот пароль слишком легко угадать");
        assertThat(page.selectFirst("#field-email").attr("value")).isEqualTo("not-an-address");
        assertThat(page.selectFirst("#field-password").hasAttr("value")).isFalse();

        Document english = org.jsoup.Jsoup.parse(browser.submit(browser.page("/en/signup"), "form.account-form",
                Map.of("displayName", "Valid Name", "email", "a@example.org", "password", "short")).body());
        assertThat(english.selectFirst("#error-password").text()).isEqualTo("The password is too short.");
    }

    @Test
    void resetsAForgottenPasswordAndLogsOutOtherSessions() throws Exception {
        Member member = members.create();
        TestBrowser elsewhere = TestMembers.loggedIn(port, member);
        assertThat(elsewhere.get("/account").statusCode()).isEqualTo(200);
        TestBrowser browser = new TestBrowser(port);

        HttpResponse<String> asked = browser.submit(browser.page("/password/forgot"), "form.account-form",
                Map.of("email", member.email()));
        assertThat(asked.body()).contains("Если для адреса " + member.email() + " есть учётная запись");

        MimeMessage message = mail.await(member.email(), 1).getFirst();
        assertThat(message.getSubject()).isEqualTo("Восстановление пароля");
        String link = TestMailbox.link(message, "/password/reset/");
        HttpResponse<String> reset = browser.submit(browser.page(link), "form.account-form",
                Map.of("password", "Brand-new-password-7"));
        assertThat(reset.headers().firstValue("Location")).hasValue("/login?notice=reset");

        assertThat(elsewhere.get("/account").statusCode()).as("the other session ended").isEqualTo(302);
        assertThat(TestMembers.logIn(new TestBrowser(port), member.email(), TestMembers.PASSWORD, false)
                .headers().firstValue("Location").orElseThrow()).as("the old password").contains("error");
        assertThat(TestMembers.logIn(new TestBrowser(port), member.email(), "Brand-new-password-7", false)
                .headers().firstValue("Location")).hasValue("/");
        assertThat(browser.get(link).statusCode()).as("the link works once").isEqualTo(410);
    }

    @Test
    void aPasswordResetEndsAPendingAddressChangeAndEveryOtherWayIn() throws Exception {
        Member member = members.create();
        TestBrowser intruder = new TestBrowser(port);
        TestMembers.logIn(intruder, member.email(), TestMembers.PASSWORD, true);
        String intruderAddress = TestNews.unique("intruder") + "@example.org";
        intruder.submit(intruder.page("/account"), "form[action='/account/email']",
                Map.of("email", intruderAddress, "currentPassword", TestMembers.PASSWORD));
        String change = TestMailbox.link(mail.await(intruderAddress, 1).getFirst(), "/verify/");
        TestBrowser owner = new TestBrowser(port);
        owner.submit(owner.page("/password/forgot"), "form.account-form", Map.of("email", member.email()));
        String reset = TestMailbox.link(mailTo(member.email(), "Восстановление пароля"), "/password/reset/");

        owner.submit(owner.page(reset), "form.account-form", Map.of("password", "Owners-new-password-8"));

        assertThat(intruder.get("/account").statusCode()).as("the intruder's session").isEqualTo(302);
        intruder.forgetAllCookiesBut("remember-me");
        assertThat(intruder.get("/account").statusCode()).as("the intruder's remember-me").isEqualTo(302);
        assertThat(confirm(new TestBrowser(port), change)).as("the pending change").isEqualTo(410);
        assertThat(accounts.find(member.id()).orElseThrow().email()).isEqualTo(member.email());
    }

    @Test
    void aPasswordChangeEndsPendingLinksAndTheOtherSessions() throws Exception {
        Member member = members.create();
        TestBrowser browser = TestMembers.loggedIn(port, member);
        TestBrowser remembered = new TestBrowser(port);
        TestMembers.logIn(remembered, member.email(), TestMembers.PASSWORD, true);
        String newAddress = TestNews.unique("moving") + "@example.org";
        browser.submit(browser.page("/account"), "form[action='/account/email']",
                Map.of("email", newAddress, "currentPassword", TestMembers.PASSWORD));
        String change = TestMailbox.link(mail.await(newAddress, 1).getFirst(), "/verify/");
        TestBrowser forgot = new TestBrowser(port);
        forgot.submit(forgot.page("/password/forgot"), "form.account-form", Map.of("email", member.email()));
        String reset = TestMailbox.link(mailTo(member.email(), "Восстановление пароля"), "/password/reset/");

        browser.submit(browser.page("/account"), "form[action='/account/password']",
                Map.of("currentPassword", TestMembers.PASSWORD, "newPassword", "Changed-password-to-this-3"));

        assertThat(browser.get("/account").statusCode()).as("this session stays").isEqualTo(200);
        remembered.forgetAllCookiesBut("remember-me");
        assertThat(remembered.get("/account").statusCode()).as("remember-me elsewhere").isEqualTo(302);
        assertThat(new TestBrowser(port).get(reset).statusCode()).as("the pending reset link").isEqualTo(410);
        assertThat(confirm(new TestBrowser(port), change)).as("the pending change").isEqualTo(410);
        assertThat(accounts.find(member.id()).orElseThrow().email()).isEqualTo(member.email());
    }

    @Test
    void anAddressChangeIsAnnouncedToTheOldAddressWithoutALinkThatCompletesIt() throws Exception {
        Member member = members.create();
        TestBrowser browser = TestMembers.loggedIn(port, member);
        String newAddress = TestNews.unique("elsewhere") + "@example.org";

        browser.submit(browser.page("/account"), "form[action='/account/email']",
                Map.of("email", newAddress, "currentPassword", TestMembers.PASSWORD));

        MimeMessage notice = mailTo(member.email(), "Адрес вашей учётной записи меняется");
        assertThat(TestMailbox.text(notice)).contains(newAddress).doesNotContain("/verify/");
        assertThat(TestMailbox.html(notice)).doesNotContain("/verify/");
        assertThat(TestMailbox.text(notice)).contains("https://news.example.org/password/forgot");
    }

    @Test
    void acceptsLongPasswordsInAnyScript() throws Exception {
        String name = TestNews.unique("poet").replace("-", "");
        String email = name + "@example.org";
        String longPassword = "Пароль-из-длинной-русской-фразы-о-кораблях-и-море-2026";
        assertThat(longPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);
        TestBrowser browser = new TestBrowser(port);

        HttpResponse<String> signedUp = browser.submit(browser.page("/signup"), "form.account-form",
                Map.of("displayName", name, "email", email, "password", longPassword));

        assertThat(signedUp.statusCode()).isEqualTo(200);
        assertThat(TestMembers.logIn(new TestBrowser(port), email, longPassword, false).headers().firstValue("Location"))
                .hasValue("/");
        assertThat(TestMembers.logIn(new TestBrowser(port), email, longPassword.substring(0, 40), false)
                .headers().firstValue("Location")).as("every byte counts").hasValue("/login?error=credentials");
        TestBrowser member = new TestBrowser(port);
        TestMembers.logIn(member, email, longPassword, false);
        String longer = "Ещё-более-длинный-пароль-".repeat(7);
        assertThat(member.submit(member.page("/account"), "form[action='/account/password']",
                Map.of("currentPassword", longPassword, "newPassword", longer)).headers().firstValue("Location"))
                .hasValue("/account?done=password");
        assertThat(TestMembers.logIn(new TestBrowser(port), email, longer, false).headers().firstValue("Location"))
                .hasValue("/");
    }

    @Test
    void bcryptHashesStillLogInAndAreUpgradedToArgon2() {
        String name = TestNews.unique("veteran").replace("-", "");
        accounts.insert(name, name + "@example.org", "{bcrypt}" + new org.springframework.security.crypto.bcrypt
                .BCryptPasswordEncoder().encode(TestMembers.PASSWORD), dev.newsdesk.site.Language.RU,
                Instant.now(), Instant.now(), java.util.EnumSet.of(Role.MEMBER));

        assertThat(TestMembers.logIn(new TestBrowser(port), name, TestMembers.PASSWORD, false).headers()
                .firstValue("Location")).hasValue("/");

        assertThat(accounts.findByLogin(name).orElseThrow().passwordHash()).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$");
        assertThat(TestMembers.logIn(new TestBrowser(port), name, TestMembers.PASSWORD, false).headers()
                .firstValue("Location")).as("with the upgraded hash").hasValue("/");
        assertThat(TestMembers.logIn(new TestBrowser(port), name, "x".repeat(100), false).headers()
                .firstValue("Location")).as("a long wrong password").hasValue("/login?error=credentials");
    }

    @Test
    void answersResetRequestsAlikeForUnknownAddresses() {
        TestBrowser browser = new TestBrowser(port);
        String unknown = TestNews.unique("nobody") + "@example.org";

        HttpResponse<String> answer = browser.submit(browser.page("/password/forgot"), "form.account-form",
                Map.of("email", unknown));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Если для адреса " + unknown + " есть учётная запись");
    }

    @Test
    void refusesExpiredAndForeignLinks() {
        Member member = members.create();
        Instant past = Instant.now().minus(Duration.ofHours(3));
        String expired = tokens.issue(Tokens.Purpose.RESET, member.id(), null, past, Duration.ofHours(1));
        String verification = tokens.issue(Tokens.Purpose.VERIFY, member.id(), member.email(), Instant.now(),
                Duration.ofHours(1));
        TestBrowser browser = new TestBrowser(port);

        assertThat(browser.get("/password/reset/" + expired).statusCode()).isEqualTo(410);
        assertThat(browser.get("/password/reset/" + verification).statusCode()).as("a verification link").isEqualTo(410);
        assertThat(browser.get("/password/reset/made-up-token").statusCode()).isEqualTo(410);
        assertThat(browser.get("/verify/made-up-token").body()).contains("Ссылка не действует");
    }

    @Test
    void changesNameAddressAndPasswordFromTheAccountPage() throws Exception {
        Member member = members.create();
        TestBrowser browser = TestMembers.loggedIn(port, member);
        String newName = TestNews.unique("renamed").replace("-", "");
        String newEmail = newName + "@example.org";

        assertThat(browser.submit(browser.page("/account"), "form[action='/account/name']",
                Map.of("displayName", newName)).headers().firstValue("Location")).hasValue("/account?done=name");
        assertThat(browser.page("/account").selectFirst(".member-name").text()).isEqualTo(newName);

        HttpResponse<String> wrong = browser.submit(browser.page("/account"), "form[action='/account/email']",
                Map.of("email", newEmail, "currentPassword", "not-my-password"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("Текущий пароль указан неверно.");

        browser.submit(browser.page("/account"), "form[action='/account/email']",
                Map.of("email", newEmail, "currentPassword", TestMembers.PASSWORD));
        assertThat(accounts.find(member.id()).orElseThrow().email()).as("until the new address is confirmed")
                .isEqualTo(member.email());
        assertThat(confirm(browser, TestMailbox.link(mail.await(newEmail, 1).getFirst(), "/verify/"))).isEqualTo(200);
        assertThat(accounts.find(member.id()).orElseThrow().email()).isEqualTo(newEmail);

        TestBrowser other = new TestBrowser(port);
        TestMembers.logIn(other, newEmail, TestMembers.PASSWORD, false);
        assertThat(other.get("/account").statusCode()).isEqualTo(200);
        assertThat(browser.submit(browser.page("/account"), "form[action='/account/password']",
                Map.of("currentPassword", TestMembers.PASSWORD, "newPassword", "Another-long-password-1"))
                .headers().firstValue("Location")).hasValue("/account?done=password");
        assertThat(browser.get("/account").statusCode()).as("this session stays").isEqualTo(200);
        assertThat(other.get("/account").statusCode()).as("the other one ends").isEqualTo(302);
    }

    @Test
    void rememberMeSurvivesTheBrowserAndLogOutEverywhereEndsIt() {
        Member member = members.create();
        TestBrowser browser = new TestBrowser(port);
        TestMembers.logIn(browser, member.email(), TestMembers.PASSWORD, true);
        assertThat(browser.cookie("remember-me")).isNotNull();
        assertThat(browser.cookie("remember-me").isHttpOnly()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM remember_me WHERE member_id = ?").param(member.id())
                .query(Long.class).single()).as("one token per login").isEqualTo(1);

        browser.forgetAllCookiesBut("remember-me");
        assertThat(browser.get("/account").statusCode()).as("logged in again by the token").isEqualTo(200);

        TestBrowser second = TestMembers.loggedIn(port, member);
        assertThat(browser.page("/account").select("tbody tr")).hasSizeGreaterThanOrEqualTo(2);
        HttpResponse<String> everywhere = browser.submit(browser.page("/account"),
                "form[action='/account/logout-everywhere']", Map.of());
        assertThat(everywhere.headers().firstValue("Location")).hasValue("/login?notice=everywhere");

        assertThat(second.get("/account").statusCode()).isEqualTo(302);
        browser.forgetAllCookiesBut("remember-me");
        assertThat(browser.get("/account").statusCode()).as("the token is revoked").isEqualTo(302);
    }

    @Test
    void headerAndArticleInviteGuestsAndGreetMembers() {
        TestBrowser guest = new TestBrowser(port);
        Document home = guest.page("/");
        assertThat(home.selectFirst(".login-link").text()).isEqualTo("Войти");
        assertThat(home.selectFirst(".login-link").attr("href")).isEqualTo("/login?next=%2F");
        assertThat(guest.page("/en/").selectFirst(".login-link").text()).isEqualTo("Log in");

        Member member = members.create();
        Member editor = members.create(Role.EDITOR);
        Document memberHome = TestMembers.loggedIn(port, member).page("/");
        assertThat(memberHome.selectFirst(".member-name").text()).isEqualTo(member.displayName());
        assertThat(memberHome.select(".member-menu a").eachAttr("href")).contains("/account", "/user/" + member.id())
                .doesNotContain("/admin");
        assertThat(TestMembers.loggedIn(port, editor).page("/").select(".member-menu a").eachAttr("href"))
                .contains("/admin");
    }

    @Test
    void publicProfileShowsNameSinceAndInitials() {
        Member member = members.create(Role.MODERATOR);

        Document profile = new TestBrowser(port).page("/user/" + member.id());

        assertThat(profile.selectFirst("h1").text()).isEqualTo(member.displayName());
        assertThat(profile.text()).contains("Участник с", "модератор");
        assertThat(profile.selectFirst("svg.avatar text").text()).isEqualTo(member.displayName().substring(0, 1).toUpperCase());
        assertThat(new TestBrowser(port).page("/en/user/" + member.id()).text()).contains("Member since", "moderator");
        assertThat(new TestBrowser(port).get("/user/987654321").statusCode()).isEqualTo(404);
    }

    /** Follows a verification link as a person would, pressing its button, and answers the status of the last page. */
    private int confirm(TestBrowser browser, String link) {
        HttpResponse<String> page = browser.get(link);
        if (page.statusCode() != 200) {
            return page.statusCode();
        }
        return browser.submit(org.jsoup.Jsoup.parse(page.body(), "http://localhost:" + port + link), "form.account-form",
                Map.of()).statusCode();
    }

    /** The first message to {@code address} with {@code subject}, waiting for it a few seconds at most. */
    private MimeMessage mailTo(String address, String subject) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> mail.all(address).stream().filter(m -> subjectOf(m).equals(subject)).findFirst(),
                        java.util.Optional::isPresent).orElseThrow();
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
