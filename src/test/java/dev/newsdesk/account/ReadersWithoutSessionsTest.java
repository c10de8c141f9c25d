package dev.newsdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.TestBrowser;
import dev.newsdesk.TestMembers;
import dev.newsdesk.TestNews;
import dev.newsdesk.article.ArticleDesk;
import dev.newsdesk.article.ArticleDraft;
import dev.newsdesk.article.Image;
import dev.newsdesk.article.Rubric;
import dev.newsdesk.site.Language;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Readers get no server session until they log in: every public page, the forms included, is served and its
 * forms are sent with the CSRF token in a signed cookie. The token is still wanted on every POST, a cookie the
 * portal did not sign (or signed for someone else's session) is refused with its field, and a POST that its
 * browser says comes from another site is refused whatever it carries.
 */
@NewsdeskTest
class ReadersWithoutSessionsTest {

    private static final AtomicInteger ADDRESS = new AtomicInteger();

    @Autowired TestNews news;
    @Autowired TestMembers members;
    @Autowired ArticleDesk desk;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @Test
    void aHundredAnonymousVisitsToEveryPublicPageLeaveNoSession() throws Exception {
        Rubric rubric = news.rubric();
        Image image = news.image();
        Instant now = Instant.now();
        long russian = news.published(news.draft(Language.RU, rubric, "Испытания новой ракеты", now.minus(2, ChronoUnit.HOURS)));
        ArticleDraft translation = news.draft(Language.EN, rubric, "Trials of a new missile", now.minus(1, ChronoUnit.HOURS));
        long english = news.published(new ArticleDraft(translation.language(), translation.rubricId(), null,
                translation.title(), null, null, translation.body(), null, null, null, image.id(), russian,
                translation.publishedAt()));
        Member member = members.create();
        Map<String, Integer> pages = new LinkedHashMap<>();
        for (String prefix : List.of("", "/en")) {
            pages.put(prefix + "/", 200);
            pages.put(prefix + "/rubric/" + rubric.slug(), 200);
            pages.put(prefix + "/images/" + image.id(), 200);
            pages.put(prefix + "/login", 200);
            pages.put(prefix + "/login?error=credentials", 200);
            pages.put(prefix + "/login?next=%2Faccount", 200);
            pages.put(prefix + "/signup", 200);
            pages.put(prefix + "/password/forgot", 200);
            pages.put(prefix + "/user/" + member.id(), 200);
            pages.put(prefix + "/no-such-page", 404);
        }
        pages.put(desk.find(russian).orElseThrow().path(), 200);
        pages.put(desk.find(english).orElseThrow().path(), 200);
        pages.put("/account", 302);
        List<String> before = sessions();

        HttpClient crawler = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        TestBrowser reader = new TestBrowser(port);
        List<String> sessionCookies = new ArrayList<>();
        for (int visit = 0; visit < 100; visit++) {
            for (Map.Entry<String, Integer> page : pages.entrySet()) {
                HttpResponse<String> response = visit % 2 == 0 ? reader.get(page.getKey())
                        : crawler.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + page.getKey()))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(page.getKey()).isEqualTo(page.getValue());
                response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                        .forEach(c -> sessionCookies.add(page.getKey() + ": " + c));
            }
        }

        assertThat(sessionCookies).isEmpty();
        assertThat(reader.cookie("SESSION")).isNull();
        assertThat(sessions()).as("rows of spring_session").isSubsetOf(before);
    }

    @Test
    void aReaderSendsAFormWithoutASessionAndTheTokenIsStillChecked() {
        TestBrowser reader = reader();
        Document form = reader.page("/password/forgot");

        assertThat(reader.submit(form, "form", Map.of("email", "nobody@example.org")).statusCode()).isEqualTo(200);
        assertThat(reader.post("/password/forgot", Map.of("email", "nobody@example.org")).statusCode())
                .as("without the field").isEqualTo(403);
        assertThat(reader.post("/password/forgot", Map.of("email", "nobody@example.org", "_csrf", "x")).statusCode())
                .as("with a wrong field").isEqualTo(403);
        assertThat(reader.cookie("SESSION")).isNull();
    }

    @Test
    void aCsrfCookieThePortalDidNotSignIsRefusedWithItsField() {
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[24]);
        String signed = reader().page("/password/forgot").selectFirst("input[name=_csrf]").attr("value");
        String realSignature = unmasked(signed).substring(unmasked(signed).indexOf('.') + 1);
        for (String forged : List.of(nonce, nonce + ".", nonce + ".AAAA", nonce + "." + realSignature)) {
            TestBrowser forger = reader();
            forger.giveCookie(new HttpCookie("csrf", forged));

            assertThat(forger.post("/password/forgot", Map.of("email", "nobody@example.org", "_csrf", masked(forged)))
                    .statusCode()).as(forged).isEqualTo(403);
            assertThat(forger.post("/password/forgot", Map.of("email", "nobody@example.org", "_csrf", forged))
                    .statusCode()).as(forged + " unmasked").isEqualTo(403);
        }
    }

    @Test
    void aTokenAStrangerGotForHimselfDoesNotPassInAMembersSession() {
        TestBrowser stranger = reader();
        String token = stranger.page("/signup").selectFirst("input[name=_csrf]").attr("value");
        TestBrowser member = TestMembers.loggedIn(port, members.create());
        member.page("/account");

        member.giveCookie(new HttpCookie("csrf", stranger.cookie("csrf").getValue()));

        assertThat(member.post("/account/name", Map.of("_csrf", token, "displayName", "Planted")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aPostThatItsBrowserSaysComesFromAnotherSiteIsRefusedWhateverItCarries() {
        for (String site : List.of("cross-site", "same-site")) {
            TestBrowser browser = reader().header("Sec-Fetch-Site", site);
            assertThat(browser.submit(browser.page("/password/forgot"), "form", Map.of("email", "nobody@example.org"))
                    .statusCode()).as(site).isEqualTo(403);
        }
        for (String origin : List.of("https://evil.example", "https://sub.news.example.org", "null",
                "http://localhost:" + (port + 1))) {
            TestBrowser browser = reader().header("Origin", origin);
            assertThat(browser.submit(browser.page("/password/forgot"), "form", Map.of("email", "nobody@example.org"))
                    .statusCode()).as(origin).isEqualTo(403);
        }
    }

    @Test
    void aPostFromThePortalsOwnPagesPasses() {
        TestBrowser fetching = reader().header("Sec-Fetch-Site", "same-origin").header("Origin", "http://localhost:" + port);
        assertThat(fetching.submit(fetching.page("/password/forgot"), "form", Map.of("email", "nobody@example.org"))
                .statusCode()).isEqualTo(200);
        for (String origin : List.of("http://localhost:" + port, "https://news.example.org")) {
            TestBrowser browser = reader().header("Origin", origin);
            assertThat(browser.submit(browser.page("/password/forgot"), "form", Map.of("email", "nobody@example.org"))
                    .statusCode()).as(origin).isEqualTo(200);
        }
    }

    @Test
    void theCsrfCookieIsHttpOnlyLaxAndSecureOverHttps() {
        String plain = setCookie(reader().get("/login"), "csrf=");
        assertThat(plain).contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure", "Max-Age");

        assertThat(setCookie(reader().header("X-Forwarded-Proto", "https").get("/login"), "csrf="))
                .contains("Secure", "HttpOnly", "SameSite=Lax");
    }

    @Test
    void loggingOutEndsTheSessionAndRemovesTheCsrfCookie() {
        Member member = members.create();
        TestBrowser browser = reader();
        TestMembers.logIn(browser, member.email(), TestMembers.PASSWORD, true);
        String session = browser.cookie("SESSION").getValue();

        HttpResponse<String> logout = browser.submit(browser.page("/account"), "form[action='/logout']", Map.of());

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(setCookie(logout, "csrf=")).contains("Max-Age=0");
        assertThat(setCookie(logout, "remember-me=;")).contains("Expires=Thu, 01 Jan 1970");
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE session_id = ?").param(session).query(Long.class)
                .single()).isZero();
        assertThat(browser.get("/account").statusCode()).isEqualTo(302);
    }

    @Test
    void aBrowserRememberedAfterItsSessionEndedSendsItsFormsWithANewToken() {
        Member member = members.create();
        TestBrowser browser = reader();
        TestMembers.logIn(browser, member.email(), TestMembers.PASSWORD, true);
        browser.forgetAllCookiesBut("remember-me");

        Document account = browser.page("/account");

        assertThat(browser.cookie("SESSION")).isNotNull();
        assertThat(browser.submit(account, "form[action='/logout']", Map.of()).statusCode()).isEqualTo(302);
    }

    private List<String> sessions() {
        return jdbc.sql("SELECT session_id FROM spring_session").query(String.class).list();
    }

    /** A browser of its own address, so that the forms' throttle counts these tests apart from the others. */
    private TestBrowser reader() {
        return new TestBrowser(port).header("X-Forwarded-For", "198.51.100." + (ADDRESS.incrementAndGet() % 250 + 1));
    }

    private static String setCookie(HttpResponse<String> response, String prefix) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " cookie in " + response.headers().map()));
    }

    /** The form field for a cookie value, masked as Spring Security masks it in a page (here with a mask of zeros). */
    private static String masked(String token) {
        byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
        byte[] field = new byte[bytes.length * 2];
        System.arraycopy(bytes, 0, field, bytes.length, bytes.length);
        return Base64.getUrlEncoder().encodeToString(field);
    }

    /** The cookie value a form field stands for. */
    private static String unmasked(String field) {
        byte[] bytes = Base64.getUrlDecoder().decode(field);
        int half = bytes.length / 2;
        byte[] token = new byte[half];
        for (int i = 0; i < half; i++) {
            token[i] = (byte) (bytes[i] ^ bytes[half + i]);
        }
        return new String(token, StandardCharsets.UTF_8);
    }
}
